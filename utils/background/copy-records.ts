import type { NewCopyRecord } from '../messaging';
import { MAX_COPY_RECORDS, MAX_RECORD_TEXT, type CopyRecord } from '../storage';

/** The storage slice the store needs: a `storage.defineItem` item fits. */
export interface RecordsItem {
  getValue(): Promise<CopyRecord[]>;
  setValue(value: CopyRecord[]): Promise<void>;
}

/** Copies of the same text from the same article this close together are one copy (Ctrl+C pressed twice). */
const REPEAT_WINDOW_MS = 10_000;

function isQuotaError(error: unknown): boolean {
  return /quota|QUOTA_BYTES/i.test(String((error as Error)?.message ?? error));
}

/**
 * Keeps the newest copies first, bounded in count and text size. Writes are serialised:
 * the background is the only writer, but several tabs may report at once.
 */
export function createCopyRecordStore(
  item: RecordsItem,
  now: () => number = Date.now,
  newId: () => string = () => crypto.randomUUID(),
) {
  let queue: Promise<unknown> = Promise.resolve();

  async function write(records: CopyRecord[]): Promise<void> {
    try {
      await item.setValue(records);
    } catch (error) {
      if (!isQuotaError(error) || records.length < 2) throw error;
      // Storage is full: keep the newest half rather than losing the new copy.
      await item.setValue(records.slice(0, Math.ceil(records.length / 2)));
    }
  }

  async function add(input: NewCopyRecord): Promise<CopyRecord> {
    const text = input.text.slice(0, MAX_RECORD_TEXT);
    const copiedAt = input.copiedAt || now();
    const records = await item.getValue();
    const latest = records[0];
    if (
      latest &&
      latest.articleUrl === input.articleUrl &&
      latest.text === text &&
      copiedAt - latest.copiedAt < REPEAT_WINDOW_MS
    ) {
      const refreshed = { ...latest, copiedAt };
      await write([refreshed, ...records.slice(1)]);
      return refreshed;
    }
    const record: CopyRecord = { ...input, text, id: newId(), copiedAt };
    await write([record, ...records].slice(0, MAX_COPY_RECORDS));
    return record;
  }

  return {
    add(input: NewCopyRecord): Promise<CopyRecord> {
      const next = queue.then(() => add(input));
      queue = next.catch(() => undefined);
      return next;
    },
    async recent(limit: number): Promise<CopyRecord[]> {
      return (await item.getValue()).slice(0, limit);
    },
  };
}

export type CopyRecordStore = ReturnType<typeof createCopyRecordStore>;
