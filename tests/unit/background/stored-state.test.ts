import { DEFAULT_SETTINGS } from '../../../utils/core/records/settings';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBoundedLog } from '../../../utils/background/bounded-log';
import { createCopyRecordStore } from '../../../utils/background/copy-records';
import { createPasteIndexStore } from '../../../utils/background/paste-index-store';
import { withRecentCopies } from '../../../utils/background/recent-copies';
import { createStorageHealth } from '../../../utils/background/storage-health';
import { repairStoredState } from '../../../utils/background/stored-state-repair';
import { createPasteIndex } from '../../../utils/core/paste-index/match';
import {
  EMPTY_PASTE_INDEX,
  fromStoredPasteIndex,
  type PasteIndexSnapshot,
} from '../../../utils/core/paste-index/snapshot';
import { checkSettings } from '../../../utils/core/records/settings';
import { HEALTHY, type StorageHealth } from '../../../utils/core/records/storage-health';
import { recentCopies } from '../../../utils/core/records/recent-copies';
import type { CopyRecord } from '../../../utils/core/records/records';
import { checkCopyRecords, checkPasteIndex } from '../../../utils/core/records/stored-shapes';

const TEXT =
  'Special Envoy Steve Witkoff and Jared Kushner are scheduled to meet Russian President Vladimir Putin on December 2 in Moscow, officials said.';

function record(id: string, copiedAt: number): CopyRecord {
  return {
    id,
    articleUrl: `https://caliber.az/en/post/story-${id}`,
    title: `Story ${id}`,
    publisherId: 'caliber',
    siteName: 'Caliber.az',
    language: 'en',
    copiedAt,
    text: `${TEXT} (${id})`,
    textLength: TEXT.length,
    attributed: true,
  };
}

/** A storage slot that can be told to fail the next writes as a full storage.local does. */
function slot<T>(value: unknown) {
  return {
    value,
    failures: 0,
    writes: 0,
    async getValue() {
      return this.value as T;
    },
    async getRaw() {
      return this.value;
    },
    async setValue(next: T) {
      this.writes++;
      if (this.failures > 0) {
        this.failures--;
        throw new Error('Resource::kQuotaBytes quota exceeded');
      }
      this.value = next;
    },
  };
}

function healthSlot() {
  return slot<StorageHealth>({ ...HEALTHY });
}

describe('checkPasteIndex', () => {
  it('accepts an index as written and refuses damaged ones whole', () => {
    expect(checkPasteIndex(EMPTY_PASTE_INDEX)).toEqual(EMPTY_PASTE_INDEX);
    for (const damaged of [
      'a string',
      { ...EMPTY_PASTE_INDEX, version: 2 },
      { ...EMPTY_PASTE_INDEX, sources: 'none' },
      { ...EMPTY_PASTE_INDEX, sources: [{ url: 'javascript:alert(1)' }] },
      { ...EMPTY_PASTE_INDEX, shingles: 'not base64!' },
      { ...EMPTY_PASTE_INDEX, exact: 42 },
    ]) {
      expect(checkPasteIndex(damaged), JSON.stringify(damaged)).toBeNull();
    }
  });

  it('never lets a pair name a source the index does not have', () => {
    const pairs = new Uint32Array([1, 0, 2, 7]);
    const bytes = new Uint8Array(pairs.buffer);
    const shingles = btoa(String.fromCharCode(...bytes));
    expect(() => createPasteIndex({ ...EMPTY_PASTE_INDEX, shingles })).toThrow();
  });
});

describe('the paste index store on damaged or full storage', () => {
  it('rebuilds a damaged index from the copy records, oldest first', async () => {
    const records = [record('b', 2_000), record('a', 1_000)];
    const item = slot<PasteIndexSnapshot>({ version: 1, sources: 'garbage' });
    const store = createPasteIndexStore(item, async () => records);
    expect(await store.isDamaged()).toBe(true);
    await store.rebuild();
    const rebuilt = fromStoredPasteIndex(item.value) as PasteIndexSnapshot;
    expect(rebuilt.sources.map((source) => source.url)).toEqual([
      'https://caliber.az/en/post/story-a',
      'https://caliber.az/en/post/story-b',
    ]);
    expect(createPasteIndex(rebuilt).match(`${TEXT} (b)`)?.source.url).toBe(
      'https://caliber.az/en/post/story-b',
    );
    expect(await store.isDamaged()).toBe(false);
  });

  it('repairs itself on the next copy when damaged in between', async () => {
    const item = slot<PasteIndexSnapshot>('damaged');
    const store = createPasteIndexStore(item, async () => [record('a', 1_000)]);
    await store.addCopy(record('b', 2_000));
    const urls = (fromStoredPasteIndex(item.value) as PasteIndexSnapshot).sources.map(
      (source) => source.url,
    );
    expect(urls).toEqual([
      'https://caliber.az/en/post/story-a',
      'https://caliber.az/en/post/story-b',
    ]);
  });

  it('gives up its oldest entries while storage is full, keeping the new copy', async () => {
    const item = slot<PasteIndexSnapshot>(EMPTY_PASTE_INDEX);
    const store = createPasteIndexStore(item);
    for (let i = 0; i < 5; i++) await store.addCopy(record(`r${i}`, 1_000 + i));
    item.failures = 2;
    await store.addCopy(record('new', 9_000));
    const index = createPasteIndex(fromStoredPasteIndex(item.value) as PasteIndexSnapshot);
    expect(index.match(`${TEXT} (new)`)?.source.url).toBe('https://caliber.az/en/post/story-new');
    expect(item.writes).toBe(5 + 3);
  });
});

describe('the bounded log on full storage', () => {
  it('drops the oldest entries, half at a time, until the new one fits', async () => {
    const item = slot<number[]>(Array.from({ length: 16 }, (_, i) => 16 - i));
    item.failures = 3;
    const evicted: number[] = [];
    await createBoundedLog<number>(item, 100, { onEvicted: (n) => evicted.push(n) }).add(17);
    expect(item.value).toEqual([17, 16, 15]);
    expect(evicted).toEqual([14]);
  });

  it('fails only when even the new entry alone does not fit', async () => {
    const item = slot<number[]>([2, 1]);
    item.failures = 10;
    await expect(createBoundedLog<number>(item, 100).add(3)).rejects.toThrow(/quota/);
    expect(item.value).toEqual([2, 1]);
  });
});

describe('the bounded log and the user’s retention', () => {
  const DAY = 86_400_000;
  const NOW = 100 * DAY;
  /** Entries are their own times: day 99, 98, … 90, newest first. */
  const days = (count: number) => Array.from({ length: count }, (_, i) => NOW - (i + 1) * DAY);
  const keeping = (historyMaxEntries: number, historyMaxDays: number | null) => ({
    read: async () => ({ historyMaxEntries, historyMaxDays }),
    timeOf: (entry: number) => entry,
    now: () => NOW,
  });

  it('keeps at most the chosen count, and nothing older than the chosen days, at each write', async () => {
    const item = slot<number[]>(days(10));
    const evicted: number[] = [];
    const log = createBoundedLog<number>(item, 100, {
      retention: keeping(5, null),
      onEvicted: (n) => evicted.push(n),
    });
    await log.add(NOW);
    expect(item.value).toEqual([NOW, ...days(4)]);
    const older = createBoundedLog<number>(item, 100, { retention: keeping(100, 3) });
    await older.add(NOW + 1);
    expect(item.value).toEqual([NOW + 1, NOW, NOW - DAY, NOW - 2 * DAY, NOW - 3 * DAY]);
    // The user's choice, not a full storage: nothing is reported as evicted.
    expect(evicted).toEqual([]);
  });

  it('never keeps more than the log’s own cap, whatever is chosen', async () => {
    const item = slot<number[]>(days(10));
    await createBoundedLog<number>(item, 4, { retention: keeping(1_000, null) }).add(NOW);
    expect(item.value).toHaveLength(4);
  });

  it('prunes without adding, and writes nothing when all is within the retention', async () => {
    const item = slot<number[]>(days(10));
    const log = createBoundedLog<number>(item, 100, { retention: keeping(1_000, 5) });
    expect(await log.prune()).toBe(5);
    expect(item.value).toEqual(days(5));
    const writes = item.writes;
    expect(await log.prune()).toBe(0);
    expect(item.writes).toBe(writes);
  });

  it('keeps everything when the settings cannot be read', async () => {
    const item = slot<number[]>(days(10));
    const log = createBoundedLog<number>(item, 100, {
      retention: { read: () => Promise.reject(new Error('storage failing')), timeOf: (n) => n },
    });
    await log.add(NOW);
    expect(item.value).toHaveLength(11);
  });

  it('lets a new entry stand for the older ones it supersedes, first in the list', async () => {
    const item = slot<Array<{ key: string; at: number }>>([
      { key: 'a', at: 3 },
      { key: 'b', at: 2 },
      { key: 'a', at: 1 },
    ]);
    const log = createBoundedLog<{ key: string; at: number }>(item, 100, {
      supersedes: (older, next) => older.key === next.key,
    });
    await log.add({ key: 'b', at: 4 });
    expect(item.value).toEqual([
      { key: 'b', at: 4 },
      { key: 'a', at: 3 },
      { key: 'a', at: 1 },
    ]);
  });
});

describe('repairStoredState', () => {
  let health: ReturnType<typeof healthSlot>;
  beforeEach(() => {
    health = healthSlot();
  });

  it('drops unreadable entries, keeps the rest, rebuilds the index and says so, once', async () => {
    const records = slot<CopyRecord[]>([record('a', 1_000), { id: 'broken' }, 'x']);
    const settings = slot({ attributeOnCopy: 'yes', minWords: 3 });
    const index = slot<PasteIndexSnapshot>({ broken: true });
    const pasteIndex = createPasteIndexStore(index, () => records.getValue());
    const log = createStorageHealth(health);
    const items = [
      { ...records, check: checkCopyRecords },
      { ...settings, check: checkSettings },
    ] as Parameters<typeof repairStoredState>[0];
    // Methods of the slots read `this`: bind them to their slot.
    for (const [i, source] of [records, settings].entries()) {
      items[i]!.getRaw = source.getRaw.bind(source);
      items[i]!.setValue = source.setValue.bind(source) as (value: unknown) => Promise<void>;
    }
    await repairStoredState(items, pasteIndex, log);
    expect((records.value as CopyRecord[]).map((r) => r.id)).toEqual(['a']);
    expect(settings.value).toEqual({ ...DEFAULT_SETTINGS, minWords: 3 });
    expect(checkPasteIndex(fromStoredPasteIndex(index.value))?.sources).toHaveLength(1);
    expect(health.value).toMatchObject({
      droppedEntries: 3,
      pasteIndexRebuilt: true,
      checked: true,
    });

    // Once a session: damage that appears later is not looked for again at start-up.
    records.value = ['x'];
    await repairStoredState(items, pasteIndex, log);
    expect(records.value).toEqual(['x']);
  });

  it('applies the retention to the history logs once a session, whatever one of them does', async () => {
    const pruned: string[] = [];
    const logs = [
      { prune: async () => void pruned.push('copies') },
      { prune: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) },
      { prune: async () => void pruned.push('findings') },
    ];
    const log = createStorageHealth(health);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await repairStoredState([], createPasteIndexStore(slot(EMPTY_PASTE_INDEX)), log, logs);
    expect(pruned).toEqual(['copies', 'findings']);
    expect(warn).toHaveBeenCalledWith('[Linkback] retention not applied', expect.any(Error));
    expect(health.value).toMatchObject({ checked: true });
    await repairStoredState([], createPasteIndexStore(slot(EMPTY_PASTE_INDEX)), log, logs);
    expect(pruned).toHaveLength(2);
  });

  it('writes nothing when everything reads', async () => {
    const records = slot<CopyRecord[]>([record('a', 1_000)]);
    const items = [{ ...records, check: checkCopyRecords }] as Parameters<
      typeof repairStoredState
    >[0];
    items[0]!.getRaw = records.getRaw.bind(records);
    await repairStoredState(
      items,
      createPasteIndexStore(slot(EMPTY_PASTE_INDEX)),
      createStorageHealth(health),
    );
    expect(records.writes).toBe(0);
    expect(health.value).toMatchObject({
      droppedEntries: 0,
      pasteIndexRebuilt: false,
      checked: true,
    });
  });
});

describe('records sent twice', () => {
  it('count once when they carry the same id', async () => {
    const item = slot<CopyRecord[]>([]);
    const { createCopyRecordStore } = await import('../../../utils/background/copy-records');
    const store = createCopyRecordStore(item);
    const copy = record('a', 1_000);
    await store.add({ ...copy, id: 'page-made-id' });
    await store.add({ ...copy, id: 'page-made-id', copiedAt: 90_000 });
    expect((item.value as CopyRecord[]).map((r) => r.id)).toEqual(['page-made-id']);
  });
});

describe('the popup’s digest of the copy log', () => {
  /** The copy log and its digest, as two slots of storage. */
  function copyLogWithDigest(records: CopyRecord[] = [], digest: unknown = null) {
    const log = Object.assign(slot<CopyRecord[]>(records), { check: checkCopyRecords });
    const stored = slot<CopyRecord[] | null>(digest);
    return { log, stored, copyLog: withRecentCopies(log, stored) };
  }
  const copies = (count: number) =>
    Array.from({ length: count }, (_, i) => record(`r${count - i}`, 1_000 + count - i));

  it('is written with each write of the log: a copy, a deletion, clearing', async () => {
    const { log, stored, copyLog } = copyLogWithDigest();
    const store = createCopyRecordStore(copyLog);
    for (const copy of copies(12).reverse()) await store.add(copy);
    expect(stored.value).toEqual(recentCopies(log.value as CopyRecord[]));
    expect((stored.value as CopyRecord[]).map((r) => r.id)).toEqual(
      copies(12)
        .slice(0, 10)
        .map((r) => r.id),
    );
    await store.remove((copy) => copy.id === 'r12');
    expect((stored.value as CopyRecord[])[0]!.id).toBe('r11');
    await store.clear();
    expect(stored.value).toEqual([]);
  });

  it('is removed when it cannot be written, and the copy is kept all the same', async () => {
    const { log, stored, copyLog } = copyLogWithDigest(copies(3), recentCopies(copies(3)));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    stored.failures = 1;
    await createCopyRecordStore(copyLog).add(record('new', 9_000));
    expect((log.value as CopyRecord[])[0]!.id).toBe('new');
    expect(stored.value).toBeNull();
    expect(warn).toHaveBeenCalled();
  });

  it('is written again at start-up where it is missing or not the log’s, once a session', async () => {
    const { stored, copyLog } = copyLogWithDigest(copies(4));
    const health = healthSlot();
    const check = () =>
      repairStoredState(
        [copyLog] as Parameters<typeof repairStoredState>[0],
        createPasteIndexStore(slot(EMPTY_PASTE_INDEX)),
        createStorageHealth(health),
        [],
        [copyLog],
      );
    await check();
    expect(stored.value).toEqual(recentCopies(copies(4)));

    // Already the log's: not written again.
    const fresh = copyLogWithDigest(copies(4), recentCopies(copies(4)));
    const healthAgain = healthSlot();
    await repairStoredState(
      [fresh.copyLog] as Parameters<typeof repairStoredState>[0],
      createPasteIndexStore(slot(EMPTY_PASTE_INDEX)),
      createStorageHealth(healthAgain),
      [],
      [fresh.copyLog],
    );
    expect(fresh.stored.writes).toBe(0);

    // Once a session: a digest gone stale later waits for the log's next write.
    stored.value = [];
    await check();
    expect(stored.value).toEqual([]);
  });
});
