import { describe, expect, it } from 'vitest';
import {
  EXCERPT_LENGTH,
  RECENT_COPY_COUNT,
  recentCopies,
  sameCopies,
} from '../../../../utils/core/records/recent-copies';
import type { CopyRecord } from '../../../../utils/core/records/records';

function copy(id: number, text = `Copied text ${id}.`): CopyRecord {
  return {
    id: `c${id}`,
    articleUrl: `https://caliber.az/en/post/story-${id}`,
    title: `Story ${id}`,
    publisherId: 'caliber',
    siteName: 'Caliber.az',
    language: 'en',
    copiedAt: 1_000_000 - id,
    text,
    textLength: text.length,
    attributed: true,
  };
}

describe('the popup’s recent copies', () => {
  it('are the newest copies of the log, as many as the popup lists', () => {
    const log = Array.from({ length: 25 }, (_, i) => copy(i));
    expect(recentCopies(log).map((record) => record.id)).toEqual(
      log.slice(0, RECENT_COPY_COUNT).map((record) => record.id),
    );
    expect(recentCopies(log.slice(0, 3))).toEqual(log.slice(0, 3));
    expect(recentCopies([])).toEqual([]);
  });

  it('keep of each text what the popup quotes, and the length of the whole', () => {
    const long = 'Ünïcödé words, and more of them. '.repeat(200);
    const [recent] = recentCopies([copy(1, long)]);
    expect(recent!.text).toBe(long.slice(0, EXCERPT_LENGTH));
    expect(recent!.textLength).toBe(long.length);
    expect(recent).toEqual({ ...copy(1, long), text: long.slice(0, EXCERPT_LENGTH) });
  });

  it('are told apart from a stored list that is not the log’s', () => {
    const log = [copy(1), copy(2)];
    expect(sameCopies(recentCopies(log), recentCopies(log))).toBe(true);
    expect(sameCopies(null, recentCopies(log))).toBe(false);
    expect(sameCopies(recentCopies(log.slice(1)), recentCopies(log))).toBe(false);
    expect(sameCopies([{ ...copy(1), title: 'Renamed' }, copy(2)], recentCopies(log))).toBe(false);
  });
});
