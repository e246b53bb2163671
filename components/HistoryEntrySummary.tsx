import type { HistoryEntry } from '../utils/core/records/history';
import type { LinkStatus } from '../utils/core/republication/report';
import { formatShare } from './format';
import { t, type MessageKey } from './i18n';

const LINK_STATUS: Record<LinkStatus, MessageKey> = {
  article: 'linkArticle',
  site: 'linkSite',
  none: 'linkNone',
};

/**
 * What one history entry was, in a line: a copy; a paste, where it went and whether
 * Linkback added the link; or a page found reusing the article, linked, with whether it
 * links back and how much of the article it reuses. Page titles are rendered as text.
 */
export function HistoryEntrySummary({ entry }: { entry: HistoryEntry }) {
  const { reuse } = entry;
  if (reuse) {
    return (
      <>
        {t('historyReuseFound')}{' '}
        <a href={reuse.pageUrl} target="_blank" rel="noopener noreferrer" data-field="page">
          {reuse.pageTitle || reuse.pageUrl}
        </a>{' '}
        · {t(LINK_STATUS[reuse.linkStatus])}
        {/* A link to the site where the rule asks for the article's: said, as the popup does. */}
        {!reuse.compliant && reuse.linkStatus !== 'none' ? ` (${t('notCompliant')})` : ''} ·{' '}
        {t('reuseShare', formatShare(reuse.reusedShare))}
      </>
    );
  }
  return (
    <>
      {entry.kind === 'copy' ? t('historyCopied') : t('historyPasted', entry.destination ?? '')} ·{' '}
      {entry.linkAdded ? t('historyLinkAdded') : t('historyLinkPresent')}
      {entry.undone ? ` · ${t('historyUndone')}` : ''}
    </>
  );
}
