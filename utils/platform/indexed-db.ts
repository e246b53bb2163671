import { openDB, type IDBPDatabase } from 'idb';
import type { StoredArticle, StoredSite } from '../core/republication/stored-article';

/** Where articles persist across browser and service-worker restarts (IndexedDB in the extension). */
export interface ArticleDb {
  /** Every stored article, in either version (stored-article.ts), and every site. */
  all(): Promise<{ articles: StoredArticle[]; sites: StoredSite[] }>;
  /** One article, by URL; undefined when not stored. */
  get(url: string): Promise<StoredArticle | undefined>;
  /** Stores an article with its site, in one transaction. */
  put(entry: StoredArticle, site: StoredSite): Promise<void>;
  delete(urls: string[]): Promise<void>;
  clear(): Promise<void>;
}

/**
 * Version 1: one object store of articles keyed by URL, each with its whole card.
 * Version 2 adds the sites' store; the articles stay where and as they are (version-1
 * records are read as such), so the upgrade copies and drops nothing.
 */
export const ARTICLE_DB_VERSION = 2;

function upgradeArticleDb(database: IDBPDatabase, oldVersion: number): void {
  if (oldVersion < 1) database.createObjectStore('articles', { keyPath: 'article.url' });
  if (oldVersion < 2) database.createObjectStore('sites', { keyPath: 'id' });
}

/** IndexedDB behind ArticleDb: articles keyed by URL, and their sites by id. */
export function openArticleDb(name = 'linkback'): ArticleDb {
  const db = openDB(name, ARTICLE_DB_VERSION, {
    upgrade: (database, oldVersion) => upgradeArticleDb(database, oldVersion),
  });
  return {
    async all() {
      const tx = (await db).transaction(['articles', 'sites']);
      const [articles, sites] = await Promise.all([
        tx.objectStore('articles').getAll() as Promise<StoredArticle[]>,
        tx.objectStore('sites').getAll() as Promise<StoredSite[]>,
      ]);
      return { articles, sites };
    },
    async get(url) {
      return (await (await db).get('articles', url)) as StoredArticle | undefined;
    },
    async put(entry, site) {
      const tx = (await db).transaction(['articles', 'sites'], 'readwrite');
      await Promise.all([
        tx.objectStore('sites').put(site),
        tx.objectStore('articles').put(entry),
        tx.done,
      ]);
    },
    async delete(urls) {
      const tx = (await db).transaction('articles', 'readwrite');
      await Promise.all([...urls.map((url) => tx.store.delete(url)), tx.done]);
    },
    async clear() {
      const tx = (await db).transaction(['articles', 'sites'], 'readwrite');
      await Promise.all([
        tx.objectStore('articles').clear(),
        tx.objectStore('sites').clear(),
        tx.done,
      ]);
    },
  };
}
