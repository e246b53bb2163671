/**
 * Where a reuse notice sits: the page's footer, a copyright or "reprints" box, a note right
 * after the article. Only these regions are read, never the article body: an article *about*
 * hyperlinks or attribution law says the same words in its paragraphs, and reading the whole
 * document would also break the copy-time budget on a 2 MB page. The search walks the tail
 * of the DOM (where footers are) instead of querying the whole document.
 */

import { isMarkedHidden } from './visible-text';

/** Class or id words that mark page chrome holding legal text. */
const CHROME_MARKER =
  /footer|copyright|copy-?right|reprint|rights|legal|disclaimer|bottom|colophon|imprint|terms-of-use|usage/i;

/** Inside an article, only blocks marked as notes count (a plain paragraph is the article). */
const ARTICLE_NOTE_MARKER =
  /copyright|reprint|rights|disclaimer|notice|source-note|article-?footer/i;

/** Content, not chrome: the tail search does not descend into these. */
const CONTENT_TAGS = new Set(['ARTICLE', 'MAIN', 'NAV', 'HEADER', 'FORM']);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'LINK', 'META', 'SVG']);

/**
 * How many trailing children of each level are looked at, and how deep. <body> gets more:
 * ad slots, widgets and dialogs often follow the footer there.
 */
const TAIL_WIDTH = 6;
const BODY_TAIL_WIDTH = 24;
const TAIL_DEPTH = 5;
/** A plain block after the article is a note only when short; longer is more content. */
const MAX_PLAIN_NOTE_CHARS = 600;

function marker(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.id}`;
}

export function isChrome(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  return (
    tag === 'FOOTER' ||
    element.getAttribute('role') === 'contentinfo' ||
    CHROME_MARKER.test(marker(element))
  );
}

/** Up to `width` last element children that may hold text, last first. */
function trailingChildren(parent: Element, width = TAIL_WIDTH): Element[] {
  const children: Element[] = [];
  for (let el = parent.lastElementChild; el && children.length < width;) {
    // Hidden modals and templates after the footer would use up the width without holding text.
    if (!SKIPPED_TAGS.has(el.tagName.toUpperCase()) && !isMarkedHidden(el)) children.push(el);
    el = el.previousElementSibling;
  }
  return children;
}

/**
 * Counts text only up to the limit: the block after an article may be a comment thread of
 * megabytes, and textContent would build all of it.
 */
function isShortBlock(element: Element): boolean {
  let length = 0;
  const count = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) length += child.nodeValue?.length ?? 0;
      else if (child.nodeType === 1 && !count(child)) return false;
      if (length > MAX_PLAIN_NOTE_CHARS) return false;
    }
    return true;
  };
  return count(element);
}

/** Footers and chrome blocks at the end of the page, outermost first. */
function tailRegions(parent: Element, depth: number, found: Element[]): void {
  for (const child of trailingChildren(parent, depth === 0 ? BODY_TAIL_WIDTH : TAIL_WIDTH)) {
    if (isChrome(child)) {
      found.push(child);
      continue;
    }
    const tag = child.tagName.toUpperCase();
    if (CONTENT_TAGS.has(tag)) continue;
    if (depth < TAIL_DEPTH && child.firstElementChild) tailRegions(child, depth + 1, found);
    else if (depth === 0 && isShortBlock(child)) found.push(child); // a bare note at the end of <body>
  }
}

/** Note blocks at the end of the article, and the block right after it. */
function afterArticleRegions(article: Element, found: Element[]): void {
  for (const child of trailingChildren(article)) {
    if (ARTICLE_NOTE_MARKER.test(marker(child)) || child.tagName.toUpperCase() === 'FOOTER') {
      found.push(child);
    }
  }
  const next = article.nextElementSibling;
  if (next && !CONTENT_TAGS.has(next.tagName.toUpperCase()) && isShortBlock(next)) found.push(next);
}

/** Where detection reads: the article (for its licence markup) and the notice regions. */
export interface NoticeRegions {
  article: Element | null;
  /** In reading priority: after the article first (its own rule), then the page's tail. */
  regions: Element[];
}

/** The candidate regions, without duplicates or regions inside one already listed. */
export function noticeRegions(doc: Document): NoticeRegions {
  const found: Element[] = [];
  const body = doc.body;
  if (!body) return { article: null, regions: found };
  const article = body.querySelector('article') ?? body.querySelector('main');
  if (article) afterArticleRegions(article, found);
  tailRegions(body, 0, found);
  if (!found.some(isChrome)) {
    // The footer is not among the last blocks (ad slots, widgets after it): take the page's
    // last <footer>. getElementsByTagName is a live list browsers keep, not a fresh query.
    const footers = body.getElementsByTagName('footer');
    const last = footers[footers.length - 1];
    if (last && !(article && article.contains(last))) found.push(last);
  }
  const regions = found.filter(
    (region, i) =>
      found.indexOf(region) === i && !found.some((other, j) => j < i && other.contains(region)),
  );
  return { article, regions };
}

/** The article's last few children: where a licence line or note under the text sits. */
export function articleTail(article: Element | null): Element[] {
  return article ? trailingChildren(article) : [];
}
