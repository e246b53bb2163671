import { describe, expect, it } from 'vitest';
import {
  filterHistory,
  historyCsv,
  historyEntries,
  historyJson,
  historyRows,
  NO_FILTER,
  wholePercent,
} from '../../../utils/core/records/history';
import type { CopyRecord, PasteRecord, ReuseFinding } from '../../../utils/core/records/records';
import { parseCsv } from '../../csv';

const COPY: CopyRecord = {
  id: 'c1',
  articleUrl: 'https://vesti.example/news/terminal',
  title: 'Терминал открыт',
  publisherId: 'vesti.example',
  siteName: 'Вести',
  language: 'ru',
  copiedAt: Date.UTC(2026, 10, 1, 10),
  text: 'Новый терминал, "первый" в городе\nвторая строка',
  textLength: 40,
  attributed: true,
};
const PASTE: PasteRecord = {
  id: 'p1',
  articleUrl: 'https://www.caliber.az/en/post/story',
  title: 'The story',
  destinationOrigin: 'https://blog.example',
  destinationTitle: 'My blog',
  pastedAt: Date.UTC(2026, 10, 2, 9),
  added: true,
};
const FINDING: ReuseFinding = {
  id: 'r1',
  pageUrl: 'https://mirror.example/digest',
  pageTitle: 'Weekly digest',
  articleUrl: 'https://www.caliber.az/en/post/story',
  articleTitle: 'The story',
  linkStatus: 'none',
  compliant: false,
  reusedShare: 0.234,
  foundAt: Date.UTC(2026, 10, 1, 12),
};
const ENTRIES = historyEntries([COPY], [PASTE], []);

describe('the history', () => {
  it('lists copies and pastes together, newest first, with their site', () => {
    expect(ENTRIES.map((entry) => [entry.kind, entry.site])).toEqual([
      ['paste', 'caliber.az'],
      ['copy', 'vesti.example'],
    ]);
    expect(ENTRIES[0]?.destination).toBe('My blog — https://blog.example');
  });

  it('filters by words in any field, by kind and by date', () => {
    expect(filterHistory(ENTRIES, { ...NO_FILTER, query: 'ТЕРМИНАЛ' }).map((e) => e.id)).toEqual([
      'c1',
    ]);
    expect(filterHistory(ENTRIES, { ...NO_FILTER, query: 'blog story' }).map((e) => e.id)).toEqual([
      'p1',
    ]);
    expect(filterHistory(ENTRIES, { ...NO_FILTER, kind: 'copy' }).map((e) => e.id)).toEqual(['c1']);
    expect(
      filterHistory(ENTRIES, { ...NO_FILTER, from: Date.UTC(2026, 10, 2), to: null }).map(
        (e) => e.id,
      ),
    ).toEqual(['p1']);
    expect(filterHistory(ENTRIES, { ...NO_FILTER, query: 'nowhere' })).toEqual([]);
  });

  it('exports CSV that parses back to the same rows, quotes and line breaks included', () => {
    const parsed = parseCsv(historyCsv(ENTRIES));
    expect(parsed[0]).toEqual([
      'kind',
      'time',
      'title',
      'site',
      'article',
      'destination',
      'link added',
      'undone',
      'links back',
      'meets rule',
      'share reused',
      'text',
    ]);
    expect(parsed.slice(1)).toEqual(historyRows(ENTRIES));
  });

  it('never lets page text run as a spreadsheet formula', () => {
    const evil = historyEntries(
      [{ ...COPY, title: '=HYPERLINK("http://evil.example","x")' }],
      [],
      [],
    );
    const parsed = parseCsv(historyCsv(evil));
    expect(parsed[1]?.[2]).toBe('\'=HYPERLINK("http://evil.example","x")');
  });

  it('lists reuse found among copies and pastes: the page where, the article, its link and share', () => {
    const entries = historyEntries([COPY], [PASTE], [FINDING]);
    expect(entries.map((entry) => entry.kind)).toEqual(['paste', 'reuse', 'copy']);
    expect(entries[1]).toEqual({
      id: 'r1',
      kind: 'reuse',
      at: FINDING.foundAt,
      title: 'The story',
      articleUrl: FINDING.articleUrl,
      site: 'caliber.az',
      destination: 'Weekly digest — https://mirror.example/digest',
      text: null,
      linkAdded: false,
      undone: false,
      reuse: {
        pageUrl: FINDING.pageUrl,
        pageTitle: 'Weekly digest',
        linkStatus: 'none',
        compliant: false,
        reusedShare: 0.234,
      },
    });
    expect(filterHistory(entries, { ...NO_FILTER, kind: 'reuse' }).map((e) => e.id)).toEqual([
      'r1',
    ]);
    expect(filterHistory(entries, { ...NO_FILTER, query: 'digest' }).map((e) => e.id)).toEqual([
      'r1',
    ]);
  });

  it('exports reuse found with whether the page links back, meets the rule and how much it reuses', () => {
    const parsed = parseCsv(historyCsv(historyEntries([COPY], [], [FINDING])));
    const column = (name: string) => parsed[0]!.indexOf(name);
    const [finding, copy] = parsed.slice(1);
    expect(finding![column('kind')]).toBe('reuse');
    expect(finding![column('destination')]).toBe('Weekly digest — https://mirror.example/digest');
    expect(finding![column('links back')]).toBe('none');
    expect(finding![column('meets rule')]).toBe('no');
    expect(finding![column('share reused')]).toBe('23%');
    // Said only of reuse found: blank for a copy.
    expect(copy!.slice(column('links back'), column('share reused') + 1)).toEqual(['', '', '']);
    const json = JSON.parse(historyJson(historyEntries([], [], [FINDING]))) as unknown[];
    expect(json[0]).toMatchObject({
      kind: 'reuse',
      at: '2026-11-01T12:00:00.000Z',
      reuse: { linkStatus: 'none', reusedShare: 0.234 },
    });
  });

  it('gives a share in whole percent, never 0% for some reuse', () => {
    expect([0, 0.001, 0.234, 0.995, 1].map(wholePercent)).toEqual([0, 1, 23, 100, 100]);
  });
});
