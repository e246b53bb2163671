/**
 * How read articles are kept in the database, how version-1 records become version 2, and
 * how a stored article becomes one of the index's and a report's.
 *
 * Version 1 (database version 1) kept each article as an object of its whole card and its
 * fingerprints, keyed by the card's URL. Version 2 keeps what an article shares with the
 * other articles of its site (name, hosts, rule) once, in a site record, and each article
 * under its URL as a tuple: the database would store an object's property names again in
 * every record, and the URL twice (key and value). With articles winnowed for articles
 * (ARTICLE_FINGERPRINT_OPTIONS), about 620 bytes an article, key included, against 1,250.
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
  /** In text order, winnowed as densely as a page's. */
  fingerprints: Uint32Array;
}

/** An article as version 2 stores it, under its URL. */
export type StoredArticle = readonly [
  title: string | null,
  publishedAt: string | null,
  language: string | null,
  lastSeenAt: number,
  /** The id of its StoredSite. */
  site: number,
  /** In text order: a report places passages in the article by their rank (articleSpansOf). */
  fingerprints: Uint32Array,
];

export interface StoredSite extends ArticleSite {
  id: number;
}

/** The version-2 record of an article, whose site has the given id. */
export function storedArticleOf(
  article: Pick<IndexedArticle, 'title' | 'publishedAt' | 'language' | 'lastSeenAt'>,
  site: number,
  fingerprints: Uint32Array,
): StoredArticle {
  return [
    article.title,
    article.publishedAt,
    article.language,
    article.lastSeenAt,
    site,
    fingerprints,
  ];
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

/** What the index needs of a stored article. */
export function entryOfStored(
  url: string,
  [, , , lastSeenAt, site, fingerprints]: StoredArticle,
  sites: ReadonlyMap<number, ArticleSite>,
): ArticleEntry {
  return { article: { url, lastSeenAt, ...(sites.get(site) ?? siteFromUrl(url)) }, fingerprints };
}

/**
 * The whole card of an article the index holds, with the title, date and language from its
 * stored record; without them when the record could not be read.
 */
export function completeArticle(
  inIndex: ArticleInIndex,
  stored: StoredArticle | undefined,
): IndexedArticle {
  const [title = null, publishedAt = null, language = null] = stored ?? [];
  return { ...inIndex, title, publishedAt, language };
}

/**
 * Site ids for the database, one per distinct site: the stored ones, and new ones as they
 * come. The site record is written with each of its articles, in the same transaction, so
 * an id handed out for a write that failed is never left without its record.
 */
export function createSiteIds(stored: readonly StoredSite[]): (site: ArticleSite) => StoredSite {
  const ids = new Map(stored.map((site) => [siteKeyOf(site), site.id]));
  let next = stored.reduce((max, site) => Math.max(max, site.id + 1), 1);
  return (site) => {
    const key = siteKeyOf(site);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = next++));
    const { siteName, publisherId, hosts, requiredLink, placement } = site;
    return { id, siteName, publisherId, hosts, requiredLink, placement };
  };
}

/**
 * A version-1 record as version 2 keeps it: the same card, the same fingerprints (denser
 * than a version-2 article's, and every one of them still matches: pages pick them all).
 * Lenient with fields an older version may have left out: an article is never dropped.
 */
export function migrateStoredArticle(
  { article, fingerprints }: StoredArticleV1,
  siteOf: (site: ArticleSite) => StoredSite,
): { url: string; stored: StoredArticle; site: StoredSite } {
  const site = siteOf({
    siteName: article.siteName ?? null,
    publisherId: article.publisherId ?? null,
    hosts: Array.isArray(article.hosts) ? article.hosts : [],
    requiredLink: article.requiredLink === 'site' ? 'site' : 'article',
    placement: article.placement ?? 'end',
  });
  const stored = storedArticleOf(
    {
      title: article.title ?? null,
      publishedAt: article.publishedAt ?? null,
      language: article.language ?? null,
      lastSeenAt: Number(article.lastSeenAt) || 0,
    },
    site.id,
    fingerprints instanceof Uint32Array ? fingerprints : Uint32Array.from(fingerprints ?? []),
  );
  return { url: article.url, stored, site };
}
