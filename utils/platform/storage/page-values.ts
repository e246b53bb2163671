/**
 * Storage as content scripts see it: plain reads and change events by key, through the
 * item definitions in stored-items.ts. Content scripts must not import ./items: WXT reads
 * every item defined with a version as soon as it is defined, and the copy history is
 * megabytes that no page needs.
 */
import { storage } from 'wxt/utils/storage';
import type { CheckedStoredItem, StoredItem } from './stored-items';

export interface WatchedValue<T> {
  /** The value until the first read lands. */
  fallback: T;
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/** One stored item, read plainly: its check (when it has one) or its fallback apply as in items.ts. */
export function watchedValue<T>(
  item: StoredItem<T> & Partial<Pick<CheckedStoredItem<T>, 'check'>>,
) {
  const read = (stored: T | null): T =>
    item.check ? item.check(stored).value : (stored ?? item.fallback);
  const value: WatchedValue<T> = {
    fallback: item.fallback,
    getValue: async () => read(await storage.getItem<T>(item.key)),
    watch: (callback) => storage.watch<T>(item.key, (stored) => callback(read(stored))),
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
