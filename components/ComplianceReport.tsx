import { useState } from 'preact/hooks';
import { formatHtmlAttribution, formatPlainAttribution } from '../utils/core/attribution/format';
import type { PageReport, ReusedArticle } from '../utils/core/republication/report';
import { toHttpUrl } from '../utils/core/url';
import { t, type MessageKey } from './i18n';
import { useClipboardWriter } from './useClipboardWriter';

const LINK_STATUS: Record<ReusedArticle['linkStatus'], MessageKey> = {
  article: 'linkArticle',
  site: 'linkSite',
  none: 'linkNone',
};

export interface ReportActions {
  /** Highlights the article's passages on the page; resolves with how many. */
  highlight(articleUrl: string): Promise<number>;
  /** Forgets every copy, paste and read article. */
  clearHistory(): Promise<void>;
  /** Opens the settings page. */
  openSettings(): void;
}

function ReusedArticleItem({
  article,
  actions,
}: {
  article: ReusedArticle;
  actions: ReportActions;
}) {
  const { status, write } = useClipboardWriter();
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const href = toHttpUrl(article.url);
  const source = {
    url: article.url,
    title: article.title,
    siteName: article.siteName,
    language: article.language,
  };
  return (
    <li
      data-testid="reused-article"
      data-compliant={String(article.compliant)}
      data-link-status={article.linkStatus}
    >
      {href ? (
        <a
          class="record-title"
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          data-field="article-title"
        >
          {article.title ?? href}
        </a>
      ) : (
        <span class="record-title">{article.title ?? article.url}</span>
      )}
      <span class="hint">
        {[article.siteName, article.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ')} ·{' '}
        {t('reused', Math.round(article.coverage * 100))}
      </span>
      <span class={article.compliant ? 'ok' : 'error'} data-field="link-status">
        {t(LINK_STATUS[article.linkStatus])} — {t(article.compliant ? 'compliant' : 'notCompliant')}
      </span>
      <details>
        <summary>
          {t('passages')} ({article.passages.length})
        </summary>
        <ul>
          {article.passages.slice(0, 5).map((passage) => (
            <li key={passage.start}>
              <q class="excerpt" data-testid="passage">
                {passage.quote}
              </q>
            </li>
          ))}
        </ul>
      </details>
      <div class="actions" role="group">
        <button
          type="button"
          data-action="highlight"
          onClick={() =>
            actions.highlight(article.url).then(setHighlighted, () => setHighlighted(0))
          }
        >
          {t('highlight')}
        </button>
        {!article.compliant && (
          <button
            type="button"
            data-action="copy-missing-link"
            onClick={() =>
              write({ plain: formatPlainAttribution(source), html: formatHtmlAttribution(source) })
            }
          >
            {t('copyMissingLink')}
          </button>
        )}
      </div>
      <p role="status" aria-live="polite" class={status && !status.ok ? 'error' : 'status'}>
        {status?.text ?? (highlighted === null ? '' : t('highlighted', highlighted))}
      </p>
    </li>
  );
}

/** Which read articles the page reuses and whether it links back. Page text is shown as text only. */
export function ComplianceReport({
  report,
  actions,
}: {
  report: PageReport | null;
  actions: ReportActions;
}) {
  const articles = report?.articles ?? [];
  return (
    <section data-testid="compliance-report" aria-labelledby="report-heading">
      <h2 id="report-heading">{t('reportTitle')}</h2>
      {articles.length === 0 ? (
        <p class="empty" data-testid="no-reuse">
          {t('reportNone')}
        </p>
      ) : (
        <>
          <p>{t('reportSummary', articles.length)}</p>
          <ul>
            {articles.map((article) => (
              <ReusedArticleItem key={article.url} article={article} actions={actions} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
