import { recentCopies, sameCopies } from '../core/records/recent-copies';
import type { CopyRecord } from '../core/records/records';
import type { LogItem } from './bounded-log';
import type { RepairableItem } from './stored-state-repair';

/** The copy log as the background uses it: the log's storage, and the repair's view of it. */
export type CopyLogItem = LogItem<CopyRecord> & RepairableItem<CopyRecord[]>;

/** Where the popup's digest is stored; null removes it. */
export interface RecentCopiesItem {
  getValue(): Promise<CopyRecord[] | null>;
  setValue(value: CopyRecord[] | null): Promise<void>;
}

/**
 * The copy log, with the popup's digest of it (core/records/recent-copies.ts) written after
 * each write of the log, whoever writes it (the store, the repair at start-up). A digest that
 * cannot be written (storage full) is removed, so that the popup reads the log rather than a
 * digest of an older one: the log's write stands either way. `refresh` writes the digest
 * again when it is not the log's (a version before it, a write cut short): the repair at
 * start-up calls it.
 */
export function withRecentCopies(log: CopyLogItem, digest: RecentCopiesItem) {
  async function write(records: readonly CopyRecord[]): Promise<void> {
    try {
      await digest.setValue(recentCopies(records));
    } catch (error) {
      console.warn('[Linkback] recent copies not written: the popup reads the log', error);
      await digest.setValue(null);
    }
  }
  return {
    getValue: () => log.getValue(),
    getRaw: () => log.getRaw(),
    check: log.check,
    async setValue(records: CopyRecord[]): Promise<void> {
      await log.setValue(records);
      await write(records);
    },
    async refresh(): Promise<void> {
      const records = await log.getValue();
      if (!sameCopies(await digest.getValue(), recentCopies(records))) await write(records);
    },
  } satisfies CopyLogItem & { refresh(): Promise<void> };
}
