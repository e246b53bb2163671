/**
 * The stored items for the background and the extension pages: each read checked, written and
 * watched through WXT's versioned items. Content scripts must not import this module (they
 * read through page-values.ts).
 *
 * What a read costs: WXT reads an item's whole value as soon as the item is defined (once to
 * check its version, once more to initialise it) and again at each getValue, and the copy
 * history is megabytes. So an item is defined with WXT only when something writes or watches
 * it, and a read is one `storage.get` of the value and its version marker; only when the
 * marker says the stored value is of another version does the read go through WXT, which
 * migrates it first, as before. A page therefore reads only what it shows, once (the popup,
 * which lists ten copies, reads their digest: recentCopiesItem).
 */
import { browser } from 'wxt/browser';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import {
  ARTICLE_SUMMARY,
  COPY_RECORDS,
  PASTE_INDEX,
  PASTE_RECORDS,
  RECENT_COPIES,
  REUSE_FINDINGS,
  SETTINGS,
  RULED_SITES,
  SITE_CHOICES,
  STORAGE_HEALTH,
  type CheckedStoredItem,
  type StoredItem,
} from './stored-items';

/**
 * A stored item whose reads are checked (see StoredItem.check): whatever is under its key, it
 * hands out a value of its type. `getRaw` is what is really stored, for the repair at
 * start-up (utils/background/stored-state-repair.ts), which writes back `check`'s result.
 */
export interface CheckedItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  getRaw(): Promise<unknown>;
  check: CheckedStoredItem<T>['check'];
  /** Calls `callback` with the checked value after each change, from any context; returns the unwatch. */
  watch(callback: (value: T, previous: T) => void): () => void;
}

/** An item read as stored (no check), with the same one-read getValue. */
export type PlainItem<T> = Omit<CheckedItem<T>, 'check' | 'getRaw'>;

type Area = 'local' | 'session';

/** "local:copyRecords" → the area and the key that area holds it under. */
function place(key: StoredItem<unknown>['key']): { area: Area; key: string } {
  const [area, name] = key.split(/:(.*)/s) as [string, string];
  if (area !== 'local' && area !== 'session') throw new Error(`No such storage area: ${key}`);
  return { area, key: name };
}

/**
 * The value under the item's key, read once. Null when the version marker WXT keeps beside it
 * (`key$`, absent before the first write and for unversioned items: version 1) is not the
 * item's version: then WXT, which migrates, must read it.
 */
async function readCurrent<T>(definition: StoredItem<T>): Promise<{ value: unknown } | null> {
  const { area, key } = place(definition.key);
  const metaKey = `${key}$`;
  const stored = await browser.storage[area].get([key, metaKey]);
  const meta = stored[metaKey] as { v?: unknown } | undefined;
  if ((meta?.v ?? 1) !== (definition.version ?? 1)) return null;
  return { value: stored[key] ?? definition.fallback };
}

function storedItem<T>(definition: StoredItem<T>) {
  let defined: WxtStorageItem<T, Record<string, unknown>> | undefined;
  // Defined on first need: defining reads the whole value (see the header).
  const wxtItem = () =>
    (defined ??= storage.defineItem<T>(definition.key, {
      fallback: definition.fallback,
      version: definition.version,
      migrations: definition.migrations,
    }));
  return {
    async getRaw(): Promise<unknown> {
      const current = await readCurrent(definition);
      return current ? current.value : wxtItem().getValue();
    },
    setValue: (value: T) => wxtItem().setValue(value),
    watch: (callback: (value: T, previous: T) => void) => wxtItem().watch(callback),
  };
}

/** A stored item (stored-items.ts) with its reads checked; exported for its tests. */
export function checkedItem<T>(definition: CheckedStoredItem<T>): CheckedItem<T> {
  const item = storedItem(definition);
  const { check } = definition;
  return {
    getValue: async () => check(await item.getRaw()).value,
    setValue: item.setValue,
    getRaw: item.getRaw,
    check,
    watch: (callback) =>
      item.watch((value, previous) => callback(check(value).value, check(previous).value)),
  };
}

function plainItem<T>(definition: StoredItem<T>): PlainItem<T> {
  const item = storedItem(definition);
  return {
    getValue: async () => (await item.getRaw()) as T,
    setValue: item.setValue,
    watch: item.watch,
  };
}

export const copyRecordsItem = checkedItem(COPY_RECORDS);
export const recentCopiesItem = checkedItem(RECENT_COPIES);
export const pasteRecordsItem = checkedItem(PASTE_RECORDS);
export const reuseFindingsItem = checkedItem(REUSE_FINDINGS);
export const settingsItem = checkedItem(SETTINGS);
export const siteChoicesItem = checkedItem(SITE_CHOICES);
export const ruledSitesItem = checkedItem(RULED_SITES);
export const pasteIndexItem = plainItem(PASTE_INDEX);
export const articleSummaryItem = plainItem(ARTICLE_SUMMARY);
export const storageHealthItem = plainItem(STORAGE_HEALTH);
