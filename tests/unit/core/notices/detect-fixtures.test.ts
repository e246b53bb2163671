import { describe, expect, it } from 'vitest';
import { detectReuseNotice } from '../../../../utils/core/notices/detect';
import { parseHtml } from '../../fixtures';
import {
  comparableFinding,
  noticeFixtures,
  readNoticeFixture,
  scoreDetection,
  type LanguageGroup,
  type Score,
} from './notice-fixtures';

const fixtures = noticeFixtures();
const results = fixtures.map((fixture) => ({
  ...fixture,
  found: detectReuseNotice(parseHtml(readNoticeFixture(fixture.file)), { url: fixture.url }),
}));

describe('the notice fixture set', () => {
  it('has at least 50 pages, 30 positives and 20 negatives, in all five language groups', () => {
    const positives = fixtures.filter((f) => typeof f.expected === 'object' && f.expected);
    expect(fixtures.length).toBeGreaterThanOrEqual(50);
    expect(positives.length).toBeGreaterThanOrEqual(30);
    expect(fixtures.length - positives.length).toBeGreaterThanOrEqual(20);
    expect(new Set(fixtures.map((f) => f.group))).toEqual(new Set(['en', 'ru', 'az', 'uk', 'kk']));
  });
});

describe('detectReuseNotice on each fixture', () => {
  it.each(results)('$file', ({ expected, found }) => {
    expect(comparableFinding(found)).toEqual(expected);
  });

  it('quotes the notice as found on the page', () => {
    for (const { file, found } of results) {
      if (found?.kind !== 'rule' || found.rule.source !== 'notice') continue;
      const text = readNoticeFixture(file)
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');
      expect(text, file).toContain(found.rule.quote);
    }
  });
});

describe('precision and recall', () => {
  const groups: LanguageGroup[] = ['en', 'ru', 'az', 'uk', 'kk'];
  const scores: [string, Score][] = [
    ...groups.map((group): [string, Score] => [
      group,
      scoreDetection(results.filter((r) => r.group === group)),
    ]),
    ['overall', scoreDetection(results)],
  ];

  it('meet the goals of issue 11 (precision ≥ 0.97, recall ≥ 0.95) per language and overall', () => {
    for (const [group, score] of scores) {
      expect(score.precision, `${group} precision`).toBeGreaterThanOrEqual(0.97);
      expect(score.recall, `${group} recall`).toBeGreaterThanOrEqual(0.95);
    }
  });
});
