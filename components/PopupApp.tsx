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
import { StorageNotice } from './StorageNotice';

export interface PopupData {
  /** Null when no Linkback script runs in the tab (any page that is not a publisher's). */
  state: ArticleView | null;
  /** The tab's republication report; null where no check ran (browser pages, the store). */
  report: PageReport | null;
  recent: CopyRecord[];
  /** What went wrong with stored data this session; null when it could not be read. */
  health?: StorageHealth | null;
}

type Load =
  | { status: 'loading' }
  | { status: 'ready'; data: PopupData }
  | { status: 'failed'; message: string };

export function PopupApp({
  load,
  actions,
}: {
  load: () => Promise<PopupData>;
  actions: ReportActions & RuleActions & { openHistory(): void };
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

  if (result.status === 'loading') return <p class="empty">{t('loading')}</p>;
  if (result.status === 'failed')
    return (
      <p class="error" role="alert">
        {t('loadFailed', result.message)}
      </p>
    );

  const { state, recent, report, health } = result.data;
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
    <footer class="actions">
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
        <MetadataCard state={{ ...state, rule }} />
        {ruleCard}
        {/* Copies from this very page may be the ones storage could not keep. */}
        <StorageNotice health={health ?? null} />
        {footer}
      </>
    );
  }
  return (
    <>
      {/* The publisher's own pages quoting its articles are not republication. */}
      {!state?.publisher && <ComplianceReport report={report} actions={actions} />}
      {ruleCard}
      <section data-testid="not-article" class="card">
        <h2>{t('notArticleTitle')}</h2>
        <p>
          {state?.publisher ? t('publisherNotArticle', state.publisher.name) : t('notArticleBody')}
        </p>
      </section>
      <StorageNotice health={health ?? null} />
      <RecentCopies records={recent} onClear={actions.clearHistory} />
      {footer}
    </>
  );
}
