import { describe, expect, it } from 'vitest';
import {
  filterHistory,
  historyCsv,
  historyEntries,
  historyRows,
  NO_FILTER,
} from '../../../utils/core/records/history';
import type { CopyRecord, PasteRecord } from '../../../utils/core/records/records';
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
const ENTRIES = historyEntries([COPY], [PASTE]);

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
      'text',
    ]);
    expect(parsed.slice(1)).toEqual(historyRows(ENTRIES));
  });

  it('never lets page text run as a spreadsheet formula', () => {
    const evil = historyEntries([{ ...COPY, title: '=HYPERLINK("http://evil.example","x")' }], []);
    const parsed = parseCsv(historyCsv(evil));
    expect(parsed[1]?.[2]).toBe('\'=HYPERLINK("http://evil.example","x")');
  });
});
