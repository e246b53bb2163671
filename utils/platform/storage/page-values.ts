import { storage } from 'wxt/utils/storage';
import { withDefaultSettings, type Settings } from '../../core/records/settings';

/**
 * Storage as content scripts see it: plain reads and change events by key. Content
 * scripts must not import ./storage: WXT reads every item defined with a version as soon
 * as it is defined, and the copy history is megabytes that no page needs.
 */
export interface WatchedValue<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/** Storage keys, shared with ./storage, which defines the versioned items behind them. */
export const STORAGE_KEYS = {
  settings: 'local:settings',
  pasteIndex: 'local:pasteIndex',
  articleSummary: 'local:articleSummary',
} as const;

export function watchedValue<T>(
  key: (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS],
  fallback: T,
): WatchedValue<T> {
  return {
    getValue: async () => (await storage.getItem<T>(key)) ?? fallback,
    watch: (callback) => storage.watch<T>(key, (value) => callback(value ?? fallback)),
  };
}

export const watchedSettings: WatchedValue<Settings> = {
  getValue: async () =>
    withDefaultSettings(await storage.getItem<Partial<Settings>>(STORAGE_KEYS.settings)),
  watch: (callback) =>
    storage.watch<Partial<Settings>>(STORAGE_KEYS.settings, (value) =>
      callback(withDefaultSettings(value)),
    ),
};
