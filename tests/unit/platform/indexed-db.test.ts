// The article database on an in-memory IndexedDB (fake-indexeddb): what a user who had
// version 1 finds after the upgrade, and the version-2 records beside theirs.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createArticleStore } from '../../../utils/background/article-store';
import { fingerprintText } from '../../../utils/core/fingerprint/fingerprint';
import type { IndexedArticle } from '../../../utils/core/republication/article-index';
import {
  entryOfStored,
  isStoredArticleV2,
  type StoredArticleV1,
} from '../../../utils/core/republication/stored-article';
import { openArticleDb } from '../../../utils/platform/indexed-db';

/** 150 words, none repeated within it: each run of words is in one place. */
const bodyOf = (seed: number) =>
  Array.from({ length: 150 }, (_, i) => `w${seed}x${(i * 7919) % 1009}`).join(' ');
const BODY = bodyOf(1);

const OLD_ARTICLE: IndexedArticle = {
  url: 'https://press.example/2025/old-story',
  title: 'An article read before the upgrade',
  siteName: 'Press',
  publisherId: 'press',
  publishedAt: '2025-06-01T10:00:00+04:00',
  language: 'en',
  hosts: ['press.example', 'www.press.example'],
  requiredLink: 'site',
  placement: 'end',
  lastSeenAt: 1_000,
  fingerprintCount: new Set(fingerprintText(BODY).hashes).size,
};

let databases = 0;

/** A database as version 1 of Linkback left it: its schema, its records, page-dense fingerprints. */
async function versionOneDatabase(records: StoredArticleV1[]): Promise<string> {
  const name = `linkback-test-${databases++}`;
  const db = await openDB(name, 1, {
    upgrade(database) {
      database.createObjectStore('articles', { keyPath: 'article.url' });
    },
  });
  for (const record of records) await db.put('articles', record);
  db.close();
  return name;
}

const quoted = (body: string) =>
  `A blog post begins. ${body.split(' ').slice(10, 70).join(' ')} The blog post ends.`;

describe('the article database', () => {
  it('keeps the articles of version 1 through the upgrade, and finds them on pages', async () => {
    const name = await versionOneDatabase([
      { article: OLD_ARTICLE, fingerprints: fingerprintText(BODY).hashes },
    ]);
    const db = openArticleDb(name);
    const { articles, sites } = await db.all();
    expect(articles).toHaveLength(1);
    expect(sites).toEqual([]);
    expect(isStoredArticleV2(articles[0]!)).toBe(false);
    expect(entryOfStored(articles[0]!, new Map()).article).toMatchObject({
      url: OLD_ARTICLE.url,
      hosts: OLD_ARTICLE.hosts,
      requiredLink: 'site',
    });

    const store = createArticleStore(db);
    const [reused] = (await store.checkPage('https://blog.example/post', quoted(BODY), [])).articles;
    expect(reused).toMatchObject({
      url: OLD_ARTICLE.url,
      title: OLD_ARTICLE.title,
      publishedAt: OLD_ARTICLE.publishedAt,
      siteName: 'Press',
      linkStatus: 'none',
      compliant: false,
    });
    expect(reused!.articleSpans).toHaveLength(1);
  });

  it('stores new articles as version 2 beside the old ones, with one site record per site', async () => {
    const name = await versionOneDatabase([
      { article: OLD_ARTICLE, fingerprints: fingerprintText(BODY).hashes },
    ]);
    const db = openArticleDb(name);
    let now = 2_000;
    const store = createArticleStore(db, () => now++);
    const { fingerprintCount: _, lastSeenAt: __, ...card } = OLD_ARTICLE;
    const newBody = bodyOf(2);
    await store.addArticle({ ...card, url: 'https://press.example/new-1' }, newBody);
    await store.addArticle({ ...card, url: 'https://press.example/new-2' }, `${newBody} More.`);
    const { articles, sites } = await db.all();
    expect(articles.map((stored) => [stored.article.url, isStoredArticleV2(stored)])).toEqual([
      ['https://press.example/2025/old-story', false],
      ['https://press.example/new-1', true],
      ['https://press.example/new-2', true],
    ]);
    expect(sites).toEqual([
      {
        id: 1,
        siteName: 'Press',
        publisherId: 'press',
        hosts: ['press.example', 'www.press.example'],
        requiredLink: 'site',
        placement: 'end',
      },
    ]);

    // A restarted background rebuilds both kinds, and reports the new ones whole.
    const restarted = createArticleStore(openArticleDb(name));
    const report = await restarted.checkPage('https://blog.example/post', quoted(newBody), [
      'https://www.press.example/',
    ]);
    expect(report.articles.map((article) => article.url)).toContain('https://press.example/new-1');
    expect(report.articles[0]).toMatchObject({
      title: OLD_ARTICLE.title,
      siteName: 'Press',
      linkStatus: 'site',
      compliant: true,
    });
    const old = await restarted.checkPage('https://blog.example/post', quoted(BODY), []);
    expect(old.articles.map((article) => article.url)).toEqual([OLD_ARTICLE.url]);

    // Reading the old article again stores it as version 2: nothing of it is lost.
    await restarted.addArticle({ ...card }, BODY);
    const again = await db.get(OLD_ARTICLE.url);
    expect(again && isStoredArticleV2(again)).toBe(true);
    expect(again?.article).toMatchObject({ title: OLD_ARTICLE.title, site: 1 });

    await restarted.clear();
    expect(await db.all()).toEqual({ articles: [], sites: [] });
  });

  it('opens a new database at version 2', async () => {
    const name = `linkback-test-${databases++}`;
    await openArticleDb(name).all();
    const db = await openDB(name);
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'sites']);
    db.close();
  });
});
