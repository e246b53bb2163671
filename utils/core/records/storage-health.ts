/**
 * What went wrong with storage in this browser session, for the popup to say: entries that
 * could not be read and were dropped, a paste index rebuilt, records that could not be
 * saved because storage was full, older records removed to make room, articles read that
 * the republication index could not keep.
 */
export interface StorageHealth {
  /** Stored entries (records, settings fields) that could not be read and were dropped. */
  droppedEntries: number;
  /** The paste index was unreadable and was rebuilt from the copy records. */
  pasteIndexRebuilt: boolean;
  /** Copies and pastes that could not be recorded: storage was full or failing. */
  unsavedRecords: number;
  /** Older copies and pastes removed to make room for new ones: storage was full. */
  evictedRecords: number;
  /** Articles read that could not be added to the republication index (IndexedDB failing). */
  unrememberedArticles: number;
  /** The last storage error, as the browser worded it. */
  lastError: string | null;
  /** The start-up check ran in this session (it runs once per browser session). */
  checked: boolean;
}

export const HEALTHY: StorageHealth = {
  droppedEntries: 0,
  pasteIndexRebuilt: false,
  unsavedRecords: 0,
  evictedRecords: 0,
  unrememberedArticles: 0,
  lastError: null,
  checked: false,
};
