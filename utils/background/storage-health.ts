import type { StorageHealth } from '../core/records/storage-health';
import { createWriteQueue } from './write-queue';

/** The slice of `storageHealthItem` this needs. */
export interface HealthItem {
  getValue(): Promise<StorageHealth>;
  setValue(value: StorageHealth): Promise<void>;
}

/** True for the errors browsers give when storage.local is full. */
export function isQuotaError(error: unknown): boolean {
  return /quota|QUOTA_BYTES|storage.*full/i.test(String((error as Error)?.message ?? error));
}

const errorText = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 300);

/**
 * Keeps what went wrong with storage in this session (see StorageHealth), so the popup can
 * tell the user instead of failing silently. Updates are queued: tabs report at once.
 */
export function createStorageHealth(item: HealthItem) {
  const enqueue = createWriteQueue();
  const update = (change: (health: StorageHealth) => Partial<StorageHealth>) =>
    enqueue(async () => {
      const health = await item.getValue();
      await item.setValue({ ...health, ...change(health) });
    });
  return {
    get: () => item.getValue(),
    noteDropped: (entries: number) =>
      update((health) => ({ droppedEntries: health.droppedEntries + entries })),
    notePasteIndexRebuilt: () => update(() => ({ pasteIndexRebuilt: true })),
    noteUnsaved: (error: unknown) =>
      update((health) => ({
        unsavedRecords: health.unsavedRecords + 1,
        lastError: errorText(error),
      })),
    noteUnremembered: (error: unknown) =>
      update((health) => ({
        unrememberedArticles: (health.unrememberedArticles ?? 0) + 1,
        lastError: errorText(error),
      })),
    noteEvicted: (entries: number) =>
      update((health) => ({ evictedRecords: (health.evictedRecords ?? 0) + entries })),
    markChecked: () => update(() => ({ checked: true })),
  };
}

export type StorageHealthLog = ReturnType<typeof createStorageHealth>;
