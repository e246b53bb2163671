import { useState } from 'preact/hooks';
import { EXCERPT_LENGTH } from '../utils/core/records/recent-copies';
import type { CopyRecord } from '../utils/core/records/records';
import { toHttpUrl } from '../utils/core/url';
import { formatDateTime, formatNumber } from './format';
import { t } from './i18n';

/** The newest copies, each linking to its article. Titles and texts come from pages: text only. */
export function RecentCopies({
  records,
  onClear,
}: {
  records: CopyRecord[];
  /** Forgets every copy, paste and read article; resolves when done. */
  onClear(): Promise<void>;
}) {
  const [shown, setShown] = useState(records);
  const [status, setStatus] = useState('');
  const clear = () => {
    if (!confirm(t('clearConfirm'))) return;
    onClear().then(
      () => {
        setShown([]);
        setStatus(t('cleared'));
      },
      (error: unknown) => setStatus(t('loadFailed', String((error as Error)?.message ?? error))),
    );
  };
  records = shown;
  return (
    <section data-testid="recent-copies" class="card" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('recentCopies')}</h2>
      {records.length === 0 ? (
        <p class="empty" data-testid="no-copies">
          {t('noCopies')}
        </p>
      ) : (
        <ul>
          {records.map((record) => {
            const href = toHttpUrl(record.articleUrl);
            return (
              <li key={record.id} data-testid="copy-record">
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer" class="record-title">
                    {record.title ?? href}
                  </a>
                ) : (
                  <span class="record-title">{record.title ?? record.articleUrl}</span>
                )}
                <span class="hint">
                  <time dateTime={new Date(record.copiedAt).toISOString()}>
                    {formatDateTime(record.copiedAt)}
                  </time>{' '}
                  · {t('characters', formatNumber(record.textLength))}
                </span>
                <q class="excerpt">{record.text.slice(0, EXCERPT_LENGTH)}</q>
              </li>
            );
          })}
        </ul>
      )}
      <div class="actions">
        <button type="button" data-action="clear-history" onClick={clear}>
          {t('clearHistory')}
        </button>
      </div>
      <p role="status" aria-live="polite" class="status">
        {status}
      </p>
    </section>
  );
}
