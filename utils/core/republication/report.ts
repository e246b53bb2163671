import {
  guaranteedMatchWords,
  locateWords,
  type Fingerprints,
  type WordPositions,
} from '../fingerprint/fingerprint';
import { parseHttpUrl, siteHost, urlIdentity } from '../url';
import type { ArticleHits, IndexedArticle } from './article-index';

/** What the page links to, for one reused article. */
export type LinkStatus = 'article' | 'site' | 'none';

export interface Passage {
  /** Offsets in the page's collected text. */
  start: number;
  end: number;
  /** The passage's opening words, for the popup. */
  quote: string;
}

export interface ReusedArticle {
  url: string;
  publisherId: string | null;
  title: string | null;
  siteName: string | null;
  publishedAt: string | null;
  language: string | null;
  requiredLink: IndexedArticle['requiredLink'];
  placement: IndexedArticle['placement'];
  passages: Passage[];
  /** Share of the article's fingerprints found on the page, 0–1. */
  coverage: number;
  /**
   * Where in the article the reused text comes from, in the article's order; absent where
   * the article's stored fingerprints could not be read (see articleSpansOf).
   */
  articleSpans?: ArticleSpan[];
  linkStatus: LinkStatus;
  /** Whether the link the page has is what the publisher's rule asks for. */
  compliant: boolean;
}

/** A stretch of an article, as fractions of its length: 0 is its first word, 1 its end. */
export interface ArticleSpan {
  start: number;
  end: number;
}

/**
 * A page's text is read (and checked) up to this many characters: enough for any article,
 * bounded for hostile pages.
 */
export const MAX_PAGE_TEXT = 2_000_000;

export interface PageReport {
  url: string;
  checkedAt: number;
  articles: ReusedArticle[];
}

/**
 * A page must share at least this many of an article's fingerprints, in a passage of at
 * least the guaranteed length, to count as reusing it: one stock phrase, a name or a date
 * shares one or two, never a run of a dozen words.
 */
export const MIN_SHARED_FINGERPRINTS = 3;

const QUOTE_LENGTH = 160;

/** A link of the page, parsed once for every article's check. */
export interface PageLink {
  /** urlIdentity of the link: equal for two addresses of the same page. */
  identity: string;
  site: string;
}

/** The page's http(s) links, parsed; anything else (javascript:, garbage) is dropped. */
export function parsePageLinks(links: readonly string[]): PageLink[] {
  return links.flatMap((link) => {
    const url = parseHttpUrl(link);
    return url ? [{ identity: urlIdentity(url)!, site: siteHost(url.hostname) }] : [];
  });
}

export function linkStatusOf(
  pageLinks: readonly PageLink[],
  article: Pick<IndexedArticle, 'url' | 'hosts'>,
): LinkStatus {
  const target = urlIdentity(article.url);
  const sites = new Set(article.hosts.map(siteHost));
  let status: LinkStatus = 'none';
  for (const link of pageLinks) {
    if (link.identity === target) return 'article';
    if (sites.has(link.site)) status = 'site';
  }
  return status;
}

/** Joins matched fingerprints into passages: runs of words, allowing the gaps that winnowing and light edits leave. */
export function passagesOf(
  page: Fingerprints,
  pageFingerprints: readonly number[],
  text: string,
  words: WordPositions,
): { passages: Passage[]; longestWords: number } {
  const { k, w } = page.options;
  const starts = pageFingerprints.map((f) => page.wordIndex[f]!).sort((a, b) => a - b);
  const passages: Passage[] = [];
  let longestWords = 0;
  let first = -1;
  let last = -1;
  const close = () => {
    if (first < 0) return;
    const start = words.starts[first]!;
    const end = words.ends[Math.min(last, words.count - 1)]!;
    longestWords = Math.max(longestWords, last - first + 1);
    passages.push({
      start,
      end,
      quote: text
        .slice(start, Math.min(end, start + QUOTE_LENGTH))
        .replace(/\s+/g, ' ')
        .trim(),
    });
  };
  for (const wordStart of starts) {
    const wordEnd = wordStart + k - 1;
    if (first >= 0 && wordStart <= last + k + w) {
      last = Math.max(last, wordEnd);
      continue;
    }
    close();
    first = wordStart;
    last = wordEnd;
  }
  close();
  return { passages, longestWords };
}

/**
 * Fingerprints the page shares with an article may be this many apart in the article and
 * still be one stretch: about 2 / (w + 1) of the words are fingerprints, so 3 apart is some
 * ten words — a word changed, a clause cut.
 */
const SPAN_GAP = 3;

/**
 * Where in an article a page's passages come from: the runs of the article's fingerprints,
 * in the order the article has them (as stored), that the page shares, as fractions of the
 * article. Fingerprints are spread evenly over a text, so a fingerprint's rank is its place.
 */
export function articleSpansOf(
  articleFingerprints: ArrayLike<number>,
  shared: ReadonlySet<number>,
): ArticleSpan[] {
  const n = articleFingerprints.length;
  const spans: ArticleSpan[] = [];
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (!shared.has(articleFingerprints[i]!)) continue;
    if (first >= 0 && i - last > SPAN_GAP) {
      spans.push({ start: first / n, end: (last + 1) / n });
      first = -1;
    }
    if (first < 0) first = i;
    last = i;
  }
  if (first >= 0) spans.push({ start: first / n, end: (last + 1) / n });
  return spans;
}

/** The hashes of the page's fingerprints that a hit found in its article. */
export function sharedHashes(page: Fingerprints, hit: ArticleHits): Set<number> {
  return new Set(hit.pageFingerprints.map((f) => page.hashes[f]!));
}

/**
 * The page's report: every indexed article it reuses, where, and whether it links back.
 * The hits' articles come with their whole cards (completeArticle, stored-article.ts).
 */
export function buildPageReport(
  url: string,
  text: string,
  page: Fingerprints,
  hits: readonly ArticleHits<IndexedArticle>[],
  pageLinks: readonly string[],
  now: number,
): PageReport {
  const articles: ReusedArticle[] = [];
  let pageHost = '';
  try {
    pageHost = new URL(url).hostname.toLowerCase();
  } catch {
    // An opaque page URL (about:blank) belongs to no publisher.
  }
  // Where the page's words stand, and its links: found once, and only if it reuses something.
  let located: WordPositions | null = null;
  let links: PageLink[] | null = null;
  for (const hit of hits) {
    if (hit.sharedFingerprints < MIN_SHARED_FINGERPRINTS) continue;
    // The publisher's own pages quoting its articles are not republication.
    if (hit.article.hosts.includes(pageHost)) continue;
    located ??= locateWords(text);
    const { passages, longestWords } = passagesOf(page, hit.pageFingerprints, text, located);
    if (longestWords < guaranteedMatchWords(page.options)) continue;
    const { article } = hit;
    links ??= parsePageLinks(pageLinks);
    const linkStatus = linkStatusOf(links, article);
    articles.push({
      url: article.url,
      publisherId: article.publisherId,
      title: article.title,
      siteName: article.siteName,
      publishedAt: article.publishedAt,
      language: article.language,
      requiredLink: article.requiredLink,
      placement: article.placement,
      passages,
      coverage: Math.min(1, hit.sharedFingerprints / Math.max(1, article.fingerprintCount)),
      linkStatus,
      compliant: article.requiredLink === 'site' ? linkStatus !== 'none' : linkStatus === 'article',
    });
  }
  return { url, checkedAt: now, articles: oneEntryPerStory(articles) };
}

const LINK_RANK: Record<LinkStatus, number> = { article: 2, site: 1, none: 0 };

/**
 * The same story read under two addresses (an http and an https canonical, a redirect)
 * is one entry: the one the page links to best, then the most reused.
 */
function oneEntryPerStory(articles: ReusedArticle[]): ReusedArticle[] {
  const ranked = articles
    .slice()
    .sort((a, b) => LINK_RANK[b.linkStatus] - LINK_RANK[a.linkStatus] || b.coverage - a.coverage);
  const seen = new Set<string>();
  const kept = ranked.filter((article) => {
    const key = article.title ? `${article.publisherId ?? ''}\n${article.title}` : article.url;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return kept.sort((a, b) => b.coverage - a.coverage);
}

/** The toolbar badge: "!" when reused text lacks the required link, "✓" when all link back, nothing otherwise. */
export type Badge = '' | '!' | '✓';

export function badgeOf(report: PageReport | null): Badge {
  if (!report?.articles.length) return '';
  return report.articles.every((article) => article.compliant) ? '✓' : '!';
}
