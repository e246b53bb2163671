/**
 * The popup's list of recent copies: the newest few, each with only the start of its text
 * that the popup shows. The background stores it beside the copy log at each write of the log
 * (utils/background/recent-copies.ts), so that opening the popup reads a few kilobytes rather
 * than the whole log, up to 1,000 copies of 4,000 characters. Browser-free.
 */
import type { CopyRecord } from './records';

/** How many copies the popup lists. */
export const RECENT_COPY_COUNT = 10;
/** How much of a copy's text the popup quotes. */
export const EXCERPT_LENGTH = 140;

/** Of a newest-first copy log, what the popup lists. */
export function recentCopies(records: readonly CopyRecord[]): CopyRecord[] {
  return records
    .slice(0, RECENT_COPY_COUNT)
    .map((record) =>
      record.text.length > EXCERPT_LENGTH
        ? { ...record, text: record.text.slice(0, EXCERPT_LENGTH) }
        : record,
    );
}

/** Whether a stored list is what the popup would list: the same copies, field for field. */
export function sameCopies(a: readonly CopyRecord[] | null, b: readonly CopyRecord[]): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
