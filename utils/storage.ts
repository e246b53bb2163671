import { storage } from 'wxt/utils/storage';
import type { ArticleIndexSummary } from './background/article-store';
import { STORAGE_KEYS } from './page-storage';
import { EMPTY_PASTE_INDEX, type PasteIndexSnapshot } from './paste/paste-index';
import { DEFAULT_SETTINGS, withDefaultSettings, type Settings } from './settings';

export { DEFAULT_SETTINGS, type Settings } from './settings';

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

export const copyRecordsItem = storage.defineItem<CopyRecord[]>('local:copyRecords', {
  fallback: [],
  version: 1,
  // Present from the first release so the stored version marker is written; later
  // versions add their upgrade steps here.
  migrations: {},
});

export const settingsItem = storage.defineItem<Settings>(STORAGE_KEYS.settings, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
  migrations: {},
});

/** Reads settings, filling keys added by later versions with their defaults. */
export async function readSettings(): Promise<Settings> {
  return withDefaultSettings(await settingsItem.getValue());
}

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

export const pasteRecordsItem = storage.defineItem<PasteRecord[]>('local:pasteRecords', {
  fallback: [],
  version: 1,
  migrations: {},
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
