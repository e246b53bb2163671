/**
 * The byline as the page shows it, for pages whose metadata names no author (or only the
 * site): microdata (itemprop=author), rel=author links, byline/author classes, links to
 * author pages, and "By …" / "Автор: …" / "Müəllif: …" lines under the headline or at
 * the end of the body.
 *
 * Looked for only inside the article's container (findArticleRoot), and never in the
 * parts of it that belong to other articles or to readers: related and recommended
 * lists, sidebars, comment threads, author bios. Each way of finding a byline adds one
 * candidate, in the order above; the extractor keeps the first that survives cleaning
 * and is not the site's own name (extract.ts). Only names that look like people's
 * ("Posted by Maya", "By the end of the year" are not bylines) are offered.
 */
import { cleanAuthorNames, hasBylinePrefix, looksLikePersonName } from '../text/clean-text';
import { findArticleLandmarks, type ArticleLandmarks } from './dom';
import { addReading, type LayerReadings } from './readings';

/** A byline is a short line; longer text is a bio, a teaser or the article itself. */
const MAX_BYLINE_CHARS = 250;

/** Elements that hold other things than the article: never a byline. */
const OFF_ARTICLE_TAGS = new Set(['ASIDE', 'NAV', 'FOOTER', 'FORM']);

/**
 * Class or id words of the parts of a page that are not this article's byline, matched as
 * whole words of a class name ("author-bio", "comment-author", "c-recommended", "read-also"),
 * so "vcard" is not "card".
 */
const OFF_ARTICLE_CLASS =
  /(?:^|[\s_-])(?:comments?|kommentare?|replies|reply|related|recommended|recommend|also|more|popular|sidebar|widgets?|teasers?|cards?|feed|newsletter|subscribe|promo|share|social|bio|biography|avatar|other|similar|latest|last)(?=$|[\s_-])/i;

const MAX_ANCESTORS = 25;

function isOffArticle(element: Element, root: Element): boolean {
  let node: Element | null = element;
  for (let depth = 0; node && node !== root && depth < MAX_ANCESTORS; depth++) {
    if (OFF_ARTICLE_TAGS.has(node.tagName)) return true;
    const marker = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`;
    if (OFF_ARTICLE_CLASS.test(marker)) return true;
    node = node.parentElement;
  }
  return false;
}

function collapsedText(element: Element): string {
  const text = element.textContent ?? '';
  return (text.length > MAX_BYLINE_CHARS * 2 ? '' : text).replace(/\s+/g, ' ').trim();
}

/** The names in a byline-shaped text, or null unless every one looks like a person's name. */
export function parseBylineText(text: string): string[] | null {
  if (text.length === 0 || text.length > MAX_BYLINE_CHARS) return null;
  const names = cleanAuthorNames([text]);
  return names.length > 0 && names.every(looksLikePersonName) ? names : null;
}

type NameReader = (element: Element) => string[] | null;

/**
 * Names from the first element (in page order, outside off-article parts) that yields
 * any, plus those of its siblings that match too: co-authors are written as several
 * links or itemprops side by side ("<a>A</a> и <a>B</a>").
 */
function namesFromFirstGroup(
  elements: ArrayLike<Element>,
  root: Element,
  read: NameReader,
): string[] | null {
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    if (!element || isOffArticle(element, root)) continue;
    const names = read(element);
    if (!names) continue;
    for (let j = i + 1; j < elements.length; j++) {
      const sibling = elements[j];
      if (!sibling || sibling.parentElement !== element.parentElement) continue;
      names.push(...(read(sibling) ?? []));
    }
    return names;
  }
  return null;
}

const readElementText: NameReader = (element) => parseBylineText(collapsedText(element));

/** itemprop=author: its itemprop=name (text or content), else its own content or text. */
const readMicrodataAuthor: NameReader = (element) => {
  const name = element.querySelector('[itemprop~="name"]') ?? element;
  const content = name.getAttribute('content');
  return content ? parseBylineText(content.trim()) : readElementText(name);
};

const BYLINE_CLASSES =
  '[class*="byline"], [class*="author"], [class*="avtor"], [class*="muellif"], [class*="writer"]';

const AUTHOR_PAGE_LINKS = [
  '/author/',
  '/authors/',
  '/avtor/',
  '/avtory/',
  '/muellif/',
  '/byline/',
  '/journalist/',
]
  .map((path) => `a[href*="${path}"]`)
  .join(', ');

/** The first byline/author-classed element whose whole text is a byline. */
function classedByline(root: Element): string[] | null {
  const elements = root.querySelectorAll(BYLINE_CLASSES);
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    if (!element || isOffArticle(element, root)) continue;
    const names = readElementText(element);
    if (names) return names;
  }
  return null;
}

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelled out: core code has no DOM globals.
/** How many lines (non-blank text nodes) after the headline, and before the article's end, are read. */
const LINES_NEAR_EDGES = 25;

function isBlank(node: Node): boolean {
  return !node.nodeValue?.trim();
}

/**
 * The lines where bylines stand: the first after the headline (from the article's start
 * when there is none) and the last of the article. Walked from those two places, so a
 * long article costs no more than a short one.
 */
function linesNearEdges(doc: Document, root: Element, headline: Element | null): Node[] {
  const lines: Node[] = [];
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const start = headline && root.contains(headline) ? headline : null;
  if (start) walker.currentNode = start;
  let taken = 0;
  while (taken < LINES_NEAR_EDGES && walker.nextNode()) {
    const node = walker.currentNode;
    if (isBlank(node) || start?.contains(node)) continue;
    lines.push(node);
    taken++;
  }
  walker.currentNode = root;
  const last = walker.lastChild();
  taken = 0;
  for (let node = last; node && taken < LINES_NEAR_EDGES; node = walker.previousNode()) {
    if (isBlank(node) || start?.contains(node)) continue;
    lines.push(node);
    taken++;
  }
  return lines;
}

/**
 * A "By …" / "Автор: …" line: a text node that opens with a byline word, read with the rest
 * of its element ("Автор: <a>Олена Коваленко</a>"), among the lines after the headline or
 * at the article's end, where bylines stand; the middle of the body quotes.
 */
function bylineLine(doc: Document, root: Element, headline: Element | null): string[] | null {
  for (const node of linesNearEdges(doc, root, headline)) {
    const element = node.parentElement;
    // The space lets "Автор:" followed by a link count as a prefix on its own.
    if (!element || !hasBylinePrefix(`${node.nodeValue?.trim()} `)) continue;
    if (isOffArticle(element, root)) continue;
    const names = parseBylineText(collapsedText(element));
    if (names) return names;
  }
  return null;
}

/** Byline candidates, best first (see the module comment). */
export function readBylines(
  doc: Document,
  landmarks: ArticleLandmarks = findArticleLandmarks(doc),
): LayerReadings {
  const readings: LayerReadings = {};
  const { headline, root } = landmarks;
  if (!root) return readings;
  addReading(
    readings,
    'authors',
    namesFromFirstGroup(
      root.querySelectorAll('[itemprop~="author"], [itemprop~="creator"]'),
      root,
      readMicrodataAuthor,
    ),
  );
  addReading(
    readings,
    'authors',
    namesFromFirstGroup(root.querySelectorAll('a[rel~="author"]'), root, readElementText),
  );
  addReading(readings, 'authors', classedByline(root));
  addReading(
    readings,
    'authors',
    namesFromFirstGroup(root.querySelectorAll(AUTHOR_PAGE_LINKS), root, readElementText),
  );
  addReading(readings, 'authors', bylineLine(doc, root, headline));
  return readings;
}
