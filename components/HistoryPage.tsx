import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  filterHistory,
  historyCsv,
  historyJson,
  NO_FILTER,
  type HistoryEntry,
  type HistoryFilter,
  type HistoryKind,
} from '../utils/core/records/history';
import type { StorageHealth } from '../utils/core/records/storage-health';
import { ClearAllHistory } from './ClearAllHistory';
import { offerDownload } from './download';
import { formatDateTime, formatNumber } from './format';
import { HistoryEntrySummary } from './HistoryEntrySummary';
import { t } from './i18n';
import { StorageNotice } from './StorageNotice';

/** Entries shown at first and added by "Show more": 10,000 rows at once would not scroll well. */
export const PAGE_SIZE = 100;

export interface HistoryData {
  load(): Promise<HistoryEntry[]>;
  remove(kind: HistoryKind, id: string): Promise<void>;
  /** Forgets every entry (and the articles read: the background's history:clear). */
  clear(): Promise<void>;
  /** What went wrong with storage this session: entries removed when it was full, above all. */
  health(): Promise<StorageHealth | null>;
}

type Load =
  | { status: 'loading' }
  | { status: 'ready'; entries: HistoryEntry[] }
  | { status: 'failed'; message: string };

/** A date input's value ("2026-11-27") as the start or end of that day, local time. */
function dayBound(value: string, end: boolean): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return end
    ? new Date(year, month - 1, day, 23, 59, 59, 999).getTime()
    : new Date(year, month - 1, day).getTime();
}

/**
 * Every copy, paste and reuse found that Linkback recorded, newest first: search, filter by
 * kind and date, delete one or all, export what is shown; and, when storage was full, that
 * older entries went. Page text is rendered as text; links are the records' http(s)
 * addresses, opened only by the user's click.
 */
export function HistoryPage({ data }: { data: HistoryData }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<HistoryFilter['kind']>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [shown, setShown] = useState(PAGE_SIZE);
  const [error, setError] = useState<string | null>(null);
  const [health, setHealth] = useState<StorageHealth | null>(null);

  const reload = () =>
    data.load().then(
      (entries) => setLoad({ status: 'ready', entries }),
      (failure: unknown) =>
        setLoad({ status: 'failed', message: String((failure as Error)?.message ?? failure) }),
    );
  useEffect(() => void reload(), [data]);
  useEffect(() => void data.health().then(setHealth, () => setHealth(null)), [data]);

  const entries = load.status === 'ready' ? load.entries : [];
  const filtered = useMemo(
    () =>
      filterHistory(entries, {
        ...NO_FILTER,
        query,
        kind,
        from: dayBound(from, false),
        to: dayBound(to, true),
      }),
    [entries, query, kind, from, to],
  );

  if (load.status === 'loading') return <p class="empty">{t('loading')}</p>;
  if (load.status === 'failed') {
    return (
      <p class="error" role="alert">
        {t('loadFailed', load.message)}
      </p>
    );
  }

  const stamp = new Date().toISOString().slice(0, 10);
  const remove = async (entry: HistoryEntry) => {
    try {
      await data.remove(entry.kind, entry.id);
      setError(null);
      await reload();
    } catch (failure) {
      setError(t('historyDeleteFailed', String((failure as Error)?.message ?? failure)));
    }
  };

  return (
    <section class="history" aria-labelledby="history-title">
      <h1 id="history-title">{t('historyTitle')}</h1>
      <StorageNotice health={health} />
      <form class="history-filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('historySearch')}
          <input
            type="search"
            name="query"
            value={query}
            onInput={(event) => {
              setQuery(event.currentTarget.value);
              setShown(PAGE_SIZE);
            }}
          />
        </label>
        <label>
          {t('historyKind')}
          <select
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as HistoryFilter['kind'])}
          >
            <option value="all">{t('historyKindAll')}</option>
            <option value="copy">{t('historyKindCopy')}</option>
            <option value="paste">{t('historyKindPaste')}</option>
            <option value="reuse">{t('historyKindReuse')}</option>
          </select>
        </label>
        <label>
          {t('historyFrom')}
          <input
            type="date"
            name="from"
            value={from}
            onInput={(e) => setFrom(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('historyTo')}
          <input type="date" name="to" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
      </form>
      <div class="actions">
        <button
          type="button"
          data-action="export-csv"
          disabled={!filtered.length}
          onClick={() =>
            offerDownload(historyCsv(filtered), `linkback-history-${stamp}.csv`, 'text/csv')
          }
        >
          {t('historyExportCsv')}
        </button>
        <button
          type="button"
          data-action="export-json"
          disabled={!filtered.length}
          onClick={() =>
            offerDownload(
              historyJson(filtered),
              `linkback-history-${stamp}.json`,
              'application/json',
            )
          }
        >
          {t('historyExportJson')}
        </button>
        <ClearAllHistory
          count={entries.length}
          onClear={async () => {
            await data.clear();
            await reload();
          }}
        />
      </div>
      <p role="status" aria-live="polite" data-testid="history-count">
        {t('historyCount', formatNumber(filtered.length))}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {entries.length === 0 ? (
        <p class="empty" data-testid="history-empty">
          {t('historyEmpty')}
        </p>
      ) : filtered.length === 0 ? (
        <p class="empty">{t('historyNoMatch')}</p>
      ) : (
        <ol class="history-list" data-testid="history-list">
          {filtered.slice(0, shown).map((entry) => (
            <li key={`${entry.kind}:${entry.id}`} data-kind={entry.kind} data-id={entry.id}>
              <span class="hint">
                <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time>{' '}
                · <HistoryEntrySummary entry={entry} />
              </span>
              <a
                href={entry.articleUrl}
                target="_blank"
                rel="noopener noreferrer"
                data-field="title"
              >
                {entry.title ?? entry.articleUrl}
              </a>
              <span class="hint">{entry.site}</span>
              {entry.text && <p class="history-text">{entry.text.slice(0, 300)}</p>}
              <button type="button" data-action="history-delete" onClick={() => void remove(entry)}>
                {t('historyDelete')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {filtered.length > shown && (
        <button
          type="button"
          data-action="history-more"
          onClick={() => setShown(shown + PAGE_SIZE)}
        >
          {t('historyMore', formatNumber(Math.min(PAGE_SIZE, filtered.length - shown)))}
        </button>
      )}
    </section>
  );
}
