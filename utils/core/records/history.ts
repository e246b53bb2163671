/**
 * The history the user browses: copies, pastes and pages found reusing a read article, in
 * one newest-first list, filtered as the history page asks, and exported as the view shows
 * it (CSV for a spreadsheet, JSON for a program). Browser-free: the page passes the records
 * it read from storage.
 */
import type { LinkStatus } from '../republication/report';
import type { CopyRecord, PasteRecord, ReuseFinding } from './records';

export type HistoryKind = 'copy' | 'paste' | 'reuse';

/** What a reuse finding adds to its entry. */
export interface ReuseDetails {
  /** The page that reuses the article, and its title ('' when it has none). */
  pageUrl: string;
  pageTitle: string;
  linkStatus: LinkStatus;
  /** The page's link is what the publisher's rule asks for. */
  compliant: boolean;
  /** Share of the article found on the page, 0–1. */
  reusedShare: number;
}

export interface HistoryEntry {
  id: string;
  kind: HistoryKind;
  /** Epoch milliseconds. */
  at: number;
  title: string | null;
  articleUrl: string;
  /** The article's site, e.g. "caliber.az". */
  site: string;
  /** Where a paste went (the page's title and origin), or where reuse was found (title and address); null for a copy. */
  destination: string | null;
  /** What was copied (its first 4,000 characters); null for a paste. */
  text: string | null;
  /** A copy: Linkback put the link on the clipboard. A paste: Linkback added the link. */
  linkAdded: boolean;
  /** A paste whose added link the user took out again (the paste notice's Undo). */
  undone: boolean;
  /** A reuse found: the page, its link and how much it reuses; null for a copy or a paste. */
  reuse: ReuseDetails | null;
}

function siteOfUrl(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function historyEntries(
  copies: readonly CopyRecord[],
  pastes: readonly PasteRecord[],
  findings: readonly ReuseFinding[],
): HistoryEntry[] {
  // Copies, pastes and reuse of one article share its address: each is parsed once.
  const sites = new Map<string, string>();
  const siteOf = (url: string) => {
    let site = sites.get(url);
    if (site === undefined) sites.set(url, (site = siteOfUrl(url)));
    return site;
  };
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
      reuse: null,
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
      reuse: null,
    })),
    ...findings.map((finding) => ({
      id: finding.id,
      kind: 'reuse' as const,
      at: finding.foundAt,
      title: finding.articleTitle,
      articleUrl: finding.articleUrl,
      site: siteOf(finding.articleUrl),
      destination: [finding.pageTitle, finding.pageUrl].filter(Boolean).join(' — '),
      text: null,
      linkAdded: false,
      undone: false,
      reuse: {
        pageUrl: finding.pageUrl,
        pageTitle: finding.pageTitle,
        linkStatus: finding.linkStatus,
        compliant: finding.compliant,
        reusedShare: finding.reusedShare,
      },
    })),
  ];
  return entries.sort((a, b) => b.at - a.at);
}

export interface HistoryFilter {
  /** Words that must all appear in the title, text, site, address or destination (a paste's, a reuse's page). */
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
  'links back',
  'meets rule',
  'share reused',
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

/** A share (0–1) in whole percent, as the history page and the CSV show it: some reuse is never 0. */
export function wholePercent(share: number): number {
  return share > 0 ? Math.max(1, Math.round(share * 100)) : 0;
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
    // Blank for copies and pastes: these say nothing about them.
    entry.reuse?.linkStatus ?? '',
    entry.reuse ? (entry.reuse.compliant ? 'yes' : 'no') : '',
    entry.reuse ? `${wholePercent(entry.reuse.reusedShare)}%` : '',
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
