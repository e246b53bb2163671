/**
 * The stored items as WXT items, for the background and the extension pages. Content
 * scripts must not import this module: WXT reads every item defined with a version as soon
 * as it is defined, and the copy history is megabytes that no page needs (they read through
 * page-values.ts).
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import {
  ARTICLE_SUMMARY,
  COPY_RECORDS,
  PASTE_INDEX,
  PASTE_RECORDS,
  REUSE_FINDINGS,
  SETTINGS,
  RULED_SITES,
  SITE_CHOICES,
  STORAGE_HEALTH,
  type CheckedStoredItem,
  type StoredItem,
} from './stored-items';

function defineStoredItem<T>(item: StoredItem<T>): WxtStorageItem<T, Record<string, unknown>> {
  return storage.defineItem<T>(item.key, {
    fallback: item.fallback,
    version: item.version,
    migrations: item.migrations,
  });
}

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

function checkedItem<T>(definition: CheckedStoredItem<T>): CheckedItem<T> {
  const item = defineStoredItem(definition);
  const { check } = definition;
  return {
    getValue: async () => check(await item.getValue()).value,
    setValue: (value) => item.setValue(value),
    getRaw: () => item.getValue(),
    check,
    watch: (callback) =>
      item.watch((value, previous) => callback(check(value).value, check(previous).value)),
  };
}

export const copyRecordsItem = checkedItem(COPY_RECORDS);
export const pasteRecordsItem = checkedItem(PASTE_RECORDS);
export const reuseFindingsItem = checkedItem(REUSE_FINDINGS);
export const settingsItem = checkedItem(SETTINGS);
export const siteChoicesItem = checkedItem(SITE_CHOICES);
export const ruledSitesItem = checkedItem(RULED_SITES);
export const pasteIndexItem = defineStoredItem(PASTE_INDEX);
export const articleSummaryItem = defineStoredItem(ARTICLE_SUMMARY);
export const storageHealthItem = defineStoredItem(STORAGE_HEALTH);
