import { quietSite } from '../../../utils/background/site-choices';
import type { SiteChoices } from '../../../utils/core/rules/site-choice';
import { DEFAULT_SETTINGS } from '../../../utils/core/records/settings';
import { createRuledSites, sitePatterns } from '../../../utils/background/ruled-sites';
import type { ArticleState } from '../../../utils/core/records/article-state';
import type { ReuseRule } from '../../../utils/core/rules/types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ARTICLE_ICONS,
  createActionIndicator,
  IDLE_ICONS,
  localisedTitles,
  type ActionApi,
} from '../../../utils/background/action-indicator';
import { createArticleStore } from '../../../utils/background/article-store';
import type { ArticleDb } from '../../../utils/platform/indexed-db';
import type { StoredArticle, StoredSite } from '../../../utils/core/republication/stored-article';
import { createBoundedLog } from '../../../utils/background/bounded-log';
import { createCopyRecordStore, type RecordsItem } from '../../../utils/background/copy-records';
import { createPasteIndexStore } from '../../../utils/background/paste-index-store';
import { createReuseFindingStore } from '../../../utils/background/reuse-findings';
import { isAllowedSender } from '../../../utils/background/sender-policy';
import type { PageReport } from '../../../utils/core/republication/report';
import { createPasteIndex } from '../../../utils/core/paste-index/match';
import {
  EMPTY_PASTE_INDEX,
  fromStoredPasteIndex,
  toStoredPasteIndex,
  type StoredPasteIndex,
  type PasteIndexSnapshot,
} from '../../../utils/core/paste-index/snapshot';
import { handleBackgroundMessage } from '../../../utils/background/handle-message';
import type { BackgroundMessage } from '../../../utils/platform/messaging';
import {
  copyRecordsItem,
  reuseFindingsItem,
  settingsItem,
} from '../../../utils/platform/storage/items';
import {
  MAX_COPY_RECORDS,
  MAX_RECORD_TEXT,
  type CopyRecord,
  type NewCopyRecord,
  type PasteRecord,
  type ReuseFinding,
} from '../../../utils/core/records/records';

const COPY: NewCopyRecord = {
  articleUrl: 'https://caliber.az/en/post/story',
  title: 'The story',
  publisherId: 'caliber',
  siteName: 'Caliber.az',
  language: 'en',
  copiedAt: 1_000,
  text: 'Special Envoy Steve Witkoff and Jared Kushner are scheduled to meet.',
  textLength: 68,
  attributed: true,
};

function memoryItem(initial: CopyRecord[] = []): RecordsItem & { value: CopyRecord[] } {
  return {
    value: initial,
    async getValue() {
      return this.value;
    },
    async setValue(value) {
      this.value = value;
    },
  };
}

function fakeAction() {
  const calls: {
    title: Record<number, string>;
    icon: Record<number, Record<string, string>>;
    badge: Record<number, string>;
  } = { title: {}, icon: {}, badge: {} };
  const api: ActionApi = {
    async setTitle({ tabId, title }) {
      calls.title[tabId] = title;
    },
    async setIcon({ tabId, path }) {
      calls.icon[tabId] = path;
    },
    async setBadgeText({ tabId, text }) {
      calls.badge[tabId] = text;
    },
    async setBadgeBackgroundColor() {},
  };
  return { api, calls };
}

beforeEach(() => fakeBrowser.reset());

/** An article known only by its address, as the index may hold one. */
const BARE_ARTICLE = {
  url: COPY.articleUrl,
  title: null,
  siteName: null,
  publisherId: null,
  publishedAt: null,
  language: null,
  hosts: [],
  requiredLink: 'article' as const,
  placement: 'end' as const,
};

describe('the copy record store', () => {
  it('keeps the newest copy first, with an id, bounded text and count', async () => {
    let ids = 0;
    const item = memoryItem();
    const store = createCopyRecordStore(item, Date.now, () => `id-${++ids}`);
    await store.add({
      ...COPY,
      text: 'x'.repeat(MAX_RECORD_TEXT + 50),
      textLength: MAX_RECORD_TEXT + 50,
    });
    const second = await store.add({ ...COPY, articleUrl: 'https://caliber.az/post/other' });
    expect(second.id).toBe('id-2');
    expect(item.value.map((r) => r.id)).toEqual(['id-2', 'id-1']);
    expect(item.value[1]!.text).toHaveLength(MAX_RECORD_TEXT);
    expect(item.value[1]!.textLength).toBe(MAX_RECORD_TEXT + 50);

    for (let i = 0; i < MAX_COPY_RECORDS + 5; i++) {
      await store.add({ ...COPY, text: `copy ${i}`, copiedAt: 100_000 + i });
    }
    expect(item.value).toHaveLength(MAX_COPY_RECORDS);
    expect(item.value[0]!.text).toBe(`copy ${MAX_COPY_RECORDS + 4}`);
  });

  it('keeps only what the user’s retention allows, read at each write', async () => {
    const DAY = 86_400_000;
    const item = memoryItem(
      Array.from({ length: 6 }, (_, i) => ({ ...COPY, id: `old-${i}`, copiedAt: (9 - i) * DAY })),
    );
    let retention = { historyMaxEntries: 100, historyMaxDays: null as number | null };
    const store = createCopyRecordStore(
      item,
      () => 10 * DAY,
      () => 'new',
      { readRetention: async () => retention },
    );
    await store.add({ ...COPY, text: 'first new copy', copiedAt: 10 * DAY });
    expect(item.value).toHaveLength(7);
    retention = { historyMaxEntries: 100, historyMaxDays: 3 };
    await store.add({ ...COPY, text: 'second new copy', copiedAt: 10 * DAY });
    // Day 10 twice, then days 9, 8 and 7: three days back from day 10.
    expect(item.value.map((record) => record.copiedAt / DAY)).toEqual([10, 10, 9, 8, 7]);
    retention = { historyMaxEntries: 100, historyMaxDays: 1 };
    expect(await store.prune()).toBe(2);
    expect(item.value.map((record) => record.copiedAt / DAY)).toEqual([10, 10, 9]);
  });

  it('counts the same copy made twice in a row as one', async () => {
    const item = memoryItem();
    const store = createCopyRecordStore(item);
    await store.add({ ...COPY, copiedAt: 10_000 });
    await store.add({ ...COPY, copiedAt: 12_000 });
    expect(item.value).toHaveLength(1);
    expect(item.value[0]!.copiedAt).toBe(12_000);
    await store.add({ ...COPY, copiedAt: 60_000 });
    expect(item.value).toHaveLength(2);
  });

  it('serialises concurrent writes so no copy is lost', async () => {
    const item = memoryItem();
    const store = createCopyRecordStore(item);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.add({ ...COPY, text: `copy ${i}` })),
    );
    expect(item.value).toHaveLength(20);
  });

  it('keeps the newest half when storage is full, and surfaces other errors', async () => {
    const item = memoryItem(
      Array.from({ length: 10 }, (_, i) => ({ ...COPY, id: `old-${i}`, text: `old ${i}` })),
    );
    const setValue = item.setValue.bind(item);
    let failures = 1;
    item.setValue = async (value) => {
      if (failures-- > 0) throw new Error('QUOTA_BYTES quota exceeded');
      await setValue(value);
    };
    const store = createCopyRecordStore(
      item,
      () => 999_999,
      () => 'new',
    );
    await store.add(COPY);
    expect(item.value[0]!.id).toBe('new');
    expect(item.value).toHaveLength(6);

    item.setValue = async () => {
      throw new Error('disk on fire');
    };
    await expect(store.add({ ...COPY, text: 'another' })).rejects.toThrow('disk on fire');
    // The queue survives a failed write.
    item.setValue = setValue;
    await store.add({ ...COPY, text: 'after' });
    expect(item.value[0]!.text).toBe('after');
  });
});

function memoryArticleDb(): ArticleDb & { rows: Map<string, StoredArticle> } {
  const rows = new Map<string, StoredArticle>();
  const sites = new Map<number, StoredSite>();
  return {
    rows,
    all: async () => ({ articles: [...rows], sites: [...sites.values()] }),
    get: async (url) => rows.get(url),
    put: async (url, stored, site) => {
      sites.set(site.id, site);
      rows.set(url, stored);
    },
    delete: async (urls) => urls.forEach((url) => rows.delete(url)),
    clear: async () => {
      rows.clear();
      sites.clear();
    },
  };
}

function makeServices(action: ActionApi, records = memoryItem()) {
  const services = makeBareServices(action, records);
  services.ruledSites = createRuledSites(
    {
      getValue: async () => services.ruledSitesList,
      setValue: async (value) => void (services.ruledSitesList = value),
    },
    async (sites) => void services.registered.push([...sites]),
  );
  return services;
}

function makeBareServices(action: ActionApi, records = memoryItem()) {
  let index = EMPTY_PASTE_INDEX;
  const pasteIndexItem = {
    getValue: async () => toStoredPasteIndex(index),
    // Read back as the page would: the sources arrive as one string (snapshot.ts).
    setValue: async (value: StoredPasteIndex) => {
      expect(typeof value.sources).toBe('string');
      index = fromStoredPasteIndex(value) as PasteIndexSnapshot;
    },
  };
  const pastes: PasteRecord[] = [];
  const findings: ReuseFinding[] = [];
  let findingIds = 0;
  return {
    indicator: createActionIndicator(action),
    records: createCopyRecordStore(records),
    pasteIndex: createPasteIndexStore(pasteIndexItem),
    pastes: createBoundedLog<PasteRecord>(
      {
        getValue: async () => pastes,
        setValue: async (value) => void pastes.splice(0, pastes.length, ...value),
      },
      10,
    ),
    findings: createReuseFindingStore(
      {
        getValue: async () => findings,
        setValue: async (value) => void findings.splice(0, findings.length, ...value),
      },
      () => `finding-${++findingIds}`,
    ),
    unsaved: [] as unknown[],
    noteUnsaved(error: unknown) {
      this.unsaved.push(error);
    },
    articles: createArticleStore(memoryArticleDb()),
    registered: [] as string[][],
    ruledSitesList: [] as string[],
    ruledSites: null as unknown as ReturnType<typeof createRuledSites>,
    injected: [] as Array<[number, number]>,
    async injectArticleScript(tabId: number, frameId: number) {
      this.injected.push([tabId, frameId]);
    },
    siteChoices: {} as SiteChoices,
    async quietSite(host: string) {
      await quietSite(
        {
          getValue: async () => this.siteChoices,
          setValue: async (value) => void (this.siteChoices = value),
        },
        host,
      );
    },
    newId: () => 'id',
    now: () => 1_000,
    clearLogs: async () => {
      records.value = [];
      pastes.splice(0);
      findings.splice(0);
      index = EMPTY_PASTE_INDEX;
    },
    index: () => index,
    pasteLog: pastes,
    findingLog: findings,
  };
}

describe('the action indicator and message routing', () => {
  it('marks recognised article tabs and resets others', async () => {
    const { api, calls } = fakeAction();
    const services = makeServices(api);
    const article: Extract<BackgroundMessage, { type: 'article:state' }> = {
      type: 'article:state',
      state: {
        isArticle: true,
        url: COPY.articleUrl,
        metadata: null,
        publisher: {
          id: 'caliber',
          name: 'Caliber.az',
          notice: '',
          homeUrl: 'https://caliber.az/',
        },
        rule: null,
      },
    };
    await handleBackgroundMessage(article, 7, services);
    expect(calls.title[7]).toBe('Linkback: Caliber.az article recognised');
    expect(calls.icon[7]).toEqual(ARTICLE_ICONS);

    await handleBackgroundMessage(
      { type: 'article:state', state: { ...article.state, isArticle: false } },
      7,
      services,
    );
    expect(calls.title[7]).toBe('Linkback');
    expect(calls.icon[7]).toEqual(IDLE_ICONS);
  });

  it('records copies and rejects unknown messages', async () => {
    const item = memoryItem();
    const services = makeServices(fakeAction().api, item);
    const reply = await handleBackgroundMessage({ type: 'copy:record', record: COPY }, 3, services);
    expect(reply).toMatchObject({ ok: true });
    expect(item.value).toHaveLength(1);
    // The copy's fingerprints reach the paste index, under the publisher's rule.
    expect(services.index().sources).toMatchObject([
      { url: COPY.articleUrl, placement: 'end', hosts: ['caliber.az', 'www.caliber.az'] },
    ]);
    expect(createPasteIndex(services.index()).match(COPY.text)?.source.url).toBe(COPY.articleUrl);

    await handleBackgroundMessage(
      {
        type: 'paste:record',
        record: {
          articleUrl: COPY.articleUrl,
          title: COPY.title,
          destinationOrigin: 'https://cms.example',
          destinationTitle: 'New post',
          pastedAt: 5,
          added: true,
        },
      },
      3,
      services,
    );
    expect(services.pasteLog).toMatchObject([
      { id: 'id', destinationOrigin: 'https://cms.example' },
    ]);
    await expect(
      handleBackgroundMessage({ type: 'nope' } as unknown as BackgroundMessage, 3, services),
    ).rejects.toThrow(/Unknown message/);
  });
});

describe('the republication services', () => {
  const WORDS = ['envoys', 'Moscow', 'talks', 'peace', 'Witkoff', 'Kushner', 'Putin', 'December'];
  const BODY = Array.from({ length: 120 }, (_, i) => `${WORDS[i % 8]}${i}`).join(' ');
  /** The article page's report that its article was read. */
  const READ: BackgroundMessage = {
    type: 'article:read',
    article: {
      url: COPY.articleUrl,
      title: COPY.title,
      siteName: 'Caliber.az',
      publisherId: 'caliber',
      publishedAt: null,
      language: 'en',
      hosts: ['caliber.az'],
      requiredLink: 'site',
      placement: 'end',
    },
    bodyText: BODY,
  };

  it('keeps a read article for paste repair when IndexedDB fails, and says it failed', async () => {
    const { api } = fakeAction();
    const services = makeServices(api);
    services.articles = createArticleStore({
      all: () => Promise.reject(new Error('IndexedDB is not available')),
      put: () => Promise.reject(new Error('IndexedDB is not available')),
      delete: () => Promise.reject(new Error('IndexedDB is not available')),
      clear: () => Promise.reject(new Error('IndexedDB is not available')),
    } as unknown as ArticleDb);
    await expect(handleBackgroundMessage(READ, 1, services)).rejects.toThrow(/IndexedDB/);
    const pasted = createPasteIndex(services.index()).match(BODY.split(' ').slice(5, 45).join(' '));
    expect(pasted?.source.url).toBe(COPY.articleUrl);
  });

  it('indexes a read article, matches a page against it, badges the tab and forgets on request', async () => {
    const { api, calls } = fakeAction();
    const services = makeServices(api);
    await handleBackgroundMessage(READ, 1, services);
    // Pages can now tell a paste of the article's text, even one never copied from it.
    const pasted = createPasteIndex(services.index()).match(BODY.split(' ').slice(5, 45).join(' '));
    expect(pasted).toMatchObject({ source: { url: COPY.articleUrl, readOnly: true } });
    // Read again: the index is not rewritten (every page holding it would decode it again).
    const before = services.index();
    await services.pasteIndex.addRead(
      { url: COPY.articleUrl, language: 'en', placement: 'end', hosts: ['caliber.az'] },
      BODY,
      2_000,
    );
    expect(services.index()).toBe(before);

    const text = `Intro words here. ${BODY.split(' ').slice(20, 60).join(' ')} outro.`;
    const report = (await handleBackgroundMessage(
      { type: 'page:check', url: 'https://blog.example/post', title: 'A blog', text, links: [] },
      2,
      services,
    )) as PageReport;
    expect(report.articles.map((a) => [a.url, a.linkStatus])).toEqual([[COPY.articleUrl, 'none']]);
    const passage = report.articles[0]!.passages[0]!;
    expect(BODY).toContain(text.slice(passage.start, passage.end));

    // The background sets the badge of the tab it made the report for.
    expect(calls.badge[2]).toBe('!');
    expect(calls.title[2]).toMatch(/without the required link/);
    await handleBackgroundMessage({ type: 'page:navigated' }, 2, services);
    expect(calls.badge[2]).toBe('');

    await handleBackgroundMessage({ type: 'copy:record', record: COPY }, 3, services);
    await handleBackgroundMessage({ type: 'history:clear' }, undefined, services);
    expect(
      (await services.articles.checkPage('https://blog.example/post', text, [])).articles,
    ).toEqual([]);
    expect(services.index()).toEqual(EMPTY_PASTE_INDEX);
    expect(await services.records.recent(5)).toEqual([]);
  });

  it('answers a page check even when its tab is gone before the badge is set', async () => {
    const { api } = fakeAction();
    const services = makeServices({
      ...api,
      setBadgeText: () => Promise.reject(new Error('No tab with id: 2.')),
    });
    await handleBackgroundMessage(READ, 1, services);
    const text = `Intro words here. ${BODY.split(' ').slice(20, 60).join(' ')} outro.`;
    const report = (await handleBackgroundMessage(
      { type: 'page:check', url: 'https://blog.example/post', title: 'A blog', text, links: [] },
      2,
      services,
    )) as PageReport;
    expect(report.articles.map((a) => a.url)).toEqual([COPY.articleUrl]);
  });

  it('keeps what page checks find in the history: one entry per page and article, the latest', async () => {
    const services = makeServices(fakeAction().api);
    await handleBackgroundMessage(READ, 1, services);
    const text = `Intro words here. ${BODY.split(' ').slice(20, 60).join(' ')} outro.`;
    const check = (url: string, title: string, links: string[] = []) =>
      handleBackgroundMessage({ type: 'page:check', url, title, text, links }, 2, services);

    await check('https://blog.example/post#comments', 'Draft title');
    await check('https://www.blog.example/post/', '  Final\n title ');
    expect(services.findingLog).toEqual([
      {
        id: 'finding-2',
        pageUrl: 'https://www.blog.example/post/',
        pageTitle: 'Final title',
        articleUrl: COPY.articleUrl,
        articleTitle: COPY.title,
        linkStatus: 'none',
        compliant: false,
        reusedShare: expect.any(Number),
        foundAt: expect.any(Number),
      },
    ]);
    expect(services.findingLog[0]!.reusedShare).toBeGreaterThan(0.2);

    await check('https://news.example/copy', 'Another', ['https://caliber.az/']);
    expect(services.findingLog.map((f) => [f.pageUrl, f.linkStatus, f.compliant])).toEqual([
      ['https://news.example/copy', 'site', true],
      ['https://www.blog.example/post/', 'none', false],
    ]);
    // A page that reuses nothing adds nothing.
    await handleBackgroundMessage(
      {
        type: 'page:check',
        url: 'https://x.example/',
        title: '',
        text: 'Nothing here at all.',
        links: [],
      },
      3,
      services,
    );
    expect(services.findingLog).toHaveLength(2);

    await handleBackgroundMessage(
      { type: 'history:delete', kind: 'reuse', id: 'finding-3' },
      undefined,
      services,
    );
    expect(services.findingLog.map((f) => f.id)).toEqual(['finding-2']);
    await handleBackgroundMessage({ type: 'history:clear' }, undefined, services);
    expect(services.findingLog).toEqual([]);
  });

  it('answers a page check even when the history cannot keep what it found, and says so', async () => {
    const services = makeServices(fakeAction().api);
    await handleBackgroundMessage(READ, 1, services);
    services.findings.addReport = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    const text = `Intro words here. ${BODY.split(' ').slice(20, 60).join(' ')} outro.`;
    const report = (await handleBackgroundMessage(
      { type: 'page:check', url: 'https://blog.example/post', title: 'A blog', text, links: [] },
      2,
      services,
    )) as PageReport;
    expect(report.articles).toHaveLength(1);
    expect(services.unsaved).toEqual([new Error('QUOTA_BYTES quota exceeded')]);
  });

  it('rebuilds the article index from the database after a restart', async () => {
    const db = memoryArticleDb();
    const first = createArticleStore(db);
    await first.addArticle(BARE_ARTICLE, BODY);
    // A new store over the same database: what a restarted service worker builds.
    const restarted = createArticleStore(db);
    const report = await restarted.checkPage('https://blog.example/post', BODY, []);
    expect(report.articles[0]?.url).toBe(COPY.articleUrl);
  });

  it('says where in the article the reused text sits, from the stored fingerprints, or not at all', async () => {
    const db = memoryArticleDb();
    const store = createArticleStore(db);
    await store.addArticle(BARE_ARTICLE, BODY);
    const words = BODY.split(' ');
    // The second half of the article, quoted.
    const text = `Intro words here. ${words.slice(words.length / 2).join(' ')} outro.`;
    const [reused] = (await store.checkPage('https://blog.example/post', text, [])).articles;
    expect(reused?.articleSpans).toHaveLength(1);
    expect(reused!.articleSpans![0]!.start).toBeGreaterThan(0.4);
    expect(reused!.articleSpans![0]!.start).toBeLessThan(0.6);
    expect(reused!.articleSpans![0]!.end).toBe(1);
    // The database cannot be read: the report comes without positions.
    db.get = () => Promise.reject(new Error('IndexedDB is gone'));
    const [unplaced] = (await store.checkPage('https://blog.example/post', text, [])).articles;
    expect(unplaced?.url).toBe(COPY.articleUrl);
    expect(unplaced?.articleSpans).toBeUndefined();
  });
});

describe('sites that state a rule', () => {
  const stateOn = (url: string, source: ReuseRule['source'] | null): ArticleState => ({
    isArticle: true,
    url,
    metadata: null,
    publisher: null,
    rule: {
      host: new URL(url).hostname.replace(/^www\./, ''),
      found: null,
      choice: null,
      inForce: source
        ? {
            publisher: { name: null, hosts: [] },
            linkTo: 'article',
            placement: 'end',
            activeLink: true,
            label: null,
            source,
            quote: '',
          }
        : null,
    },
  });

  it('are remembered, newest first, and the article script is registered for them', async () => {
    const services = makeServices(fakeAction().api);
    const send = (state: ArticleState) =>
      handleBackgroundMessage({ type: 'article:state', state }, 3, services);
    await send(stateOn('https://www.vesti.example/news/1', 'notice'));
    await send(stateOn('https://open.example/a', 'license'));
    await send(stateOn('https://vesti.example/news/2', 'notice'));
    await send(stateOn('https://plain.example/a', null));
    await send(stateOn('https://caliber.az/en/post/story', 'built-in'));
    expect(services.ruledSitesList).toEqual(['vesti.example', 'open.example']);
    // Registered when a site is new, not when a known one is seen again.
    expect(services.registered).toEqual([['vesti.example'], ['open.example', 'vesti.example']]);
    expect(sitePatterns(['vesti.example'])).toEqual([
      '*://vesti.example/*',
      '*://www.vesti.example/*',
    ]);
  });

  it('never cost the tab its badge when remembering fails', async () => {
    const { api, calls } = fakeAction();
    const services = makeServices(api);
    services.ruledSites = createRuledSites(
      {
        getValue: async () => [],
        setValue: async () => {
          throw new Error('QUOTA_BYTES quota exceeded');
        },
      },
      async () => undefined,
    );
    const state = stateOn('https://vesti.example/news/1', 'notice');
    await handleBackgroundMessage({ type: 'article:state', state }, 5, services);
    expect(calls.icon[5]).toBeDefined();
  });
});

describe('deleting from the history', () => {
  it('forgets one copy or one paste, and nothing else', async () => {
    const services = makeServices(fakeAction().api);
    await services.records.add({ ...COPY, id: 'keep' });
    await services.records.add({ ...COPY, id: 'gone', text: 'Another copied text entirely.' });
    await handleBackgroundMessage(
      { type: 'history:delete', kind: 'copy', id: 'gone' },
      undefined,
      services,
    );
    expect((await services.records.recent(10)).map((record) => record.id)).toEqual(['keep']);
    await handleBackgroundMessage(
      { type: 'history:delete', kind: 'paste', id: 'keep' },
      undefined,
      services,
    );
    expect((await services.records.recent(10)).map((record) => record.id)).toEqual(['keep']);
  });
});

describe('the paste notice', () => {
  it('marks a paste undone, and nothing else', async () => {
    const services = makeServices(fakeAction().api);
    const paste = {
      articleUrl: COPY.articleUrl,
      title: null,
      destinationOrigin: 'https://blog.example',
      destinationTitle: 'Draft',
      pastedAt: 5,
      added: true,
    };
    await handleBackgroundMessage(
      { type: 'paste:record', record: { ...paste, id: 'first' } },
      1,
      services,
    );
    await handleBackgroundMessage(
      { type: 'paste:record', record: { ...paste, id: 'second' } },
      1,
      services,
    );
    await handleBackgroundMessage({ type: 'paste:undone', id: 'first' }, 1, services);
    expect(services.pasteLog.map(({ id, undone }) => ({ id, undone }))).toEqual([
      { id: 'second', undone: undefined },
      { id: 'first', undone: true },
    ]);
  });

  it('turns Linkback off on the page’s site, replacing a rule the user had written', async () => {
    const services = makeServices(fakeAction().api);
    services.siteChoices = {
      'blog.example': { kind: 'rule', linkTo: 'site', placement: 'end', label: null },
      'caliber.az': { kind: 'rule', linkTo: 'article', placement: 'start', label: 'Via' },
    };
    await handleBackgroundMessage({ type: 'site:quiet', host: 'www.blog.example' }, 1, services);
    expect(services.siteChoices).toEqual({
      'blog.example': { kind: 'off' },
      'caliber.az': { kind: 'rule', linkTo: 'article', placement: 'start', label: 'Via' },
    });
  });

  it('lets a frame without an address of its own quiet its tab’s site only', () => {
    const quiet = { type: 'site:quiet', host: 'blog.example' } as const;
    const extension = 'chrome-extension://abcdefghijklmnop/';
    expect(isAllowedSender(quiet, 'about:blank', extension, 'https://blog.example/edit')).toBe(
      true,
    );
    expect(isAllowedSender(quiet, 'about:blank', extension, 'https://other.example/')).toBe(false);
    expect(
      isAllowedSender(quiet, 'https://ads.example/frame', extension, 'https://other.example/'),
    ).toBe(false);
  });
});

describe('the article script on demand', () => {
  it('is injected into the very frame that asked, in the tab that asked', async () => {
    const services = makeServices(fakeAction().api);
    await handleBackgroundMessage({ type: 'article-script:load' }, 4, services, 9);
    await handleBackgroundMessage({ type: 'article-script:load' }, undefined, services, 2);
    expect(services.injected).toEqual([[4, 9]]);
  });
});

describe('the sender policy', () => {
  it('takes article data only from web pages, where any site may state a rule', () => {
    const copy = { type: 'copy:record', record: COPY } as const;
    const extension = 'chrome-extension://abcdefghijklmnop/';
    expect(isAllowedSender(copy, 'https://caliber.az/en/post/story', extension)).toBe(true);
    expect(isAllowedSender(copy, 'https://vesti.example/news/1', extension)).toBe(true);
    expect(isAllowedSender(copy, `${extension}popup.html`, extension)).toBe(false);
    expect(isAllowedSender(copy, 'file:///home/user/page.html', extension)).toBe(false);
    expect(isAllowedSender(copy, undefined, extension)).toBe(false);
    const check: BackgroundMessage = {
      type: 'page:check',
      url: 'x',
      title: '',
      text: '',
      links: [],
    };
    expect(isAllowedSender(check, 'https://evil.example/', extension)).toBe(true);
  });
});

describe('who may send each message', () => {
  const extension = 'chrome-extension://abcdefghijklmnop/';
  const senders = {
    publisher: 'https://caliber.az/en/post/story',
    lookalike: 'https://caliber.az.evil.example/en/post/story',
    other: 'https://blog.example/post',
    popup: `${extension}popup.html`,
    otherExtension: 'chrome-extension://zzzzzzzzzzzzzzzz/popup.html',
    none: undefined,
  };
  const messages: Record<BackgroundMessage['type'], BackgroundMessage> = {
    'article:state': {
      type: 'article:state',
      state: { isArticle: false, url: 'x', metadata: null, publisher: null, rule: null },
    },
    'article:read': {
      type: 'article:read',
      article: {} as Extract<BackgroundMessage, { type: 'article:read' }>['article'],
      bodyText: '',
    },
    'copy:record': { type: 'copy:record', record: COPY },
    'paste:record': {
      type: 'paste:record',
      record: {
        articleUrl: COPY.articleUrl,
        title: null,
        destinationOrigin: 'https://blog.example',
        destinationTitle: '',
        pastedAt: 1,
        added: true,
      },
    },
    'page:check': { type: 'page:check', url: 'x', title: '', text: '', links: [] },
    'page:navigated': { type: 'page:navigated' },
    'article-script:load': { type: 'article-script:load' },
    'history:clear': { type: 'history:clear' },
    'history:delete': { type: 'history:delete', kind: 'copy', id: 'x' },
    'paste:undone': { type: 'paste:undone', id: 'x' },
    'site:quiet': { type: 'site:quiet', host: 'blog.example' },
  };
  const web: Array<keyof typeof senders> = ['publisher', 'lookalike', 'other'];
  const allowed: Record<BackgroundMessage['type'], Array<keyof typeof senders>> = {
    'article:state': web,
    'article:read': web,
    'copy:record': web,
    'article-script:load': web,
    'paste:record': ['publisher', 'lookalike', 'other', 'popup', 'otherExtension'],
    'page:check': ['publisher', 'lookalike', 'other', 'popup', 'otherExtension'],
    'page:navigated': ['publisher', 'lookalike', 'other', 'popup', 'otherExtension'],
    'history:clear': ['popup'],
    'history:delete': ['popup'],
    'paste:undone': ['publisher', 'lookalike', 'other', 'popup', 'otherExtension'],
    // A page turns Linkback off for its own site only.
    'site:quiet': ['other'],
  };
  for (const [type, message] of Object.entries(messages)) {
    it(`${type}: only from ${allowed[type as BackgroundMessage['type']].join(', ')}`, () => {
      for (const [name, url] of Object.entries(senders)) {
        const expected = allowed[type as BackgroundMessage['type']].includes(
          name as keyof typeof senders,
        );
        expect(isAllowedSender(message, url, extension), `${type} from ${name}`).toBe(expected);
      }
    });
  }
});

describe('storage', () => {
  it('starts empty with default settings and stores records under a versioned key', async () => {
    expect(await copyRecordsItem.getValue()).toEqual([]);
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({
      attributeOnCopy: true,
      attributeOnPaste: true,
      minWords: 6,
      labelLanguage: 'article',
      placement: 'rule',
      deepLink: false,
      pasteNotice: true,
      template: { plain: null, html: null },
      historyMaxEntries: 1_000,
      historyMaxDays: null,
    });
    const store = createCopyRecordStore(copyRecordsItem);
    await store.add(COPY);
    const raw = await fakeBrowser.storage.local.get(['copyRecords', 'copyRecords$']);
    expect(raw.copyRecords).toHaveLength(1);
    expect(raw['copyRecords$']).toEqual({ v: 1 });
  });

  it('keeps reuse findings under a versioned key, read back checked', async () => {
    const finding: ReuseFinding = {
      id: 'f1',
      pageUrl: 'https://blog.example/post',
      pageTitle: 'A blog',
      articleUrl: COPY.articleUrl,
      articleTitle: COPY.title,
      linkStatus: 'site',
      compliant: true,
      reusedShare: 0.4,
      foundAt: 5,
    };
    await createReuseFindingStore(reuseFindingsItem).addReport(
      {
        url: 'https://blog.example/post',
        checkedAt: 5,
        articles: [],
      },
      'Nothing found',
    );
    expect(await fakeBrowser.storage.local.get('reuseFindings')).toEqual({});
    await fakeBrowser.storage.local.set({
      reuseFindings: [
        finding,
        { ...finding, id: 'f2', pageUrl: 'javascript:alert(1)' },
        { ...finding, id: 'f3', linkStatus: 'maybe' },
        { ...finding, id: 'f4', reusedShare: 7 },
        { ...finding, id: 'f5', pageTitle: 42, articleTitle: ['x'], compliant: 'yes' },
      ],
    });
    expect(await reuseFindingsItem.getValue()).toEqual([
      finding,
      { ...finding, id: 'f5', pageTitle: '', articleTitle: null, compliant: false },
    ]);
  });

  it('tells the background when the settings change, checked', async () => {
    const seen: Array<[number, number]> = [];
    const unwatch = settingsItem.watch((settings, previous) =>
      seen.push([previous.historyMaxEntries, settings.historyMaxEntries]),
    );
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, historyMaxEntries: 100 });
    await fakeBrowser.storage.local.set({ settings: { historyMaxEntries: 'all of them' } });
    await vi.waitFor(() =>
      expect(seen).toEqual([
        [1_000, 100],
        [100, 1_000],
      ]),
    );
    unwatch();
  });

  it('fills settings added later with their defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { attributeOnCopy: false } });
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, attributeOnCopy: false });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, attributeOnPaste: false, minWords: 3 });
    expect((await settingsItem.getValue()).minWords).toBe(3);
    vi.restoreAllMocks();
  });

  it('hands out settings and records of the right shape whatever is stored', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        attributeOnCopy: 'yes',
        attributeOnPaste: false,
        minWords: -4,
        placement: 'middle',
        deepLink: true,
      },
      copyRecords: [
        { ...COPY, id: 'a' },
        'a string',
        { ...COPY, id: 'b', copiedAt: 'yesterday' },
        { ...COPY, id: 'c', articleUrl: 'javascript:alert(1)' },
        { ...COPY, id: 'd', title: 42, text: 'kept' },
      ],
    });
    expect(await settingsItem.getValue()).toEqual({
      ...DEFAULT_SETTINGS,
      attributeOnPaste: false,
      deepLink: true,
    });
    const records = await copyRecordsItem.getValue();
    expect(records.map((record) => record.id)).toEqual(['a', 'd']);
    expect(records[1]).toMatchObject({ title: null, text: 'kept' });
    await fakeBrowser.storage.local.set({ copyRecords: 'not a list' });
    expect(await copyRecordsItem.getValue()).toEqual([]);
  });
});

describe('toolbar titles', () => {
  /** What browser.i18n.getMessage gives with the Russian messages.json. */
  const russian = JSON.parse(
    readFileSync(join(process.cwd(), 'public/_locales/ru/messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
  const getMessage = (key: string, substitutions: string[] = []) =>
    (russian[key]?.message ?? '')
      .replace(/\$(PUBLISHER|COUNT)\$/g, substitutions[0] ?? '')
      .replace(/\$TITLE\$/g, substitutions[1] ?? '');

  it('are in the interface language', () => {
    const titles = localisedTitles(getMessage);
    expect(titles.article('Caliber.az', 'Заголовок')).toBe(
      'Linkback: распознана статья Caliber.az — Заголовок',
    );
    expect(titles.reuse('!', 2)).toBe(
      'Linkback: на странице использованы статьи (2) без обязательной ссылки',
    );
  });

  it('fall back to English when a message is missing', () => {
    expect(localisedTitles(() => '').reuse('✓', 1)).toBe(
      'Linkback: this page reuses 1 article(s) and links back',
    );
  });
});
