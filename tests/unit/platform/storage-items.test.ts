import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../../utils/core/records/settings';

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

/** storage.local.get's calls, from the moment this is called. */
function countReads() {
  return vi.spyOn(fakeBrowser.storage.local, 'get');
}

// The first test imports (and so transforms) the module: slow on a busy machine.
describe('the stored items', { timeout: 20_000 }, () => {
  it('read nothing until used, then only what is asked, once', async () => {
    await fakeBrowser.storage.local.set({
      copyRecords: [],
      pasteIndex: { version: 1, sources: [], shingles: '', exact: '' },
      settings: { minWords: 3 },
    });
    const reads = countReads();
    const items = await import('../../../utils/platform/storage/items');
    // Defining a WXT item reads its whole value: none is defined by importing the module.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reads).not.toHaveBeenCalled();

    expect(await items.settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, minWords: 3 });
    expect(reads.mock.calls).toEqual([[['settings', 'settings$']]]);
  });

  it('hands out the fallback for a key never written, and the popup’s digest as absent', async () => {
    const items = await import('../../../utils/platform/storage/items');
    expect(await items.copyRecordsItem.getValue()).toEqual([]);
    expect(await items.recentCopiesItem.getValue()).toBeNull();
    await fakeBrowser.storage.local.set({ recentCopies: 'damaged' });
    expect(await items.recentCopiesItem.getValue()).toBeNull();
  });

  it('writes through WXT, with the version marker', async () => {
    const items = await import('../../../utils/platform/storage/items');
    await items.settingsItem.setValue({ ...DEFAULT_SETTINGS, minWords: 4 });
    expect(await fakeBrowser.storage.local.get(['settings', 'settings$'])).toEqual({
      settings: { ...DEFAULT_SETTINGS, minWords: 4 },
      settings$: { v: 1 },
    });
    expect((await items.settingsItem.getValue()).minWords).toBe(4);
  });

  it('migrates a value an older version stored before it is read', async () => {
    const { checkedItem } = await import('../../../utils/platform/storage/items');
    const sample = checkedItem<{ words: number }>({
      key: 'local:sample',
      fallback: { words: 0 },
      version: 2,
      migrations: { 2: (old) => ({ words: (old as { count: number }).count }) },
      check: (stored) => ({ value: stored as { words: number }, dropped: 0 }),
    });
    await fakeBrowser.storage.local.set({ sample: { count: 7 }, sample$: { v: 1 } });
    expect(await sample.getValue()).toEqual({ words: 7 });
    expect(await fakeBrowser.storage.local.get(['sample', 'sample$'])).toEqual({
      sample: { words: 7 },
      sample$: { v: 2 },
    });
    // Stored at the item's version: read as it is, in one read.
    const reads = countReads();
    expect(await sample.getValue()).toEqual({ words: 7 });
    expect(reads).toHaveBeenCalledTimes(1);
  });
});

describe('what a page reads before its runtime comes', () => {
  it('answers the items paste-time attribution reads, in one read, and reads any other itself', async () => {
    const { readStoredValues, watchedValue } =
      await import('../../../utils/platform/storage/page-values');
    const stored = await import('../../../utils/platform/storage/stored-items');
    await fakeBrowser.storage.local.set({
      settings: { minWords: 3 },
      siteChoices: { 'example.com': { kind: 'off' } },
      articleSummary: { articles: 2, publisherHosts: ['caliber.az'] },
    });
    const reads = countReads();
    const prefetched = readStoredValues(stored.PASTE_STATE_KEYS);
    const settings = watchedValue(stored.SETTINGS, prefetched);
    const siteChoices = watchedValue(stored.SITE_CHOICES, prefetched);
    const pasteIndex = watchedValue(stored.PASTE_INDEX, prefetched);
    expect((await settings.getValue()).minWords).toBe(3);
    expect(await siteChoices.getValue()).toEqual({ 'example.com': { kind: 'off' } });
    expect(await pasteIndex.getValue()).toEqual(stored.PASTE_INDEX.fallback);
    expect(reads.mock.calls).toEqual([[['settings', 'siteChoices', 'pasteIndex']]]);

    // An item the early read did not ask for is not taken as absent from it.
    const summary = watchedValue(stored.ARTICLE_SUMMARY, prefetched);
    expect(await summary.getValue()).toEqual({ articles: 2, publisherHosts: ['caliber.az'] });
    expect(reads).toHaveBeenLastCalledWith('articleSummary');
  });
});
