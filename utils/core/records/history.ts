/**
 * The history the user browses: copies and pastes in one newest-first list, filtered as the
 * history page asks, and exported as the view shows it (CSV for a spreadsheet, JSON for a
 * program). Browser-free: the page passes the records it read from storage.
 */
import type { CopyRecord, PasteRecord } from './records';

export type HistoryKind = 'copy' | 'paste';

export interface HistoryEntry {
  id: string;
  kind: HistoryKind;
  /** Epoch milliseconds. */
  at: number;
  title: string | null;
  articleUrl: string;
  /** The article's site, e.g. "caliber.az". */
  site: string;
  /** Where a paste went (the page's origin and title); null for a copy. */
  destination: string | null;
  /** What was copied (its first 4,000 characters); null for a paste. */
  text: string | null;
  /** A copy: Linkback put the link on the clipboard. A paste: Linkback added the link. */
  linkAdded: boolean;
  /** A paste whose added link the user took out again (the paste notice's Undo). */
  undone: boolean;
}

function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function historyEntries(
  copies: readonly CopyRecord[],
  pastes: readonly PasteRecord[],
): HistoryEntry[] {
  const entries: HistoryEntry[] = [
    ...copies.map((copy) => ({
      id: copy.id,
      kind: 'copy' as const,
      at: copy.copiedAt,
      title: copy.title,
      articleUrl: copy.articleUrl,
      site: siteOf(copy.articleUrl),
      destination: null,
      text: copy.text,
      linkAdded: copy.attributed,
      undone: false,
    })),
    ...pastes.map((paste) => ({
      id: paste.id,
      kind: 'paste' as const,
      at: paste.pastedAt,
      title: paste.title,
      articleUrl: paste.articleUrl,
      site: siteOf(paste.articleUrl),
      destination: [paste.destinationTitle, paste.destinationOrigin].filter(Boolean).join(' — '),
      text: null,
      linkAdded: paste.added,
      undone: paste.undone === true,
    })),
  ];
  return entries.sort((a, b) => b.at - a.at);
}

export interface HistoryFilter {
  /** Words that must all appear in the title, text, site, address or destination. */
  query: string;
  kind: HistoryKind | 'all';
  /** Inclusive bounds, epoch milliseconds; null: open. */
  from: number | null;
  to: number | null;
}

export const NO_FILTER: HistoryFilter = { query: '', kind: 'all', from: null, to: null };

export function filterHistory(
  entries: readonly HistoryEntry[],
  filter: HistoryFilter,
): HistoryEntry[] {
  const words = filter.query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    if (filter.kind !== 'all' && entry.kind !== filter.kind) return false;
    if (filter.from !== null && entry.at < filter.from) return false;
    if (filter.to !== null && entry.at > filter.to) return false;
    if (!words.length) return true;
    const haystack = [entry.title, entry.text, entry.site, entry.articleUrl, entry.destination]
      .filter(Boolean)
      .join('\n')
      .toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

const CSV_COLUMNS = [
  'kind',
  'time',
  'title',
  'site',
  'article',
  'destination',
  'link added',
  'undone',
  'text',
] as const;

/**
 * A cell as RFC 4180 quotes it. A cell a spreadsheet would run as a formula (=, +, -, @, a
 * tab or a carriage return first) gets a leading apostrophe: page text must never execute.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function historyRows(entries: readonly HistoryEntry[]): string[][] {
  return entries.map((entry) => [
    entry.kind,
    new Date(entry.at).toISOString(),
    entry.title ?? '',
    entry.site,
    entry.articleUrl,
    entry.destination ?? '',
    entry.linkAdded ? 'yes' : 'no',
    entry.undone ? 'yes' : 'no',
    entry.text ?? '',
  ]);
}

/** The entries as CSV, a header row first, CRLF line ends (as spreadsheets expect). */
export function historyCsv(entries: readonly HistoryEntry[]): string {
  return [[...CSV_COLUMNS], ...historyRows(entries)]
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')
    .concat('\r\n');
}

export function historyJson(entries: readonly HistoryEntry[]): string {
  return `${JSON.stringify(
    entries.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })),
    null,
    2,
  )}\n`;
}
