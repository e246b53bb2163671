/**
 * Every item Linkback keeps in extension storage, defined once: its key, its fallback, its
 * version and migrations, and the check its reads go through. Plain data, so that any
 * context can import it: the background and the extension pages make versioned WXT items
 * of them (items.ts), content scripts read them plainly (page-values.ts).
 */
import type { StorageItemKey } from 'wxt/utils/storage';
import { EMPTY_PASTE_INDEX, type StoredPasteIndex } from '../../core/paste-index/snapshot';
import type { CopyRecord, PasteRecord, ReuseFinding } from '../../core/records/records';
import { checkSettings, DEFAULT_SETTINGS, type Settings } from '../../core/records/settings';
import { HEALTHY, type StorageHealth } from '../../core/records/storage-health';
import {
  checkCopyRecords,
  checkHostList,
  checkPasteRecords,
  checkReuseFindings,
} from '../../core/records/stored-shapes';
import { NO_ARTICLES_READ, type ArticleIndexSummary } from '../../core/republication/article-index';
import { checkSiteChoices, type SiteChoices } from '../../core/rules/site-choice';

/**
 * The keys of what paste-time attribution reads (the settings, the site choices, the paste
 * index), apart from their items: the script on every page starts this read before the page
 * runtime arrives, and a bundler keeps a whole item (its check, and all the check imports)
 * wherever one of its properties is read.
 */
const SETTINGS_KEY = 'local:settings';
const SITE_CHOICES_KEY = 'local:siteChoices';
const PASTE_INDEX_KEY = 'local:pasteIndex';
export const PASTE_STATE_KEYS = [SETTINGS_KEY, SITE_CHOICES_KEY, PASTE_INDEX_KEY] as const;

export interface StoredItem<T> {
  key: StorageItemKey;
  fallback: T;
  /**
   * Versioned items carry `migrations` from the first release, so that the stored version
   * marker is written; later versions add their upgrade steps there.
   */
  version?: number;
  migrations?: Record<number, (stored: unknown) => unknown>;
}

/** An item whose reads are checked: whatever is under the key, a value of the item's type. */
export interface CheckedStoredItem<T> extends StoredItem<T> {
  /** Keeps what can be read, and counts what was dropped (stored-shapes.ts, settings.ts). */
  check(stored: unknown): { value: T; dropped: number };
}

/**
 * Every copy of article text Linkback attributed (or saw): the paste index is rebuilt from
 * them, the popup lists them.
 */
export const COPY_RECORDS: CheckedStoredItem<CopyRecord[]> = {
  key: 'local:copyRecords',
  fallback: [],
  version: 1,
  migrations: {},
  check: checkCopyRecords,
};

/**
 * The popup's digest of the copy log: its newest copies, their texts cut to what the popup
 * quotes (core/records/recent-copies.ts), written by the background with each write of the
 * log. Null (absent) until then, or when it could not be written: the popup reads the log.
 */
export const RECENT_COPIES: CheckedStoredItem<CopyRecord[] | null> = {
  key: 'local:recentCopies',
  fallback: null,
  version: 1,
  migrations: {},
  // Anything but a list is no digest: the log is read instead.
  check: (stored) =>
    Array.isArray(stored)
      ? checkCopyRecords(stored)
      : { value: null, dropped: stored == null ? 0 : 1 },
};

export const PASTE_RECORDS: CheckedStoredItem<PasteRecord[]> = {
  key: 'local:pasteRecords',
  fallback: [],
  version: 1,
  migrations: {},
  check: checkPasteRecords,
};

/** Pages found reusing an article the user read, newest first: the history's "Reuse found". */
export const REUSE_FINDINGS: CheckedStoredItem<ReuseFinding[]> = {
  key: 'local:reuseFindings',
  fallback: [],
  version: 1,
  migrations: {},
  check: checkReuseFindings,
};

export const SETTINGS: CheckedStoredItem<Settings> = {
  key: SETTINGS_KEY,
  fallback: DEFAULT_SETTINGS,
  version: 1,
  migrations: {},
  check: checkSettings,
};

/**
 * The user's word on each site (Linkback off there, or the user's own rule), set in the popup
 * and read by the article script at copy time: a change applies in open tabs at once.
 */
export const SITE_CHOICES: CheckedStoredItem<SiteChoices> = {
  key: SITE_CHOICES_KEY,
  fallback: {},
  version: 1,
  migrations: {},
  check: checkSiteChoices,
};

/**
 * Sites seen stating a reuse rule (or given one by the user), newest first: the article
 * script is registered for them (utils/background/ruled-sites.ts).
 */
export const RULED_SITES: CheckedStoredItem<string[]> = {
  key: 'local:ruledSites',
  fallback: [],
  version: 1,
  migrations: {},
  check: checkHostList,
};

/**
 * Fingerprints of every copy, by article, for paste-time matching on any page. Kept
 * apart from the records so that pages load only hashes, never the copied texts.
 */
export const PASTE_INDEX: StoredItem<StoredPasteIndex> = {
  key: PASTE_INDEX_KEY,
  fallback: EMPTY_PASTE_INDEX,
  version: 1,
  migrations: {},
};

/** How many articles the republication index holds, and the publishers' hosts: pages read it to skip the check. */
export const ARTICLE_SUMMARY: StoredItem<ArticleIndexSummary> = {
  key: 'local:articleSummary',
  fallback: NO_ARTICLES_READ,
  version: 1,
  migrations: {},
};

/**
 * Session storage: it has its own quota, so it can still be written when storage.local is
 * full, and it starts empty with the browser. Not versioned: nothing of it outlives a session.
 */
export const STORAGE_HEALTH: StoredItem<StorageHealth> = {
  key: 'session:storageHealth',
  fallback: HEALTHY,
};
