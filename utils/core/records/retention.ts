/**
 * How much history Linkback keeps: at most so many entries of each kind (copies, pastes,
 * reuse found), none older than so many days. The user chooses both in the options; the
 * background applies them whenever it writes a log, at start-up, and when they change.
 * Browser-free.
 */
import { MAX_COPY_RECORDS, MAX_PASTE_RECORDS, MAX_REUSE_FINDINGS } from './records';

/**
 * The counts the user may choose, per kind. Not 10,000: Linkback has storage.local's 10 MB
 * (it does not ask for unlimitedStorage), and a copy keeps up to 4,000 characters of text,
 * 8 kB in UTF-8 for Cyrillic: 1,000 such copies already take 8 MB. The largest choice is
 * therefore the logs' own caps (MAX_COPY_RECORDS…), so that no choice promises more than
 * storage can hold; when storage fills up anyway, the oldest go first (bounded-log.ts).
 */
export const RETENTION_COUNTS = [100, 500, 1_000] as const;
/** Days an entry is kept; null: as long as the count allows. */
export const RETENTION_DAYS = [30, 90, 365, null] as const;

export type RetentionCount = (typeof RETENTION_COUNTS)[number];
export type RetentionDays = (typeof RETENTION_DAYS)[number];

/** The two settings (see Settings) that say how much history is kept. */
export interface Retention {
  historyMaxEntries: number;
  historyMaxDays: number | null;
}

/** The most entries any log may keep: the largest choice fits in every log's cap. */
export const LARGEST_RETENTION = Math.min(MAX_COPY_RECORDS, MAX_PASTE_RECORDS, MAX_REUSE_FINDINGS);

const DAY_MS = 86_400_000;

/**
 * The entries a log keeps under `retention`: of a newest-first list, the first
 * `historyMaxEntries` made within the last `historyMaxDays` days of `now`. An entry dated
 * in the future (a clock set back) is kept: it is not old.
 */
export function retainedEntries<T>(
  entries: readonly T[],
  retention: Retention,
  timeOf: (entry: T) => number,
  now: number,
): T[] {
  const oldest =
    retention.historyMaxDays === null ? -Infinity : now - retention.historyMaxDays * DAY_MS;
  return entries
    .filter((entry) => timeOf(entry) >= oldest)
    .slice(0, Math.min(retention.historyMaxEntries, LARGEST_RETENTION));
}
