import { BucketedPostings, MAX_OWNERS } from '../fingerprint/bucketed-postings';
import {
  fingerprintText,
  guaranteedMatchWords,
  type FingerprintOptions,
} from '../fingerprint/fingerprint';
import type { LinkPlacement } from '../publishers/types';

/** What the republication check knows about an article the user read or copied from. */
export interface IndexedArticle {
  url: string;
  title: string | null;
  siteName: string | null;
  publisherId: string | null;
  publishedAt: string | null;
  language: string | null;
  /** The publisher's hosts: a link to any of them is a link to the site. */
  hosts: string[];
  /** What the publisher's rule asks for: a link to the article, or to the site is enough. */
  requiredLink: 'article' | 'site';
  placement: LinkPlacement;
  lastSeenAt: number;
  /** How many fingerprints the article's body has: the denominator of "how much is reused". */
  fingerprintCount: number;
}

/** What an article shares with every article of its site: kept once per site. */
export type ArticleSite = Pick<
  IndexedArticle,
  'siteName' | 'publisherId' | 'hosts' | 'requiredLink' | 'placement'
>;

/**
 * What the index keeps of an article in memory: what matching, eviction and judging a
 * page's links need. Its title, date and language stay in the database, read for the few
 * articles a page reuses: 100,000 titles and dates would take some 15 MB of the
 * background's memory.
 */
export type ArticleInIndex = Omit<IndexedArticle, 'title' | 'publishedAt' | 'language'>;

/**
 * What pages need to know before checking themselves: whether any article was read at
 * all, and which hosts are publishers (whose own pages are never checked).
 */
export interface ArticleIndexSummary {
  articles: number;
  publisherHosts: string[];
}

export const NO_ARTICLES_READ: ArticleIndexSummary = { articles: 0, publisherHosts: [] };

/**
 * About a year of reading. At ~95 fingerprints an article, 100,000 take some 56 MB of the
 * background's memory and 61 MB of IndexedDB (README, "Benchmark"). The postings number
 * articles in 17 bits: the bound must stay under 131,072, with room for the slots emptied
 * between two compactions.
 */
export const MAX_INDEXED_ARTICLES = 100_000;

/**
 * Articles are fingerprinted more sparsely than pages: winnowing windows of 16 shingles
 * instead of 8, about half the fingerprints, so that a year of reading fits. Every article
 * fingerprint is also one a page with the same words picks (the smallest hash of a window
 * of 16 is the smallest of each window of 8 inside it), so matching stays exact and a
 * report needs the same evidence (3 shared fingerprints, in a passage of 12 words). What
 * changes is how long a quote must be to give that evidence: a shared run is certain to
 * share a fingerprint from 20 words instead of 12, and of quotes of 25, 30 and 40 words,
 * 39%, 68% and 96% are reported (99%, 100% and 100% with windows of 8; from 60 words, all:
 * tests/bench/article-index.ts). Windows of 14 would find more, and fill the database's
 * 64 MB with 100,000 articles.
 */
export const ARTICLE_FINGERPRINT_OPTIONS: FingerprintOptions = { k: 5, w: 16 };

/** An article body's fingerprints as the index and the database keep them, in text order. */
export function fingerprintArticle(body: string): Uint32Array {
  return fingerprintText(body, ARTICLE_FINGERPRINT_OPTIONS).hashes;
}

/** The run of words shared with an article that is always found. */
export const ARTICLE_GUARANTEED_MATCH_WORDS = guaranteedMatchWords(ARTICLE_FINGERPRINT_OPTIONS);

/** For each article sharing fingerprints with a page: which of the page's fingerprints. */
export interface ArticleHits<Article extends ArticleInIndex = ArticleInIndex> {
  article: Article;
  /** Indexes into the page's fingerprint list, ascending. */
  pageFingerprints: number[];
  /** Distinct article fingerprints found on the page. */
  sharedFingerprints: number;
}

/** An article to index and its body's fingerprints (in any order, repeats allowed). */
export interface ArticleEntry {
  article: Omit<ArticleInIndex, 'fingerprintCount'>;
  fingerprints: ArrayLike<number>;
}

/** One key per distinct site, to keep one ArticleSite object per site in memory. */
export function siteKeyOf(site: ArticleSite): string {
  return JSON.stringify([
    site.siteName,
    site.publisherId,
    site.hosts,
    site.requiredLink,
    site.placement,
  ]);
}

/**
 * The read articles' fingerprints, for finding which of them a page reuses, and the least
 * recently read article to forget when the index is full.
 *
 * Each article has a slot, numbered in the order articles came; the postings
 * (bucketed-postings.ts) say which slots have each fingerprint. Forgetting an article
 * empties its slot, and its postings are skipped when matching; once 1% of the slots are
 * empty (or the numbers run out), one pass drops their postings and renumbers the rest.
 * So adding an article to a full index of 100,000 costs one move of the postings (a few
 * milliseconds), not a rebuild.
 */
export class ArticleIndex {
  private postings = new BucketedPostings();
  /** Per slot; null once the article is forgotten. */
  private urls: (string | null)[] = [];
  private sites: (ArticleSite | null)[] = [];
  private lastSeen: number[] = [];
  private counts: number[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly siteOf = new Map<string, ArticleSite>();
  /** The site last found for a hosts array: a cold start meets each site's array again and again. */
  private readonly siteByHosts = new WeakMap<readonly string[], ArticleSite>();
  private emptySlots = 0;

  get size(): number {
    return this.slotOf.size;
  }

  /** Memory held by the postings (the articles' slots come on top). */
  get postingsByteLength(): number {
    return this.postings.byteLength;
  }

  /** The articles, oldest slot first (an article refreshed moves to the end). */
  list(): ArticleInIndex[] {
    const articles: ArticleInIndex[] = [];
    for (let slot = 0; slot < this.urls.length; slot++) {
      const article = this.articleAt(slot);
      if (article) articles.push(article);
    }
    return articles;
  }

  /** The hosts of every site an article was read from. */
  publisherHosts(): string[] {
    const sites = new Set(this.sites);
    sites.delete(null);
    return [...new Set([...sites].flatMap((site) => site?.hosts ?? []))];
  }

  /** The postings as [hash, slot] pairs, sorted: two indexes of the same articles have the same. */
  pairs(): Uint32Array {
    return this.postings.pairs();
  }

  /**
   * Builds an index from stored articles in one pass over their fingerprints (a cold start
   * of the background). Beyond `max`, the least recently read are left out.
   */
  static fromEntries(entries: readonly ArticleEntry[], max = MAX_INDEXED_ARTICLES): ArticleIndex {
    const kept =
      entries.length <= max
        ? entries
        : entries
            .map((entry, i) => ({ entry, i }))
            .sort((a, b) => b.entry.article.lastSeenAt - a.entry.article.lastSeenAt || a.i - b.i)
            .slice(0, max)
            .sort((a, b) => a.i - b.i)
            .map(({ entry }) => entry);
    const index = new ArticleIndex();
    kept.forEach(({ article }, slot) => {
      // A URL twice (it cannot be, stored by URL) would keep its later entry only.
      index.forget(article.url);
      index.occupy(slot, article, 0);
    });
    const { postings, distinct } = BucketedPostings.build(kept.map((entry) => entry.fingerprints));
    index.postings = postings;
    index.counts = Array.from(distinct);
    return index;
  }

  /**
   * Adds or refreshes an article with its body's fingerprints, forgetting the least recently
   * seen beyond the bound. Returns the URLs forgotten.
   */
  add(
    article: Omit<ArticleInIndex, 'fingerprintCount'>,
    fingerprints: ArrayLike<number>,
    max = MAX_INDEXED_ARTICLES,
  ): string[] {
    if (max >= MAX_OWNERS) throw new RangeError(`at most ${MAX_OWNERS - 1} articles`);
    this.forget(article.url);
    if (this.urls.length >= MAX_OWNERS) this.compact();
    const slot = this.urls.length;
    this.occupy(slot, article, 0);
    this.counts[slot] = this.postings.add(slot, fingerprints);
    const evicted: string[] = [];
    while (this.size > max) {
      const oldest = this.leastRecentlySeen();
      evicted.push(this.urls[oldest]!);
      this.forget(this.urls[oldest]!);
    }
    if (this.emptySlots > Math.max(64, this.size / 100)) this.compact();
    return evicted;
  }

  clear(): void {
    this.postings = new BucketedPostings();
    this.urls = [];
    this.sites = [];
    this.lastSeen = [];
    this.counts = [];
    this.slotOf.clear();
    this.siteOf.clear();
    this.emptySlots = 0;
  }

  /**
   * The articles that share at least `minShared` fingerprints with the page, with where on
   * the page. A page against 100,000 articles shares one or two with hundreds of them: a
   * caller that needs more than that is spared their cards.
   */
  match(pageFingerprints: ArrayLike<number>, minShared = 1): ArticleHits[] {
    const pages = new Map<number, number[]>();
    const urls = this.urls;
    this.postings.forEachMatch(pageFingerprints, (f, slot) => {
      if (urls[slot] === null) return;
      const page = pages.get(slot);
      // An article has a fingerprint once: a page fingerprint finds it at most once.
      if (page) page.push(f);
      else pages.set(slot, [f]);
    });
    const hits: ArticleHits[] = [];
    for (const [slot, page] of pages) {
      if (page.length < minShared) continue;
      // The page may repeat a fingerprint; the article has each once.
      const shared =
        page.length === 1 ? 1 : new Set(page.map((f) => pageFingerprints[f]! >>> 0)).size;
      if (shared < minShared) continue;
      hits.push({
        article: this.articleAt(slot)!,
        pageFingerprints: page,
        sharedFingerprints: shared,
      });
    }
    return hits;
  }

  private articleAt(slot: number): ArticleInIndex | null {
    const url = this.urls[slot];
    const site = this.sites[slot];
    if (url == null || site == null) return null;
    return {
      url,
      ...site,
      lastSeenAt: this.lastSeen[slot]!,
      fingerprintCount: this.counts[slot]!,
    };
  }

  private occupy(
    slot: number,
    article: Omit<ArticleInIndex, 'fingerprintCount'>,
    fingerprintCount: number,
  ): void {
    let shared = this.siteByHosts.get(article.hosts);
    if (
      shared?.siteName !== article.siteName ||
      shared.publisherId !== article.publisherId ||
      shared.requiredLink !== article.requiredLink ||
      shared.placement !== article.placement
    ) {
      const site: ArticleSite = {
        siteName: article.siteName,
        publisherId: article.publisherId,
        hosts: article.hosts,
        requiredLink: article.requiredLink,
        placement: article.placement,
      };
      const key = siteKeyOf(site);
      shared = this.siteOf.get(key);
      if (!shared) this.siteOf.set(key, (shared = site));
      this.siteByHosts.set(article.hosts, shared);
    }
    this.urls[slot] = article.url;
    this.sites[slot] = shared;
    this.lastSeen[slot] = article.lastSeenAt;
    this.counts[slot] = fingerprintCount;
    this.slotOf.set(article.url, slot);
  }

  private forget(url: string): void {
    const slot = this.slotOf.get(url);
    if (slot === undefined) return;
    this.slotOf.delete(url);
    this.urls[slot] = null;
    this.sites[slot] = null;
    this.emptySlots++;
  }

  /** The occupied slot seen least recently; the lower slot among equals. */
  private leastRecentlySeen(): number {
    let oldest = -1;
    for (let slot = 0; slot < this.urls.length; slot++) {
      if (this.urls[slot] === null) continue;
      if (oldest < 0 || this.lastSeen[slot]! < this.lastSeen[oldest]!) oldest = slot;
    }
    return oldest;
  }

  /** Drops the empty slots and their postings; the articles keep their order. */
  private compact(): void {
    const renumber = new Int32Array(this.urls.length).fill(-1);
    const urls: string[] = [];
    const sites: ArticleSite[] = [];
    const lastSeen: number[] = [];
    const counts: number[] = [];
    for (let slot = 0; slot < this.urls.length; slot++) {
      const url = this.urls[slot];
      const site = this.sites[slot];
      if (url == null || site == null) continue;
      renumber[slot] = urls.push(url) - 1;
      sites.push(site);
      lastSeen.push(this.lastSeen[slot]!);
      counts.push(this.counts[slot]!);
      this.slotOf.set(url, renumber[slot]!);
    }
    // Sites no article is from any more go.
    const live = new Set(sites);
    for (const [key, site] of this.siteOf) if (!live.has(site)) this.siteOf.delete(key);
    this.postings.renumber(renumber);
    this.urls = urls;
    this.sites = sites;
    this.lastSeen = lastSeen;
    this.counts = counts;
    this.emptySlots = 0;
  }
}
