import { MAX_REUSE_FINDINGS, type ReuseFinding } from '../core/records/records';
import { findingsOfReport, isSameFinding } from '../core/records/reuse-findings';
import type { PageReport } from '../core/republication/report';
import { createBoundedLog, type LogItem, type LogStoreOptions } from './bounded-log';

/**
 * Keeps what republication checks found, newest first: one entry per page and article, the
 * latest check's (a page is checked at load and again as it changes; each check would
 * otherwise add the same finding).
 */
export function createReuseFindingStore(
  item: LogItem<ReuseFinding>,
  newId: () => string = () => crypto.randomUUID(),
  options: LogStoreOptions = {},
) {
  const { onEvicted, readRetention } = options;
  const log = createBoundedLog<ReuseFinding>(item, MAX_REUSE_FINDINGS, {
    onEvicted,
    retention: readRetention && { read: readRetention, timeOf: (finding) => finding.foundAt },
    supersedes: isSameFinding,
  });
  return {
    /** Keeps what `report` found on the page titled `pageTitle` (nothing, for a page that reuses nothing). */
    async addReport(report: PageReport, pageTitle: string): Promise<ReuseFinding[]> {
      const added: ReuseFinding[] = [];
      // The report lists the most reused article first: it is added last, to come first.
      for (const finding of findingsOfReport(report, pageTitle).reverse()) {
        added.unshift(await log.add({ ...finding, id: newId() }));
      }
      return added;
    },
    recent: log.recent,
    remove: log.remove,
    prune: log.prune,
    clear: log.clear,
  };
}

export type ReuseFindingStore = ReturnType<typeof createReuseFindingStore>;
