import { createWriteQueue } from './write-queue';

/** The storage slice a log needs: a `storage.defineItem` item fits. */
export interface LogItem<T> {
  getValue(): Promise<T[]>;
  setValue(value: T[]): Promise<void>;
}

function isQuotaError(error: unknown): boolean {
  return /quota|QUOTA_BYTES/i.test(String((error as Error)?.message ?? error));
}

/**
 * A newest-first list in storage, bounded in length, written one change at a time. When
 * storage is full the newest half is kept rather than losing the new entry.
 */
export function createBoundedLog<T>(
  item: LogItem<T>,
  max: number,
  /** Returns the entry that replaces `latest` when the new one repeats it, else null. */
  mergeWithLatest: (latest: T, next: T) => T | null = () => null,
) {
  const enqueue = createWriteQueue();

  async function write(entries: T[]): Promise<void> {
    try {
      await item.setValue(entries);
    } catch (error) {
      if (!isQuotaError(error) || entries.length < 2) throw error;
      await item.setValue(entries.slice(0, Math.ceil(entries.length / 2)));
    }
  }

  async function add(entry: T): Promise<T> {
    const entries = await item.getValue();
    const latest = entries[0];
    const merged = latest === undefined ? null : mergeWithLatest(latest, entry);
    if (merged) {
      await write([merged, ...entries.slice(1)]);
      return merged;
    }
    await write([entry, ...entries].slice(0, max));
    return entry;
  }

  return {
    add(entry: T): Promise<T> {
      return enqueue(() => add(entry));
    },
    /** Empties the log after any write already under way, so none can bring entries back. */
    clear(): Promise<void> {
      return enqueue(() => item.setValue([]));
    },
    async recent(limit: number): Promise<T[]> {
      return (await item.getValue()).slice(0, limit);
    },
  };
}
