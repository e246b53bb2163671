import { retainedEntries, type Retention } from '../core/records/retention';
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

/** The user's retention (count and age) for a log whose entries carry a time. */
export interface LogRetention<T> {
  /** Read at each write: a change in the options applies to the next write. */
  read(): Promise<Retention>;
  /** When an entry was made, epoch milliseconds. */
  timeOf(entry: T): number;
  now?(): number;
}

/** What the wiring tells a store built on a log: evictions to count, the user's retention. */
export interface LogStoreOptions {
  /** Told how many older entries went to make room on full storage. */
  onEvicted?: (count: number) => void;
  /** The user's retention, read at each write. */
  readRetention?: () => Promise<Retention>;
}

export interface BoundedLogOptions<T> {
  /** Returns the entry that replaces `latest` when the new one repeats it, else null. */
  mergeWithLatest?(latest: T, next: T): T | null;
  /** An entry already in the log that is this very one (the same report sent twice). */
  findSame?(entries: T[], next: T): T | undefined;
  /** Older entries the new one stands for (the same thing seen again): they go, it comes first. */
  supersedes?(older: T, next: T): boolean;
  /** Told how many older entries went to make room on full storage: the user is told too. */
  onEvicted?(count: number): void;
  retention?: LogRetention<T>;
}

/**
 * A newest-first list in storage, bounded in length (and by the user's retention), written
 * one change at a time. When storage is full the oldest entries go, half at a time, rather
 * than the new entry; only when even the newest entry alone does not fit does the write
 * fail (and the caller says so).
 */
export function createBoundedLog<T>(
  item: LogItem<T>,
  max: number,
  options: BoundedLogOptions<T> = {},
) {
  const { mergeWithLatest, findSame, supersedes, onEvicted, retention } = options;
  const enqueue = createWriteQueue();

  /**
   * What the retention keeps of `entries`. Entries it drops are the user's choice, not
   * storage's: they are not counted as evicted. Unreadable settings keep everything (up to
   * `max`): a settings read failing must not cost the user their history.
   */
  async function retained(entries: T[]): Promise<T[]> {
    if (!retention) return entries;
    const chosen = await retention.read().catch(() => null);
    if (!chosen) return entries;
    return retainedEntries(entries, chosen, retention.timeOf, (retention.now ?? Date.now)());
  }

  async function write(entries: T[]): Promise<void> {
    for (let kept = entries; ; kept = kept.slice(0, Math.ceil(kept.length / 2))) {
      try {
        await item.setValue(kept);
        if (kept.length < entries.length) onEvicted?.(entries.length - kept.length);
        return;
      } catch (error) {
        if (!isQuotaError(error) || kept.length < 2) throw error;
      }
    }
  }

  async function add(entry: T, mayRepeat: boolean): Promise<T> {
    const entries = await item.getValue();
    const same = mayRepeat ? findSame?.(entries, entry) : undefined;
    if (same) return same;
    const latest = entries[0];
    const merged = latest === undefined ? null : (mergeWithLatest?.(latest, entry) ?? null);
    if (merged) {
      await write(await retained([merged, ...entries.slice(1)]));
      return merged;
    }
    const older = supersedes ? entries.filter((old) => !supersedes(old, entry)) : entries;
    await write(await retained([entry, ...older].slice(0, max)));
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
    /**
     * Applies the retention without adding anything (at start-up, and when the user changes
     * it): entries past it go now rather than at the next write. Resolves to how many went.
     */
    prune(): Promise<number> {
      return enqueue(async () => {
        const entries = await item.getValue();
        const kept = await retained(entries);
        if (kept.length < entries.length) await item.setValue(kept);
        return entries.length - kept.length;
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

export type BoundedLog<T> = ReturnType<typeof createBoundedLog<T>>;
