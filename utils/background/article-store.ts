import { fingerprintText } from '../core/fingerprint/fingerprint';
import {
  ArticleIndex,
  type ArticleIndexSummary,
  type IndexedArticle,
} from '../core/republication/article-index';
import {
  articleSpansOf,
  buildPageReport,
  MAX_PAGE_TEXT,
  sharedHashes,
  type PageReport,
} from '../core/republication/report';
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
  let index: Promise<ArticleIndex> | null = null;
  // A failed load is forgotten, so the next call tries the database again.
  const ready = () =>
    (index ??= db.all().then(
      (entries) => ArticleIndex.fromEntries(entries),
      (error: unknown) => {
        index = null;
        throw error;
      },
    ));
  const enqueue = createWriteQueue();
  const summarise = (loaded: ArticleIndex) =>
    onSummary({
      articles: loaded.size,
      publisherHosts: [...new Set(loaded.list().flatMap((article) => article.hosts))],
    });

  return {
    /** Adds (or refreshes) an article from its body text. */
    addArticle(
      article: Omit<IndexedArticle, 'fingerprintCount' | 'lastSeenAt'>,
      bodyText: string,
    ): Promise<void> {
      return enqueue(async () => {
        const fingerprints = fingerprintText(bodyText.slice(0, MAX_BODY_TEXT)).hashes;
        if (!fingerprints.length) return;
        const entry = { ...article, lastSeenAt: now() };
        const loaded = await ready();
        const evicted = loaded.add(entry, fingerprints);
        await db.put({
          article: { ...entry, fingerprintCount: new Set(fingerprints).size },
          fingerprints,
        });
        if (evicted.length) await db.delete(evicted);
        await summarise(loaded);
      });
    },
    /** Which read articles a page reuses, where, and whether it links back. */
    async checkPage(url: string, text: string, links: readonly string[]): Promise<PageReport> {
      const bounded = text.slice(0, MAX_PAGE_TEXT);
      // Word positions only matter for pages that reuse something: the report finds them then.
      const page = fingerprintText(bounded);
      const hits = page.hashes.length ? (await ready()).match(page.hashes) : [];
      const report = buildPageReport(url, bounded, page, hits, links, now());
      if (!report.articles.length) return report;
      // Where in each reused article its passages sit: the index keeps only which article
      // has a fingerprint, the database keeps each article's fingerprints in order.
      const articles = await Promise.all(
        report.articles.map(async (article) => {
          const hit = hits.find((candidate) => candidate.article.url === article.url);
          const stored = hit && (await db.get(article.url).catch(() => undefined));
          if (!hit || !stored) return article;
          return {
            ...article,
            articleSpans: articleSpansOf(stored.fingerprints, sharedHashes(page, hit)),
          };
        }),
      );
      return { ...report, articles };
    },
    /** Forgets every article, after any addition already under way. */
    clear(): Promise<void> {
      return enqueue(async () => {
        const loaded = await ready();
        loaded.clear();
        await db.clear();
        await summarise(loaded);
      });
    },
  };
}

export type ArticleStore = ReturnType<typeof createArticleStore>;
