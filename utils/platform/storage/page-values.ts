/**
 * Storage as content scripts see it: plain reads and change events by key, through the
 * item definitions in stored-items.ts. Content scripts must not import ./items: WXT reads
 * every item defined with a version as soon as it is defined, and the copy history is
 * megabytes that no page needs. Nor do they take WXT's storage module for two calls: the
 * script on every page stays small (its budget is 20 kB gzipped), and this is the browser's
 * own storage.local, read and watched directly.
 */
import { browser } from 'wxt/browser';
import type { CheckedStoredItem, StoredItem } from './stored-items';

/** "local:settings" → "settings": the key storage.local holds a WXT item under. */
function localKey(key: StoredItem<unknown>['key']): string {
  if (!key.startsWith('local:')) throw new Error(`Pages read storage.local items only: ${key}`);
  return key.slice('local:'.length);
}

export interface WatchedValue<T> {
  /** The value until the first read lands. */
  fallback: T;
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/** Several items read in one call, started before the code that uses them has arrived. */
export interface StoredValues {
  /** The storage.local keys read. */
  keys: readonly string[];
  values: Promise<Record<string, unknown>>;
}

/** By keys, not items: see PASTE_STATE_KEYS in stored-items.ts. */
export function readStoredValues(keys: readonly StoredItem<unknown>['key'][]): StoredValues {
  const local = keys.map(localKey);
  return { keys: local, values: browser.storage.local.get(local) };
}

/**
 * One stored item, read plainly: its check (when it has one) or its fallback apply as in
 * items.ts. `prefetched` answers its first read (see readStoredValues) when it read the item.
 */
export function watchedValue<T>(
  item: StoredItem<T> & Partial<Pick<CheckedStoredItem<T>, 'check'>>,
  prefetched?: StoredValues,
) {
  const read = (stored: T | null): T =>
    item.check ? item.check(stored).value : (stored ?? item.fallback);
  const key = localKey(item.key);
  let first = prefetched?.keys.includes(key) ? prefetched.values : undefined;
  const value: WatchedValue<T> = {
    fallback: item.fallback,
    getValue: async () => {
      const values = first ?? browser.storage.local.get(key);
      first = undefined;
      return read(((await values)[key] as T) ?? null);
    },
    watch: (callback) => {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        const change = changes[key];
        if (area === 'local' && change) callback(read((change.newValue as T) ?? null));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
  return value;
}

/**
 * The item's value as it is now, for handlers that cannot await (a copy or paste handler):
 * the fallback until the first read lands, then every change.
 */
export function followValue<T>(
  value: WatchedValue<T>,
  hooks: { onCleanup(callback: () => void): void; onError(error: unknown): void },
): () => T {
  let current = value.fallback;
  value.getValue().then((next) => (current = next), hooks.onError);
  hooks.onCleanup(value.watch((next) => (current = next)));
  return () => current;
}
