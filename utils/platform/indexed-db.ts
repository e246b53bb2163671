import { openDB } from 'idb';
import type { StoredArticle } from '../core/republication/article-index';

/** Where articles persist across browser and service-worker restarts (IndexedDB in the extension). */
export interface ArticleDb {
  all(): Promise<StoredArticle[]>;
  /** One article, by URL; undefined when not stored. */
  get(url: string): Promise<StoredArticle | undefined>;
  put(entry: StoredArticle): Promise<void>;
  delete(urls: string[]): Promise<void>;
  clear(): Promise<void>;
}

/** IndexedDB behind ArticleDb: one object store of articles keyed by URL. */
export function openArticleDb(name = 'linkback'): ArticleDb {
  const db = openDB(name, 1, {
    upgrade(database) {
      database.createObjectStore('articles', { keyPath: 'article.url' });
    },
  });
  return {
    async all() {
      return (await (await db).getAll('articles')) as StoredArticle[];
    },
    async get(url) {
      return (await (await db).get('articles', url)) as StoredArticle | undefined;
    },
    async put(entry) {
      await (await db).put('articles', entry);
    },
    async delete(urls) {
      const tx = (await db).transaction('articles', 'readwrite');
      await Promise.all([...urls.map((url) => tx.store.delete(url)), tx.done]);
    },
    async clear() {
      await (await db).clear('articles');
    },
  };
}
