/**
 * Caliber.az: its reuse rule, which of its URLs are articles, and how to read its
 * article DOM. Everything Linkback knows about this one site lives here; the
 * fixtures it is tested against are tests/fixtures/pages/caliber-*.html.
 *
 * The site (a Nuxt front end) has no confirmed JSON-LD or article:* meta tags, so
 * this adapter is the main source on real pages; generic metadata, when present,
 * still wins (see core/metadata/extract.ts for the precedence).
 */
import { cleanAuthorNames, stripBylinePrefix } from '../text/clean-text';
import { normaliseViewCount } from '../metadata/field-normalisers';
import type { ArticleMetadata, MetadataField } from '../metadata/types';
import { normaliseHost, resolveHttpUrl } from '../url';
import { parseSiteLocalDate } from '../dates/site-date';
import type { PublisherRule } from './types';

/** Asia/Baku has been a fixed UTC+4 since Azerbaijan dropped DST in 2016. */
export const BAKU_OFFSET = '+04:00';

export const CALIBER_SITE_NAME = 'Caliber.az';

/**
 * Selectors seen on the live site by public scrapers. `.post_categoty` is the
 * site's own spelling; `.post_category` is accepted in case they fix it.
 */
export const CALIBER_SELECTORS = {
  article: '.post',
  title: 'h1.post_title',
  category: '.post_categoty, .post_category',
  time: '.post_time',
  body: '.post_body',
  bodyParagraphs: '.post_body p',
  author: '.post_author',
  signature: '.post_signature',
  views: '.post_hits',
  cover: '.post_cover',
} as const;

/**
 * /en/post/<slug> (English), /post/<slug> (Russian, at the root), /az/post/<slug>
 * (Azerbaijani). The slug is one non-empty path segment of ASCII letters, digits,
 * "_" and "-", or percent-encoded characters (the URL parser encodes a Cyrillic slug).
 */
const ARTICLE_PATH = /^\/(?:(?:en|az)\/)?post\/(?:[A-Za-z0-9_-]|%[0-9A-Fa-f]{2})+\/?$/;

/** The signature under every article; it names the site, not an author. */
const SITE_SIGNATURE = 'caliber.az';

/** "By Sabina Mammadli", "Автор: …", "Müəllif: …" — the byline line in the article body. */
const BYLINE_PATTERN = /^(?:by|автор(?:ы)?\s*:|müəllif(?:lər)?\s*:)\s*\S/iu;

/** How far back from the end of the body the byline is looked for. */
const BYLINE_SEARCH_PARAGRAPHS = 6;
const MAX_BYLINE_LENGTH = 200;

function isCaliberHost(url: URL): boolean {
  return caliberRule.hosts.includes(normaliseHost(url.hostname));
}

export function isCaliberArticleUrl(url: URL): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  return isCaliberHost(url) && ARTICLE_PATH.test(url.pathname);
}

/** The edition's language from the URL path: /en/… → en, /az/… → az, the root → ru. */
export function caliberLanguageFromPath(url: URL): string {
  if (/^\/en(?:\/|$)/i.test(url.pathname)) return 'en';
  if (/^\/az(?:\/|$)/i.test(url.pathname)) return 'az';
  return 'ru';
}

function collapsedText(element: Element | null | undefined): string | undefined {
  const text = element?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/** A name as bylines write them: 1–5 words, each starting with a capital letter. */
function looksLikePersonName(name: string): boolean {
  const words = name.split(' ');
  return words.length <= 5 && words.every((word) => /^[\p{Lu}]/u.test(word));
}

/**
 * Authors from a byline line, or null when the line is not a byline ("By December,
 * the talks…" is a sentence, not a byline: its parts are not all names).
 */
export function parseCaliberByline(line: string): string[] | null {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text.length > MAX_BYLINE_LENGTH || !BYLINE_PATTERN.test(text)) return null;
  const names = cleanAuthorNames([stripBylinePrefix(text)]).filter(
    (name) => name.toLowerCase() !== SITE_SIGNATURE,
  );
  return names.length > 0 && names.every(looksLikePersonName) ? names : null;
}

/** The text after a paragraph's last <br> (a byline is sometimes the last line of a paragraph). */
function lastLineOf(paragraph: Element): string | undefined {
  const nodes = paragraph.childNodes;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (!node) continue;
    if (node.nodeName === 'BR') return undefined;
    const text = node.textContent?.trim();
    if (text) {
      // Only a real last line: there must be a <br> before this node.
      for (let j = i - 1; j >= 0; j--) if (nodes[j]?.nodeName === 'BR') return text;
      return undefined;
    }
  }
  return undefined;
}

function findBylineAuthors(article: Element): string[] | undefined {
  const explicit = collapsedText(article.querySelector(CALIBER_SELECTORS.author));
  if (explicit) {
    const names = parseCaliberByline(explicit) ?? cleanAuthorNames([explicit]);
    if (names.length > 0) return names;
  }
  const paragraphs = article.querySelectorAll(CALIBER_SELECTORS.bodyParagraphs);
  const stop = Math.max(0, paragraphs.length - BYLINE_SEARCH_PARAGRAPHS);
  for (let i = paragraphs.length - 1; i >= stop; i--) {
    const paragraph = paragraphs[i];
    if (!paragraph) continue;
    for (const line of [collapsedText(paragraph), lastLineOf(paragraph)]) {
      const names = line === undefined ? null : parseCaliberByline(line);
      if (names) return names;
    }
  }
  return undefined;
}

/** The first body paragraph that is not the byline: a stand-in description. */
function leadParagraph(article: Element): string | undefined {
  const paragraphs = article.querySelectorAll(CALIBER_SELECTORS.bodyParagraphs);
  for (let i = 0; i < paragraphs.length && i < 3; i++) {
    const text = collapsedText(paragraphs[i]);
    if (text && parseCaliberByline(text) === null) return text;
  }
  return undefined;
}

/** "Views: 35", "Просмотров: 179", "Baxış: 1 204" → the number. */
export function parseCaliberViews(text: string): number | null {
  const match = /\d[\d\s\u00a0\u202f,.]*/.exec(text);
  return match ? normaliseViewCount(match[0].trim().replace(/[,.]$/, '')) : null;
}

const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/i;

/** The cover image: an <img> (or lazy data-src), or the CSS background-image of .post_cover. */
function coverImageSource(cover: Element): string | undefined {
  const image = cover.tagName === 'IMG' ? cover : cover.querySelector('img');
  const fromImage =
    image?.getAttribute('src') ?? image?.getAttribute('data-src') ?? cover.getAttribute('data-src');
  if (fromImage) return fromImage;
  const style = cover.getAttribute('style') ?? '';
  const fromStyle = CSS_URL.exec(style.slice(0, 4000))?.[2];
  return fromStyle ?? cover.getAttribute('data-bg') ?? undefined;
}

/**
 * What Caliber's DOM says about its article. Only found values are returned; the
 * extractor decides which of them to use (see extract.ts) and cleans them.
 */
export function adaptCaliberMetadata(
  doc: Document,
  url: URL,
  _found: ArticleMetadata,
): Partial<ArticleMetadata> {
  const sources: Partial<Record<MetadataField, string>> = { language: 'url' };
  const adapted: Partial<ArticleMetadata> = {
    siteName: CALIBER_SITE_NAME,
    language: caliberLanguageFromPath(url),
    sources,
  };
  const article = doc.querySelector(CALIBER_SELECTORS.article);
  if (!article) return adapted;

  const title = collapsedText(
    article.querySelector(CALIBER_SELECTORS.title) ?? article.querySelector('h1'),
  );
  if (title) adapted.title = title;

  const category = collapsedText(article.querySelector(CALIBER_SELECTORS.category));
  if (category) adapted.category = category;

  const timeText = collapsedText(article.querySelector(CALIBER_SELECTORS.time));
  const publishedAt = timeText ? parseSiteLocalDate(timeText, BAKU_OFFSET) : null;
  if (timeText && publishedAt) {
    adapted.publishedAt = publishedAt;
    adapted.publishedText = timeText;
  }

  const authors = findBylineAuthors(article);
  if (authors) adapted.authors = authors;

  const viewsText = collapsedText(article.querySelector(CALIBER_SELECTORS.views));
  const views = viewsText ? parseCaliberViews(viewsText) : null;
  if (views !== null) adapted.views = views;

  const cover =
    article.querySelector(CALIBER_SELECTORS.cover) ?? doc.querySelector(CALIBER_SELECTORS.cover);
  const imageUrl = cover ? resolveHttpUrl(coverImageSource(cover), url) : null;
  if (imageUrl) adapted.imageUrl = imageUrl;

  const lead = leadParagraph(article);
  if (lead) adapted.description = lead;

  return adapted;
}

export const caliberRule: PublisherRule = {
  id: 'caliber',
  name: CALIBER_SITE_NAME,
  hosts: ['caliber.az', 'www.caliber.az'],
  homeUrl: 'https://caliber.az/',
  notice: {
    // Verbatim from the site's footer (seed page).
    en: 'Any use of materials is allowed only if there is a hyperlink to Caliber.az',
    // ru and az are our translations of the English notice, not verified site text.
    ru: 'Любое использование материалов допускается только при наличии гиперссылки на Caliber.az',
    az: 'Materiallardan istənilən istifadəyə yalnız Caliber.az saytına hiperlink olduqda icazə verilir',
  },
  timeZone: {
    id: 'Asia/Baku',
    label: { en: 'Baku time, UTC+04:00', ru: 'время Баку, UTC+04:00', az: 'Bakı vaxtı, UTC+04:00' },
  },
  placement: 'end',
  // "…only if there is a hyperlink to Caliber.az": a link to the site satisfies it.
  requiredLink: 'site',
  bodySelector: CALIBER_SELECTORS.body,
  isArticleUrl: isCaliberArticleUrl,
  adaptMetadata: adaptCaliberMetadata,
};
