import type { StorageHealth } from '../utils/core/records/storage-health';
import { formatNumber } from './format';
import { t } from './i18n';

/**
 * Says what went wrong with Linkback's stored data in this session (see StorageHealth):
 * records that could not be saved, unreadable entries removed, an index rebuilt. Nothing
 * when all is well.
 */
export function StorageNotice({ health }: { health: StorageHealth | null }) {
  if (!health) return null;
  const lines = [
    health.unsavedRecords > 0 && t('storageUnsaved', formatNumber(health.unsavedRecords)),
    // Absent in a health log kept by an older version in this session.
    (health.evictedRecords ?? 0) > 0 &&
      t('storageEvicted', formatNumber(health.evictedRecords ?? 0)),
    (health.unrememberedArticles ?? 0) > 0 &&
      t('articlesUnremembered', formatNumber(health.unrememberedArticles ?? 0)),
    health.droppedEntries > 0 && t('storageRepaired', formatNumber(health.droppedEntries)),
    health.pasteIndexRebuilt && t('pasteIndexRebuilt'),
  ].filter((line): line is string => !!line);
  if (!lines.length) return null;
  return (
    <section class="card notice" role="status" data-testid="storage-notice">
      <h2>{t('storageNoticeTitle')}</h2>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {health.lastError && <p class="hint">{health.lastError}</p>}
    </section>
  );
}
