import { openDB } from 'idb';
import type { ArticleDb, StoredArticle } from '../background/article-store';

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
