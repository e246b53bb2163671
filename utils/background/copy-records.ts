import {
  MAX_COPY_RECORDS,
  MAX_RECORD_TEXT,
  type CopyRecord,
  type NewCopyRecord,
} from '../core/records/records';
import { createBoundedLog, sameId, type LogItem, type LogStoreOptions } from './bounded-log';

export type RecordsItem = LogItem<CopyRecord>;

/** Copies of the same text from the same article this close together are one copy (Ctrl+C pressed twice). */
const REPEAT_WINDOW_MS = 10_000;

/** Keeps the newest copies first, bounded in count and text size. */
export function createCopyRecordStore(
  item: RecordsItem,
  now: () => number = Date.now,
  newId: () => string = () => crypto.randomUUID(),
  options: LogStoreOptions = {},
) {
  const { onEvicted, readRetention } = options;
  const log = createBoundedLog<CopyRecord>(item, MAX_COPY_RECORDS, {
    onEvicted,
    retention: readRetention && { read: readRetention, timeOf: (copy) => copy.copiedAt, now },
    mergeWithLatest: (latest, next) =>
      latest.articleUrl === next.articleUrl &&
      latest.text === next.text &&
      next.copiedAt - latest.copiedAt < REPEAT_WINDOW_MS
        ? { ...latest, copiedAt: next.copiedAt }
        : null,
    findSame: sameId,
  });
  return {
    add(input: NewCopyRecord): Promise<CopyRecord> {
      const text = input.text.slice(0, MAX_RECORD_TEXT);
      const id = input.id ?? newId();
      // A page-made id may arrive twice (the page resent its report): that copy counts once.
      return log.add({ ...input, text, id, copiedAt: input.copiedAt || now() }, !!input.id);
    },
    recent: log.recent,
    remove: log.remove,
    prune: log.prune,
    clear: log.clear,
  };
}

export type CopyRecordStore = ReturnType<typeof createCopyRecordStore>;
