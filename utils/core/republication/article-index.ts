import { lowerBound, mergePairs, renumberOwners } from '../fingerprint/sorted-pairs';
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

/** One article as it is stored: its card and its body's fingerprints. */
export interface StoredArticle {
  article: IndexedArticle;
  fingerprints: Uint32Array;
}

/**
 * What pages need to know before checking themselves: whether any article was read at
 * all, and which hosts are publishers (whose own pages are never checked).
 */
export interface ArticleIndexSummary {
  articles: number;
  publisherHosts: string[];
}

export const NO_ARTICLES_READ: ArticleIndexSummary = { articles: 0, publisherHosts: [] };

/** The index as stored (IndexedDB keeps typed arrays as they are). */
export interface ArticleIndexSnapshot {
  version: 1;
  articles: IndexedArticle[];
  /** uint32 pairs [hash, article position], sorted by hash. */
  pairs: Uint32Array;
}

/** 10,000 articles of ~180 fingerprints fit in about 15 MB; the bound keeps it under 50 MB. */
export const MAX_INDEXED_ARTICLES = 10_000;

/** For each article sharing fingerprints with a page: which of the page's fingerprints. */
export interface ArticleHits {
  article: IndexedArticle;
  /** Indexes into the page's fingerprint list, ascending. */
  pageFingerprints: number[];
  /** Distinct article fingerprints found on the page. */
  sharedFingerprints: number;
}

/**
 * Article fingerprints in one sorted typed array, searched by bisection: matching a 200 kB
 * page against 10,000 articles is a few thousand look-ups.
 */
export class ArticleIndex {
  private articles: IndexedArticle[];
  private pairs: Uint32Array;

  constructor(snapshot?: ArticleIndexSnapshot) {
    this.articles = snapshot?.articles.slice() ?? [];
    this.pairs = snapshot?.pairs ?? new Uint32Array(0);
  }

  get size(): number {
    return this.articles.length;
  }

  snapshot(): ArticleIndexSnapshot {
    return { version: 1, articles: this.articles.slice(), pairs: this.pairs };
  }

  list(): readonly IndexedArticle[] {
    return this.articles;
  }

  /**
   * Builds an index from stored articles in one sort (a cold start of the background):
   * each pair packed into one float64 (hash × 2^16 + position, exact below 2^53).
   */
  static fromEntries(entries: readonly StoredArticle[]): ArticleIndex {
    const usable = entries.slice(0, 0xffff);
    const total = usable.reduce((sum, entry) => sum + entry.fingerprints.length, 0);
    const packed = new Float64Array(total);
    let n = 0;
    usable.forEach((entry, position) => {
      for (const hash of entry.fingerprints) packed[n++] = hash * 65536 + position;
    });
    packed.sort();
    const pairs = new Uint32Array(total * 2);
    let out = 0;
    for (let i = 0; i < total; i++) {
      const value = packed[i]!;
      if (i && value === packed[i - 1]) continue;
      pairs[out++] = Math.floor(value / 65536);
      pairs[out++] = value % 65536;
    }
    return new ArticleIndex({
      version: 1,
      articles: usable.map((e) => e.article),
      pairs: pairs.slice(0, out),
    });
  }

  /**
   * Adds or refreshes an article with its body's fingerprints, evicting the least recently
   * seen beyond the bound. Returns the URLs evicted.
   */
  add(
    article: Omit<IndexedArticle, 'fingerprintCount'>,
    fingerprints: Uint32Array,
    max = MAX_INDEXED_ARTICLES,
  ): string[] {
    const unique = Array.from(new Set(fingerprints)).sort((a, b) => a - b);
    const existing = this.articles.findIndex((known) => known.url === article.url);
    if (existing >= 0) this.remove(new Set([existing]));
    const position = this.articles.push({ ...article, fingerprintCount: unique.length }) - 1;
    const added = new Uint32Array(unique.length * 2);
    unique.forEach((hash, i) => {
      added[2 * i] = hash;
      added[2 * i + 1] = position;
    });
    this.pairs = mergePairs(this.pairs, added);
    if (this.articles.length <= max) return [];
    const byAge = this.articles
      .map((known, i) => [known.lastSeenAt, i] as const)
      .sort((a, b) => a[0] - b[0])
      .slice(0, this.articles.length - max)
      .map(([, i]) => i);
    const evicted = byAge.map((i) => this.articles[i]!.url);
    this.remove(new Set(byAge));
    return evicted;
  }

  /** Only the articles of the given positions go; the rest keep their order. */
  private remove(positions: Set<number>): void {
    const renumber = new Int32Array(this.articles.length).fill(-1);
    const kept: IndexedArticle[] = [];
    this.articles.forEach((article, i) => {
      if (!positions.has(i)) renumber[i] = kept.push(article) - 1;
    });
    this.articles = kept;
    this.pairs = renumberOwners(this.pairs, renumber);
  }

  clear(): void {
    this.articles = [];
    this.pairs = new Uint32Array(0);
  }

  /** The articles whose fingerprints the page shares, with where on the page. */
  match(pageFingerprints: ArrayLike<number>): ArticleHits[] {
    const hits = new Map<number, { page: number[]; shared: Set<number> }>();
    const pairs = this.pairs;
    const count = pairs.length / 2;
    for (let f = 0; f < pageFingerprints.length; f++) {
      const hash = pageFingerprints[f]! >>> 0;
      for (let i = lowerBound(pairs, hash, 0, 2); i < count && pairs[2 * i] === hash; i++) {
        const owner = pairs[2 * i + 1]!;
        let entry = hits.get(owner);
        if (!entry) hits.set(owner, (entry = { page: [], shared: new Set() }));
        if (entry.page[entry.page.length - 1] !== f) entry.page.push(f);
        entry.shared.add(hash);
      }
    }
    return Array.from(hits, ([owner, entry]) => ({
      article: this.articles[owner]!,
      pageFingerprints: entry.page,
      sharedFingerprints: entry.shared.size,
    }));
  }
}
