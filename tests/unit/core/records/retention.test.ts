import { describe, expect, it } from 'vitest';
import {
  MAX_COPY_RECORDS,
  MAX_PASTE_RECORDS,
  MAX_REUSE_FINDINGS,
} from '../../../../utils/core/records/records';
import {
  LARGEST_RETENTION,
  RETENTION_COUNTS,
  RETENTION_DAYS,
  retainedEntries,
} from '../../../../utils/core/records/retention';

const DAY = 86_400_000;
const NOW = 1_000 * DAY;
/** Entries that are their own times, newest first: 0, 1, 2… days old. */
const aged = (...days: number[]) => days.map((age) => NOW - age * DAY);
const timeOf = (entry: number) => entry;

describe('the retention', () => {
  it('offers no count that storage cannot hold: the largest is every log’s cap', () => {
    expect(Math.max(...RETENTION_COUNTS)).toBe(LARGEST_RETENTION);
    for (const cap of [MAX_COPY_RECORDS, MAX_PASTE_RECORDS, MAX_REUSE_FINDINGS]) {
      expect(LARGEST_RETENTION).toBeLessThanOrEqual(cap);
    }
    expect(RETENTION_DAYS).toContain(null);
  });

  it('keeps the newest entries up to the count', () => {
    const entries = aged(0, 1, 2, 3, 4);
    expect(
      retainedEntries(entries, { historyMaxEntries: 3, historyMaxDays: null }, timeOf, NOW),
    ).toEqual(aged(0, 1, 2));
  });

  it('keeps nothing older than the days chosen, the last day included', () => {
    const entries = [...aged(0, 29, 30), NOW - 30 * DAY - 1, ...aged(400)];
    expect(
      retainedEntries(entries, { historyMaxEntries: 1_000, historyMaxDays: 30 }, timeOf, NOW),
    ).toEqual(aged(0, 29, 30));
    expect(
      retainedEntries(entries, { historyMaxEntries: 1_000, historyMaxDays: null }, timeOf, NOW),
    ).toEqual(entries);
  });

  it('keeps entries dated ahead of the clock (a clock set back): they are not old', () => {
    const entries = [NOW + DAY, ...aged(1)];
    expect(
      retainedEntries(entries, { historyMaxEntries: 1_000, historyMaxDays: 30 }, timeOf, NOW),
    ).toEqual(entries);
  });

  it('never keeps more than storage holds, whatever count it is given', () => {
    const many = Array.from({ length: LARGEST_RETENTION + 10 }, (_, i) => NOW - i);
    expect(
      retainedEntries(many, { historyMaxEntries: 1e9, historyMaxDays: null }, timeOf, NOW),
    ).toHaveLength(LARGEST_RETENTION);
  });
});
