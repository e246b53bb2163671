import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { ArticleIndexSummary } from '../../background/article-store';
import { STORAGE_KEYS } from './page-values';
import { EMPTY_PASTE_INDEX, type PasteIndexSnapshot } from '../../core/paste-index/build';
import { checkSettings, DEFAULT_SETTINGS, type Settings } from '../../core/records/settings';
import { checkCopyRecords, checkPasteRecords } from '../../core/records/stored-shapes';

export { DEFAULT_SETTINGS, type Settings } from '../../core/records/settings';

/**
 * Every copy of article text that Linkback attributed (or saw). Later features build on
 * these: paste-time repair matches pasted text against `text`, the history lists them.
 */
export interface CopyRecord {
  id: string;
  /** The article's canonical URL: what the attribution links to. */
  articleUrl: string;
  title: string | null;
  publisherId: string | null;
  siteName: string | null;
  language: string | null;
  /** Epoch milliseconds. */
  copiedAt: number;
  /** The copied plain text, at most MAX_RECORD_TEXT characters. */
  text: string;
  /** Length of the whole copied text, before bounding. */
  textLength: number;
  /** Whether Linkback put the attribution on the clipboard (false: it was already there). */
  attributed: boolean;
}

/** Bounds that keep storage well under the 10 MB storage.local quota without unlimitedStorage. */
export const MAX_RECORD_TEXT = 4_000;
export const MAX_COPY_RECORDS = 1_000;

/**
 * A stored item whose reads are checked (stored-shapes.ts): whatever is under its key, it
 * hands out a value of its type. `getRaw` is what is really stored, for the repair at
 * start-up (utils/background/stored-state-repair.ts).
 */
export interface CheckedItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  getRaw(): Promise<unknown>;
}

function checkedItem<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
  check: (value: unknown) => { value: T },
): CheckedItem<T> {
  return {
    getValue: async () => check(await item.getValue()).value,
    setValue: (value) => item.setValue(value),
    getRaw: () => item.getValue(),
  };
}

export const copyRecordsItem = checkedItem(
  storage.defineItem<CopyRecord[]>('local:copyRecords', {
    fallback: [],
    version: 1,
    // Present from the first release so the stored version marker is written; later
    // versions add their upgrade steps here.
    migrations: {},
  }),
  checkCopyRecords,
);

export const settingsItem = checkedItem(
  storage.defineItem<Settings>(STORAGE_KEYS.settings, {
    fallback: DEFAULT_SETTINGS,
    version: 1,
    migrations: {},
  }),
  checkSettings,
);

/**
 * Fingerprints of every copy, by article, for paste-time matching on any page. Kept
 * apart from the records so that pages load only hashes, never the copied texts.
 */
export const pasteIndexItem = storage.defineItem<PasteIndexSnapshot>(STORAGE_KEYS.pasteIndex, {
  fallback: EMPTY_PASTE_INDEX,
  version: 1,
  migrations: {},
});

/** A paste of article text somewhere else: the history's "where it went". */
export interface PasteRecord {
  id: string;
  articleUrl: string;
  title: string | null;
  /** Origin and title of the page pasted into. */
  destinationOrigin: string;
  destinationTitle: string;
  pastedAt: number;
  /** True when Linkback added the link; false when the paste already had one. */
  added: boolean;
}

export const MAX_PASTE_RECORDS = 1_000;

export const pasteRecordsItem = checkedItem(
  storage.defineItem<PasteRecord[]>('local:pasteRecords', {
    fallback: [],
    version: 1,
    migrations: {},
  }),
  checkPasteRecords,
);

/**
 * What went wrong with storage in this browser session, for the popup to say: entries that
 * could not be read and were dropped, a paste index rebuilt, records that could not be
 * saved because storage was full. Session storage: it has its own quota, so it can still be
 * written when storage.local is full, and it starts empty with the browser.
 */
export interface StorageHealth {
  /** Stored entries (records, settings fields) that could not be read and were dropped. */
  droppedEntries: number;
  /** The paste index was unreadable and was rebuilt from the copy records. */
  pasteIndexRebuilt: boolean;
  /** Copies and pastes that could not be recorded: storage was full or failing. */
  unsavedRecords: number;
  /** The last storage error, as the browser worded it. */
  lastError: string | null;
  /** The start-up check ran in this session (it runs once per browser session). */
  checked: boolean;
}

export const HEALTHY: StorageHealth = {
  droppedEntries: 0,
  pasteIndexRebuilt: false,
  unsavedRecords: 0,
  lastError: null,
  checked: false,
};

export const storageHealthItem = storage.defineItem<StorageHealth>('session:storageHealth', {
  fallback: HEALTHY,
});

/** How many articles the republication index holds, and the publishers' hosts: pages read it to skip the check. */
export const articleSummaryItem = storage.defineItem<ArticleIndexSummary>(
  STORAGE_KEYS.articleSummary,
  {
    fallback: { articles: 0, publisherHosts: [] },
    version: 1,
    migrations: {},
  },
);
