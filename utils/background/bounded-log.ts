import { isQuotaError } from './storage-health';
import { createWriteQueue } from './write-queue';

/** The storage slice a log needs: a `storage.defineItem` item fits. */
export interface LogItem<T> {
  getValue(): Promise<T[]>;
  setValue(value: T[]): Promise<void>;
}

/** The entry already in a log that a report resent under its own id is (see NewCopyRecord). */
export function sameId<T extends { id: string }>(entries: T[], next: T): T | undefined {
  return entries.find((entry) => entry.id === next.id);
}

/**
 * A newest-first list in storage, bounded in length, written one change at a time. When
 * storage is full the oldest entries go, half at a time, rather than the new entry; only
 * when even the newest entry alone does not fit does the write fail (and the caller says so).
 */
export function createBoundedLog<T>(
  item: LogItem<T>,
  max: number,
  /** Returns the entry that replaces `latest` when the new one repeats it, else null. */
  mergeWithLatest: (latest: T, next: T) => T | null = () => null,
  /** An entry already in the log that is this very one (the same report sent twice). */
  findSame: (entries: T[], next: T) => T | undefined = () => undefined,
  /** Told how many older entries went to make room on full storage: the user is told too. */
  onEvicted: (count: number) => void = () => {},
) {
  const enqueue = createWriteQueue();

  async function write(entries: T[]): Promise<void> {
    for (let kept = entries; ; kept = kept.slice(0, Math.ceil(kept.length / 2))) {
      try {
        await item.setValue(kept);
        if (kept.length < entries.length) onEvicted(entries.length - kept.length);
        return;
      } catch (error) {
        if (!isQuotaError(error) || kept.length < 2) throw error;
      }
    }
  }

  async function add(entry: T, mayRepeat: boolean): Promise<T> {
    const entries = await item.getValue();
    const same = mayRepeat ? findSame(entries, entry) : undefined;
    if (same) return same;
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
    /** `mayRepeat`: the entry may be one already added (a report sent again); see findSame. */
    add(entry: T, mayRepeat = false): Promise<T> {
      return enqueue(() => add(entry, mayRepeat));
    },
    /** Removes the entries `matches` picks, after any write already under way. */
    remove(matches: (entry: T) => boolean): Promise<void> {
      return enqueue(async () => {
        const entries = await item.getValue();
        const kept = entries.filter((entry) => !matches(entry));
        if (kept.length < entries.length) await item.setValue(kept);
      });
    },
    /** Rewrites the entries `matches` picks, after any write already under way. */
    update(matches: (entry: T) => boolean, change: (entry: T) => T): Promise<void> {
      return enqueue(async () => {
        const entries = await item.getValue();
        if (!entries.some(matches)) return;
        await write(entries.map((entry) => (matches(entry) ? change(entry) : entry)));
      });
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
