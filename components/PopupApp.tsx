import { useEffect, useState } from 'preact/hooks';
import type { ArticleView } from '../utils/core/records/article-state';
import type { PageReport } from '../utils/core/republication/report';
import type { CopyRecord } from '../utils/core/records/records';
import type { StorageHealth } from '../utils/core/records/storage-health';
import { ComplianceReport, type ReportActions } from './ComplianceReport';
import { t } from './i18n';
import { MetadataCard } from './MetadataCard';
import { RecentCopies } from './RecentCopies';
import { RuleCard, type RuleActions } from './RuleCard';
import { siteRuleStatus, type SiteRuleStatus } from '../utils/core/rules/site-choice';
import { parseHttpUrl, siteHost } from '../utils/core/url';
import { StorageNotice } from './StorageNotice';

export interface PopupData {
  /** Null when no Linkback script runs in the tab (any page that is not a publisher's). */
  state: ArticleView | null;
  /** The tab's republication report; null where no check ran (browser pages, the store). */
  report: PageReport | null;
  recent: CopyRecord[];
  /** What went wrong with stored data this session; null when it could not be read. */
  health?: StorageHealth | null;
  /** The tab's address, where the browser tells it (http(s) pages). */
  pageUrl?: string | null;
  /** How many articles the republication check knows; null when unknown. */
  articlesRead?: number | null;
  /**
   * The page will be checked but has no report yet (it is loading, or the check runs in its
   * idle time): the popup says so and follows the report (`followReport`) until it comes.
   */
  checkPending?: boolean;
}

/**
 * Asks the tab for its report again until it has one, calling `onReport` with it, or with
 * null once it gives up; returns a function that stops asking.
 */
export type FollowReport = (onReport: (report: PageReport | null) => void) => () => void;

/** The site the popup speaks of ("caliber.az"), from whichever address is known; null off the web. */
export function popupHost(data: PopupData): string | null {
  const url = parseHttpUrl(data.pageUrl ?? data.state?.url ?? data.report?.url ?? null);
  return url ? siteHost(url.hostname) : null;
}

/** Linkback's icon and name, and the site the popup is about. */
function PopupHeader({ host }: { host: string | null }) {
  return (
    <header class="popup-header">
      <span class="brand-icon" aria-hidden="true" />
      <p class="brand">{t('extName')}</p>
      {host && (
        <p class="site-host" data-testid="popup-host">
          {host}
        </p>
      )}
    </header>
  );
}

/** For someone who has not used Linkback yet: what it does, in the order they will meet it. */
function GettingStarted() {
  return (
    <section class="card" data-testid="getting-started" aria-labelledby="start-heading">
      <h2 id="start-heading">{t('startTitle')}</h2>
      <ol class="steps">
        <li>{t('startRead')}</li>
        <li>{t('startCopy')}</li>
        <li>{t('startCheck')}</li>
      </ol>
    </section>
  );
}

type Load =
  | { status: 'loading' }
  | { status: 'ready'; data: PopupData }
  | { status: 'failed'; message: string };

export function PopupApp({
  load,
  actions,
  followReport,
}: {
  load: () => Promise<PopupData>;
  actions: ReportActions & RuleActions & { openHistory(): void };
  followReport?: FollowReport;
}) {
  const [result, setResult] = useState<Load>({ status: 'loading' });
  // The rule as the user just set it: the tab learns of it through storage, a moment later.
  const [ruleStatus, setRuleStatus] = useState<SiteRuleStatus | null>(null);
  useEffect(() => {
    load().then(
      (data) => setResult({ status: 'ready', data }),
      (error: unknown) =>
        setResult({ status: 'failed', message: String((error as Error)?.message ?? error) }),
    );
  }, [load]);
  const pending = result.status === 'ready' && !!result.data.checkPending;
  useEffect(() => {
    if (!pending || !followReport) return;
    return followReport((report) =>
      setResult((current) =>
        current.status === 'ready'
          ? { ...current, data: { ...current.data, report, checkPending: false } }
          : current,
      ),
    );
  }, [pending, followReport]);

  if (result.status === 'loading') return <p class="empty">{t('loading')}</p>;
  if (result.status === 'failed')
    return (
      <p class="error" role="alert">
        {t('loadFailed', result.message)}
      </p>
    );

  const { state, recent, report, health } = result.data;
  const articlesRead = result.data.articlesRead ?? null;
  const header = <PopupHeader host={popupHost(result.data)} />;
  const rule = ruleStatus ?? state?.rule ?? null;
  const ruleCard = rule && (
    <RuleCard
      status={rule}
      actions={{
        async chooseForSite(host, choice) {
          await actions.chooseForSite(host, choice);
          setRuleStatus(siteRuleStatus(host, rule.found, choice));
        },
      }}
    />
  );
  const footer = (
    <footer class="actions popup-footer">
      <button type="button" data-action="open-history" onClick={() => actions.openHistory()}>
        {t('historyOpen')}
      </button>
      <button type="button" data-action="open-settings" onClick={() => actions.openSettings()}>
        {t('settings')}
      </button>
    </footer>
  );
  if (state?.isArticle && state.metadata) {
    return (
      <>
        {header}
        <MetadataCard state={{ ...state, rule }} />
        {ruleCard}
        {/* Copies from this very page may be the ones storage could not keep. */}
        <StorageNotice health={health ?? null} />
        {footer}
      </>
    );
  }
  // The publisher's own pages quoting its articles are not republication.
  const reportSection = !state?.publisher && (
    <ComplianceReport
      report={report}
      actions={actions}
      articlesRead={articlesRead}
      checking={pending && !!followReport}
    />
  );
  const reused = !!report?.articles.length;
  return (
    <>
      {header}
      {reused && reportSection}
      {ruleCard}
      <StorageNotice health={health ?? null} />
      <section data-testid="not-article" class="card" aria-labelledby="not-article-heading">
        <h2 id="not-article-heading">{t('notArticleTitle')}</h2>
        <p>
          {state?.publisher ? t('publisherNotArticle', state.publisher.name) : t('notArticleBody')}
        </p>
      </section>
      {!articlesRead && recent.length === 0 && <GettingStarted />}
      {!reused && reportSection}
      <RecentCopies records={recent} onClear={actions.clearHistory} />
      {footer}
    </>
  );
}
