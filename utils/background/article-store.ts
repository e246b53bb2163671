import { fingerprintText } from '../core/fingerprint/fingerprint';
import {
  ArticleIndex,
  fingerprintArticle,
  type ArticleIndexSummary,
  type IndexedArticle,
} from '../core/republication/article-index';
import {
  articleSpansOf,
  buildPageReport,
  MAX_PAGE_TEXT,
  MIN_SHARED_FINGERPRINTS,
  sharedHashes,
  type PageReport,
} from '../core/republication/report';
import {
  completeArticle,
  createSiteIds,
  entryOfStored,
  storedArticleOf,
} from '../core/republication/stored-article';
import type { ArticleDb } from '../platform/indexed-db';
import { createWriteQueue } from './write-queue';

/** Bodies longer than this are fingerprinted up to it. */
const MAX_BODY_TEXT = 200_000;

/**
 * The articles the user has read, as fingerprints, for the republication check. The index
 * lives in memory and is rebuilt from the database the first time a cold background needs it.
 */
export function createArticleStore(
  db: ArticleDb,
  now: () => number = Date.now,
  onSummary: (summary: ArticleIndexSummary) => void | Promise<void> = () => undefined,
) {
  let loading: Promise<{ index: ArticleIndex; siteOf: ReturnType<typeof createSiteIds> }> | null =
    null;
  // A failed load is forgotten, so the next call tries the database again.
  const ready = () =>
    (loading ??= db.all().then(
      ({ articles, sites }) => {
        const byId = new Map(sites.map((site) => [site.id, site]));
        return {
          index: ArticleIndex.fromEntries(
            articles.map(([url, stored]) => entryOfStored(url, stored, byId)),
          ),
          siteOf: createSiteIds(sites),
        };
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  const enqueue = createWriteQueue();
  const summarise = (index: ArticleIndex) =>
    onSummary({ articles: index.size, publisherHosts: index.publisherHosts() });

  return {
    /** Adds (or refreshes) an article from its body text. */
    addArticle(
      article: Omit<IndexedArticle, 'fingerprintCount' | 'lastSeenAt'>,
      bodyText: string,
    ): Promise<void> {
      return enqueue(async () => {
        const fingerprints = fingerprintArticle(bodyText.slice(0, MAX_BODY_TEXT));
        if (!fingerprints.length) return;
        const entry = { ...article, lastSeenAt: now() };
        const { index, siteOf } = await ready();
        const evicted = index.add(entry, fingerprints);
        const site = siteOf(entry);
        await db.put(entry.url, storedArticleOf(entry, site.id, fingerprints), site);
        if (evicted.length) await db.delete(evicted);
        await summarise(index);
      });
    },
    /** Which read articles a page reuses, where, and whether it links back. */
    async checkPage(url: string, text: string, links: readonly string[]): Promise<PageReport> {
      const bounded = text.slice(0, MAX_PAGE_TEXT);
      // Word positions only matter for pages that reuse something: the report finds them then.
      const page = fingerprintText(bounded);
      const candidates = page.hashes.length
        ? (await ready()).index.match(page.hashes, MIN_SHARED_FINGERPRINTS)
        : [];
      // The index keeps no titles, and only which article has a fingerprint: the database
      // has the rest of each card and the article's fingerprints in order, read for the few
      // articles the page may reuse. One that cannot be read is reported without them.
      const stored = await Promise.all(
        candidates.map((hit) => db.get(hit.article.url).catch(() => undefined)),
      );
      const complete = candidates.map((hit, i) => ({
        ...hit,
        article: completeArticle(hit.article, stored[i]),
      }));
      const report = buildPageReport(url, bounded, page, complete, links, now());
      const articles = report.articles.map((article) => {
        const i = candidates.findIndex((hit) => hit.article.url === article.url);
        const record = stored[i];
        const hit = candidates[i];
        if (!record || !hit) return article;
        const [, , , , , fingerprints] = record;
        return { ...article, articleSpans: articleSpansOf(fingerprints, sharedHashes(page, hit)) };
      });
      return { ...report, articles };
    },
    /** Forgets every article, after any addition already under way. */
    clear(): Promise<void> {
      return enqueue(async () => {
        const { index } = await ready();
        index.clear();
        await db.clear();
        await summarise(index);
      });
    },
  };
}

export type ArticleStore = ReturnType<typeof createArticleStore>;
