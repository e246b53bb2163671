// The article database on an in-memory IndexedDB (fake-indexeddb): what a user who had
// version 1 finds after the upgrade, and the version-2 records beside theirs.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createArticleStore } from '../../../utils/background/article-store';
import { fingerprintText } from '../../../utils/core/fingerprint/fingerprint';
import type { IndexedArticle } from '../../../utils/core/republication/article-index';
import { type StoredArticleV1 } from '../../../utils/core/republication/stored-article';
import { openArticleDb } from '../../../utils/platform/indexed-db';

/** 150 words, none repeated within it: each run of words is in one place. */
const bodyOf = (seed: number) =>
  Array.from({ length: 150 }, (_, i) => `w${seed}x${(i * 7919) % 1009}`).join(' ');
const BODY = bodyOf(1);

/** What the background is told about an article read. */
const CARD: Omit<IndexedArticle, 'lastSeenAt' | 'fingerprintCount'> = {
  url: 'https://press.example/2025/old-story',
  title: 'An article read before the upgrade',
  siteName: 'Press',
  publisherId: 'press',
  publishedAt: '2025-06-01T10:00:00+04:00',
  language: 'en',
  hosts: ['press.example', 'www.press.example'],
  requiredLink: 'site',
  placement: 'end',
};

const OLD_ARTICLE: IndexedArticle = {
  ...CARD,
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
  it('moves the articles of version 1 into version 2 as they were, and finds them on pages', async () => {
    const v1Fingerprints = fingerprintText(BODY).hashes;
    const name = await versionOneDatabase([
      { article: OLD_ARTICLE, fingerprints: v1Fingerprints },
      {
        article: { ...OLD_ARTICLE, url: 'https://press.example/2025/other', title: 'Another' },
        fingerprints: fingerprintText(bodyOf(3)).hashes,
      },
    ]);
    const db = openArticleDb(name);
    const { articles, sites } = await db.all();
    expect(articles.map(([url]) => url)).toEqual([
      'https://press.example/2025/old-story',
      'https://press.example/2025/other',
    ]);
    const [, stored] = articles[0]!;
    expect(stored.slice(0, 5)).toEqual([
      OLD_ARTICLE.title,
      OLD_ARTICLE.publishedAt,
      'en',
      1_000,
      1,
    ]);
    // The same fingerprints, denser than a new article's: every one still matches.
    expect(Array.from(stored[5])).toEqual(Array.from(v1Fingerprints));
    // One site record for the two articles of the site.
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
    const raw = await openDB(name);
    expect(raw.version).toBe(2);
    expect([...raw.objectStoreNames].sort()).toEqual(['readArticles', 'sites']);
    raw.close();

    const store = createArticleStore(openArticleDb(name));
    const [reused] = (await store.checkPage('https://blog.example/post', quoted(BODY), []))
      .articles;
    expect(reused).toMatchObject({
      url: OLD_ARTICLE.url,
      title: OLD_ARTICLE.title,
      publishedAt: OLD_ARTICLE.publishedAt,
      siteName: 'Press',
      linkStatus: 'none',
      compliant: false,
    });
    expect(reused!.coverage).toBeGreaterThan(0.3);
    expect(reused!.articleSpans).toHaveLength(1);
  });

  it('leaves version 1 as it was when the move fails, and moves it on a later start', async () => {
    // Hosts no version wrote, but a database can hold (a BigInt): the site's key cannot be
    // made of it, and the move of this record throws.
    const broken = { ...OLD_ARTICLE, url: 'https://press.example/broken' };
    const name = await versionOneDatabase([
      { article: OLD_ARTICLE, fingerprints: fingerprintText(BODY).hashes },
      {
        article: { ...broken, hosts: [1n] as unknown as string[] },
        fingerprints: new Uint32Array(1),
      },
    ]);
    await expect(openArticleDb(name).all()).rejects.toThrow();
    const kept = await openDB(name);
    expect(kept.version).toBe(1);
    expect((await kept.getAll('articles')).map((record) => record.article.url)).toEqual([
      'https://press.example/2025/old-story',
      'https://press.example/broken',
    ]);
    // Once the record is readable, the move goes through, with every article.
    await kept.put('articles', { article: broken, fingerprints: new Uint32Array(1) });
    kept.close();
    const { articles } = await openArticleDb(name).all();
    expect(articles.map(([url]) => url)).toEqual([OLD_ARTICLE.url, broken.url]);
  });

  it('stores new articles beside the moved ones, one site record per site, and rebuilds all after a restart', async () => {
    const name = await versionOneDatabase([
      { article: OLD_ARTICLE, fingerprints: fingerprintText(BODY).hashes },
    ]);
    const db = openArticleDb(name);
    let now = 2_000;
    const store = createArticleStore(db, () => now++);
    const newBody = bodyOf(2);
    await store.addArticle({ ...CARD, url: 'https://press.example/new-1' }, newBody);
    await store.addArticle(
      { ...CARD, url: 'https://other.example/new-2', hosts: ['other.example'], siteName: 'Other' },
      bodyOf(4),
    );
    const { articles, sites } = await db.all();
    expect(articles.map(([url, stored]) => [url, stored[4]])).toEqual([
      ['https://other.example/new-2', 2],
      ['https://press.example/2025/old-story', 1],
      ['https://press.example/new-1', 1],
    ]);
    expect(sites.map((site) => [site.id, site.siteName])).toEqual([
      [1, 'Press'],
      [2, 'Other'],
    ]);

    // A restarted background rebuilds them all, and reports the new ones whole.
    const restarted = createArticleStore(openArticleDb(name));
    const report = await restarted.checkPage('https://blog.example/post', quoted(newBody), [
      'https://www.press.example/',
    ]);
    expect(report.articles).toHaveLength(1);
    expect(report.articles[0]).toMatchObject({
      url: 'https://press.example/new-1',
      title: OLD_ARTICLE.title,
      siteName: 'Press',
      linkStatus: 'site',
      compliant: true,
    });
    const old = await restarted.checkPage('https://blog.example/post', quoted(BODY), []);
    expect(old.articles.map((article) => article.url)).toEqual([OLD_ARTICLE.url]);

    await restarted.clear();
    expect(await db.all()).toEqual({ articles: [], sites: [] });
  });

  it('opens a database someone made empty at version 1 (opened without a version)', async () => {
    const name = `linkback-test-${databases++}`;
    (await openDB(name)).close();
    expect(await openArticleDb(name).all()).toEqual({ articles: [], sites: [] });
  });

  it('opens a new database at version 2', async () => {
    const name = `linkback-test-${databases++}`;
    await openArticleDb(name).all();
    const db = await openDB(name);
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['readArticles', 'sites']);
    db.close();
  });
});
