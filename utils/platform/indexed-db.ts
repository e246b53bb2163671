import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import {
  createSiteIds,
  migrateStoredArticle,
  type StoredArticle,
  type StoredArticleV1,
  type StoredSite,
} from '../core/republication/stored-article';

/** Where articles persist across browser and service-worker restarts (IndexedDB in the extension). */
export interface ArticleDb {
  /** Every stored article with its URL, and every site. */
  all(): Promise<{ articles: [url: string, stored: StoredArticle][]; sites: StoredSite[] }>;
  /** One article, by URL; undefined when not stored. */
  get(url: string): Promise<StoredArticle | undefined>;
  /** Stores an article with its site, in one transaction. */
  put(url: string, stored: StoredArticle, site: StoredSite): Promise<void>;
  delete(urls: string[]): Promise<void>;
  clear(): Promise<void>;
}

/**
 * Version 1: 'articles', objects keyed by their card's URL (StoredArticleV1). Version 2:
 * 'readArticles', tuples under their URL, and 'sites' (stored-article.ts).
 */
export const ARTICLE_DB_VERSION = 2;
const ARTICLES = 'readArticles';
const SITES = 'sites';

/**
 * Creates version 2's stores and moves version 1's articles into them, all in the upgrade's
 * one transaction: if anything fails, the transaction is aborted and the user's version-1
 * database stays as it was (the background then works without it, and the next start
 * tries the upgrade again).
 */
async function upgradeArticleDb(
  database: IDBPDatabase,
  oldVersion: number,
  transaction: IDBPTransaction<unknown, string[], 'versionchange'>,
): Promise<void> {
  // An aborted upgrade rejects its transaction and every write under way: the open request's
  // own error is what callers see, so these must not go unhandled.
  transaction.done.catch(() => undefined);
  const writes: Promise<unknown>[] = [];
  try {
    if (oldVersion >= 2) return;
    database.createObjectStore(ARTICLES);
    database.createObjectStore(SITES, { keyPath: 'id' });
    // A database opened without a version before Linkback made it is at version 1 without
    // version 1's store: nothing to move.
    if (oldVersion < 1 || !database.objectStoreNames.contains('articles')) return;
    const old = (await transaction.objectStore('articles').getAll()) as StoredArticleV1[];
    const siteOf = createSiteIds([]);
    const articles = transaction.objectStore(ARTICLES);
    const sites = transaction.objectStore(SITES);
    for (const record of old) {
      const { url, stored, site } = migrateStoredArticle(record, siteOf);
      writes.push(articles.put(stored, url), sites.put(site));
    }
    database.deleteObjectStore('articles');
    await Promise.all(writes);
  } catch (error) {
    for (const write of writes) write.catch(() => undefined);
    transaction.abort();
    throw error;
  }
}

/** IndexedDB behind ArticleDb. */
export function openArticleDb(name = 'linkback'): ArticleDb {
  const db = openDB(name, ARTICLE_DB_VERSION, {
    upgrade: (database, oldVersion, _newVersion, transaction) => {
      // The transaction's own error ends the open; this one only must not go unhandled.
      upgradeArticleDb(database, oldVersion, transaction).catch(() => undefined);
    },
  });
  return {
    async all() {
      const tx = (await db).transaction([ARTICLES, SITES]);
      const store = tx.objectStore(ARTICLES);
      // Keys and values in the same (key) order, read in one transaction.
      const [urls, stored, sites] = await Promise.all([
        store.getAllKeys() as Promise<string[]>,
        store.getAll() as Promise<StoredArticle[]>,
        tx.objectStore(SITES).getAll() as Promise<StoredSite[]>,
      ]);
      const articles = urls.flatMap((url, i): [string, StoredArticle][] => {
        const article = stored[i];
        return article ? [[url, article]] : [];
      });
      return { articles, sites };
    },
    async get(url) {
      return (await (await db).get(ARTICLES, url)) as StoredArticle | undefined;
    },
    async put(url, stored, site) {
      const tx = (await db).transaction([ARTICLES, SITES], 'readwrite');
      await Promise.all([
        tx.objectStore(SITES).put(site),
        tx.objectStore(ARTICLES).put(stored, url),
        tx.done,
      ]);
    },
    async delete(urls) {
      const tx = (await db).transaction(ARTICLES, 'readwrite');
      await Promise.all([...urls.map((url) => tx.store.delete(url)), tx.done]);
    },
    async clear() {
      const tx = (await db).transaction([ARTICLES, SITES], 'readwrite');
      await Promise.all([tx.objectStore(ARTICLES).clear(), tx.objectStore(SITES).clear(), tx.done]);
    },
  };
}
