/**
 * Layers read from the document structure rather than from metadata tags:
 * <link rel=canonical>, <html lang>, <title>, the article's <h1>, its container and
 * <time datetime>.
 * Only targeted queries and textContent — never innerText, which forces layout.
 */
import { normaliseMachineDate } from '../dates/iso-date';
import { addReading, type LayerReadings } from './readings';

const MAX_LINK_TAGS = 300;

/** Enough characters of an element's text for any headline; the rest is never read. */
const MAX_ELEMENT_TEXT = 4000;

function elementText(element: Element | null | undefined): string | undefined {
  const text = element?.textContent;
  if (typeof text !== 'string') return undefined;
  return text.length > MAX_ELEMENT_TEXT ? text.slice(0, MAX_ELEMENT_TEXT) : text;
}

function relTokens(link: Element): string[] {
  return (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
}

/** rel=canonical (every one, in order: a bad first one must not hide a good second) and rel=image_src. */
export function readLinkTags(doc: Document): LayerReadings {
  const readings: LayerReadings = {};
  const links = doc.querySelectorAll('link[rel][href]');
  for (let i = 0; i < links.length && i < MAX_LINK_TAGS; i++) {
    const link = links[i];
    if (!link) continue;
    const rel = relTokens(link);
    if (rel.includes('canonical')) addReading(readings, 'canonicalUrl', link.getAttribute('href'));
    if (rel.includes('image_src')) addReading(readings, 'imageUrl', link.getAttribute('href'));
  }
  return readings;
}

/** <html lang> (or xml:lang) and the document <title>. */
export function readHtmlElements(doc: Document): LayerReadings {
  const readings: LayerReadings = {};
  const root = doc.documentElement as Element | null;
  if (root) {
    addReading(readings, 'language', root.getAttribute('lang'));
    addReading(readings, 'language', root.getAttribute('xml:lang'));
  }
  addReading(readings, 'title', elementText(doc.querySelector('title')));
  return readings;
}

/** The headline element: the article's (or main content's) h1, else the page's first h1. */
export function findHeadline(doc: Document): Element | null {
  return doc.querySelector('article h1, main h1, [role="main"] h1') ?? doc.querySelector('h1');
}

/** How many ancestors of the headline are looked at for the article's container. */
const MAX_ROOT_DEPTH = 12;

/**
 * The element that holds the article: the headline's <article> or schema.org Article
 * container, else the nearest ancestor of the headline that also holds a paragraph of
 * text (the headline's own wrapper seldom does; the story's does). Bylines, dates and
 * body-end lines are looked for in here, so related-article lists, sidebars and comment
 * threads outside it never count. The body when the page has no headline.
 */
export function findArticleRoot(
  doc: Document,
  headline: Element | null = findHeadline(doc),
): Element | null {
  if (!headline) return doc.querySelector('article') ?? doc.body;
  const container = headline.closest('article, [itemtype*="Article"]');
  if (container) return container;
  let node = headline.parentElement;
  for (let depth = 0; node && depth < MAX_ROOT_DEPTH; depth++, node = node.parentElement) {
    if (node === doc.body) break;
    if (node.querySelector('p')) return node;
  }
  return doc.body;
}

/** Where the article is on the page, found once per extraction and shared by the DOM layers. */
export interface ArticleLandmarks {
  headline: Element | null;
  root: Element | null;
}

export function findArticleLandmarks(doc: Document): ArticleLandmarks {
  const headline = findHeadline(doc);
  return { headline, root: findArticleRoot(doc, headline) };
}

/** The headline as shown (see findHeadline). */
export function readHeadline(
  doc: Document,
  headline: Element | null = findHeadline(doc),
): LayerReadings {
  const readings: LayerReadings = {};
  addReading(readings, 'title', elementText(headline));
  return readings;
}

/** A <time> in the headline's own container; never one anywhere on a page without one. */
function headlineContainerTime(doc: Document, landmarks: ArticleLandmarks): Element | null {
  const { headline, root } = landmarks;
  return headline && root && root !== doc.body ? root.querySelector('time[datetime]') : null;
}

/**
 * The publication <time datetime>: one marked itemprop=datePublished first, else the first
 * in article/main, else the first in the headline's container (findArticleRoot). Its
 * visible text becomes publishedText.
 */
export function readArticleTime(
  doc: Document,
  landmarks: ArticleLandmarks = findArticleLandmarks(doc),
): LayerReadings {
  const readings: LayerReadings = {};
  const time =
    doc.querySelector('time[itemprop~="datePublished"][datetime]') ??
    doc.querySelector(
      'article time[datetime], main time[datetime], [role="main"] time[datetime]',
    ) ??
    headlineContainerTime(doc, landmarks);
  const datetime = time?.getAttribute('datetime');
  // Its text is only worth keeping as the visible form of a real date.
  if (!time || normaliseMachineDate(datetime) === null) return readings;
  addReading(readings, 'publishedAt', datetime);
  addReading(readings, 'publishedText', elementText(time));
  return readings;
}
