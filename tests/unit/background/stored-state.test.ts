import { DEFAULT_SETTINGS } from '../../../utils/core/records/settings';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBoundedLog } from '../../../utils/background/bounded-log';
import { createPasteIndexStore } from '../../../utils/background/paste-index-store';
import { createStorageHealth } from '../../../utils/background/storage-health';
import { repairStoredState } from '../../../utils/background/stored-state-repair';
import { createPasteIndex } from '../../../utils/core/paste-index/match';
import {
  EMPTY_PASTE_INDEX,
  type PasteIndexSnapshot,
} from '../../../utils/core/paste-index/snapshot';
import { checkSettings } from '../../../utils/core/records/settings';
import { HEALTHY, type StorageHealth } from '../../../utils/core/records/storage-health';
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
    const rebuilt = item.value as PasteIndexSnapshot;
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
    const urls = (item.value as PasteIndexSnapshot).sources.map((source) => source.url);
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
    const index = createPasteIndex(item.value as PasteIndexSnapshot);
    expect(index.match(`${TEXT} (new)`)?.source.url).toBe('https://caliber.az/en/post/story-new');
    expect(item.writes).toBe(5 + 3);
  });
});

describe('the bounded log on full storage', () => {
  it('drops the oldest entries, half at a time, until the new one fits', async () => {
    const item = slot<number[]>(Array.from({ length: 16 }, (_, i) => 16 - i));
    item.failures = 3;
    const evicted: number[] = [];
    await createBoundedLog<number>(item, 100, undefined, undefined, (n) => evicted.push(n)).add(17);
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
    expect(checkPasteIndex(index.value)?.sources).toHaveLength(1);
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
