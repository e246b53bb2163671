import { useState } from 'preact/hooks';
import { formatHtmlAttribution, formatPlainAttribution } from '../utils/core/attribution/format';
import type { ArticleSpan, PageReport, ReusedArticle } from '../utils/core/republication/report';
import { toHttpUrl } from '../utils/core/url';
import { describeArticleParts, formatDay, formatNumber, formatShare } from './format';
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

/**
 * How much of the article the page reuses, and where in the article it comes from: a bar
 * and a strip, each said in words beside it (the drawings are hidden from screen readers).
 * The strip only when the report knows the places (see articleSpansOf).
 */
export function ReuseMeter({
  coverage,
  spans,
}: {
  coverage: number;
  spans?: readonly ArticleSpan[];
}) {
  // To a hundredth of a percent: finer than any screen draws, with no float noise in the CSS.
  const percent = (share: number) =>
    `${Math.round(Math.min(1, Math.max(0, share)) * 10_000) / 100}%`;
  return (
    <div class="reuse" data-testid="reuse-meter">
      <p class="reuse-text" data-field="reuse-share">
        {t('reuseShare', formatShare(coverage))}
      </p>
      <div class="bar" aria-hidden="true">
        <span class="bar-fill" style={{ width: percent(coverage) }} />
      </div>
      {spans && spans.length > 0 && (
        <>
          <p class="reuse-text" data-field="reuse-places">
            {t('reusePlaces', describeArticleParts(spans))}
          </p>
          <div class="strip" aria-hidden="true" data-testid="reuse-strip">
            {spans.map((span) => (
              <span
                key={span.start}
                class="strip-mark"
                style={{ left: percent(span.start), width: percent(span.end - span.start) }}
              />
            ))}
          </div>
        </>
      )}
    </div>
  );
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
      {(article.siteName || article.publishedAt) && (
        <span class="hint">
          {[article.siteName, formatDay(article.publishedAt)].filter(Boolean).join(' · ')}
        </span>
      )}
      <span class={article.compliant ? 'ok' : 'error'} data-field="link-status">
        {t(LINK_STATUS[article.linkStatus])} — {t(article.compliant ? 'compliant' : 'notCompliant')}
      </span>
      <ReuseMeter coverage={article.coverage} spans={article.articleSpans} />
      <details>
        <summary>
          {t('passages')} ({formatNumber(article.passages.length)})
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
        {status?.text ?? (highlighted === null ? '' : t('highlighted', formatNumber(highlighted)))}
      </p>
    </li>
  );
}

/**
 * Which read articles the page reuses and whether it links back. Page text is shown as text
 * only. With nothing reused, says what the page was compared with (`articlesRead`: how many
 * articles Linkback knows; null when unknown), or, while the page's check is still under way
 * (`checking`), that it is: never "nothing found" before the page was looked at.
 */
export function ComplianceReport({
  report,
  actions,
  articlesRead = null,
  checking = false,
}: {
  report: PageReport | null;
  actions: ReportActions;
  articlesRead?: number | null;
  checking?: boolean;
}) {
  const articles = report?.articles ?? [];
  return (
    <section data-testid="compliance-report" class="card" aria-labelledby="report-heading">
      <h2 id="report-heading">{t('reportTitle')}</h2>
      {checking && !report ? (
        <p class="empty" role="status" data-testid="report-checking">
          {t('reportChecking')}
        </p>
      ) : articles.length === 0 ? (
        <>
          <p class="empty" data-testid="no-reuse">
            {articlesRead === 0 ? t('reportNothingRead') : t('reportNone')}
          </p>
          {!!articlesRead && (
            <p class="hint" data-testid="articles-read">
              {t('reportArticlesRead', formatNumber(articlesRead))}
            </p>
          )}
        </>
      ) : (
        <>
          <p>{t('reportSummary', formatNumber(articles.length))}</p>
          <ul class="reused-list">
            {articles.map((article) => (
              <ReusedArticleItem key={article.url} article={article} actions={actions} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
