/**
 * How read articles are kept in the database, in both the versions users have, and how a
 * stored article becomes one of the index's and a report's.
 *
 * Version 1 (database version 1) kept each article's whole card and its fingerprints
 * winnowed as densely as a page's. Version 2 keeps what its site shares with the site's
 * other articles (name, hosts, rule) once, in a site record, and the article's fingerprints
 * winnowed for articles (ARTICLE_FINGERPRINT_OPTIONS): about 630 bytes an article instead
 * of 1,200. Version-1 records are read as they are, never rewritten by an upgrade: their
 * denser fingerprints match as well (a page picks every one of them), and each is replaced
 * by a version-2 record when its article is read again.
 */
import {
  siteKeyOf,
  type ArticleEntry,
  type ArticleInIndex,
  type ArticleSite,
  type IndexedArticle,
} from './article-index';

export interface StoredArticleV1 {
  article: IndexedArticle;
  /** In text order. */
  fingerprints: Uint32Array;
}

/** An article's own part of its card; `site` is the id of its StoredSite. */
export interface StoredArticleCard {
  url: string;
  title: string | null;
  publishedAt: string | null;
  language: string | null;
  lastSeenAt: number;
  site: number;
}

export interface StoredArticleV2 {
  article: StoredArticleCard;
  /** In text order: a report places passages in the article by their rank (articleSpansOf). */
  fingerprints: Uint32Array;
}

export type StoredArticle = StoredArticleV1 | StoredArticleV2;

export interface StoredSite extends ArticleSite {
  id: number;
}

export function isStoredArticleV2(stored: StoredArticle): stored is StoredArticleV2 {
  return typeof (stored.article as Partial<StoredArticleCard>).site === 'number';
}

/**
 * A site for an article whose site record is missing (it should not be: both are written
 * in one transaction; but an article is never dropped for it): its own host, the strict rule.
 */
function siteFromUrl(url: string): ArticleSite {
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    // Stored URLs were parsed before they were stored.
  }
  return {
    siteName: null,
    publisherId: null,
    hosts: host ? [host] : [],
    requiredLink: 'article',
    placement: 'end',
  };
}

/** What the index needs of a stored article, in either version. */
export function entryOfStored(
  stored: StoredArticle,
  sites: ReadonlyMap<number, ArticleSite>,
): ArticleEntry {
  if (!isStoredArticleV2(stored)) return stored;
  const { url, lastSeenAt, site } = stored.article;
  return {
    article: { url, lastSeenAt, ...(sites.get(site) ?? siteFromUrl(url)) },
    fingerprints: stored.fingerprints,
  };
}

/**
 * The whole card of an article the index holds, with the title, date and language from its
 * stored record; without them when the record could not be read.
 */
export function completeArticle(
  inIndex: ArticleInIndex,
  stored: StoredArticle | undefined,
): IndexedArticle {
  return {
    ...inIndex,
    title: stored?.article.title ?? null,
    publishedAt: stored?.article.publishedAt ?? null,
    language: stored?.article.language ?? null,
  };
}

/**
 * Site ids for the database, one per distinct site: the stored ones, and new ones as they
 * come. The site record is written with each of its articles, in the same transaction, so
 * an id handed out for a write that failed is never left without its record.
 */
export function createSiteIds(stored: readonly StoredSite[]) {
  const ids = new Map(stored.map((site) => [siteKeyOf(site), site.id]));
  let next = stored.reduce((max, site) => Math.max(max, site.id + 1), 1);
  return (site: ArticleSite): StoredSite => {
    const key = siteKeyOf(site);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = next++));
    const { siteName, publisherId, hosts, requiredLink, placement } = site;
    return { id, siteName, publisherId, hosts, requiredLink, placement };
  };
}

/** The version-2 record of an article and its site's id. */
export function storedArticleOf(
  article: Omit<IndexedArticle, 'fingerprintCount'>,
  site: number,
  fingerprints: Uint32Array,
): StoredArticleV2 {
  const { url, title, publishedAt, language, lastSeenAt } = article;
  return { article: { url, title, publishedAt, language, lastSeenAt, site }, fingerprints };
}
