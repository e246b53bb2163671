import { badgeOf, type Badge } from '../core/republication/report';
import type { BackgroundMessage, BackgroundReplies } from '../platform/messaging';
import type { ArticleState } from '../core/records/article-state';
import { MAX_COPY_RECORDS, type PasteRecord } from '../core/records/records';
import type { ActionIndicator } from './action-indicator';
import type { ArticleStore } from './article-store';
import type { createBoundedLog } from './bounded-log';
import type { CopyRecordStore } from './copy-records';
import type { PasteIndexStore } from './paste-index-store';
import type { ReuseFindingStore } from './reuse-findings';

export interface BackgroundServices {
  /** Empties the copy, paste and reuse logs and the paste index. */
  clearLogs(): Promise<void>;
  records: CopyRecordStore;
  pastes: ReturnType<typeof createBoundedLog<PasteRecord>>;
  /** Pages found reusing a read article, for the history. */
  findings: ReuseFindingStore;
  /** Something the user did or saw could not be kept in the history: the popup says so. */
  noteUnsaved(error: unknown): void;
  pasteIndex: PasteIndexStore;
  indicator: ActionIndicator;
  articles: ArticleStore;
  ruledSites: { noteState(state: ArticleState): Promise<void> };
  /** Turns Linkback off on a site (the paste notice's "Not on this site"). */
  quietSite(host: string): Promise<void>;
  /** Runs the article script in one frame of a tab (see entrypoints/article.content.ts). */
  injectArticleScript(tabId: number, frameId: number): Promise<void>;
  newId(): string;
  now(): number;
}

/**
 * The badge is decided here, where the report is made, for the tab that asked. A tab closed
 * in the meantime has no badge to set: that must not cost the page its report.
 */
async function showReport(
  services: BackgroundServices,
  tabId: number | undefined,
  badge: Badge,
  articles: number,
): Promise<void> {
  if (tabId === undefined) return;
  try {
    await services.indicator.showReport(tabId, badge, articles);
  } catch (error) {
    console.debug('[Linkback] badge not set', error);
  }
}

/** Routes one message from a content script. Throws on a message it does not know. */
export async function handleBackgroundMessage(
  message: BackgroundMessage,
  tabId: number | undefined,
  services: BackgroundServices,
  frameId = 0,
): Promise<BackgroundReplies[BackgroundMessage['type']]> {
  switch (message.type) {
    case 'article:state': {
      const { state } = message;
      // A lost registration costs only the head start on the site's next page.
      await services.ruledSites
        .noteState(state)
        .catch((error: unknown) => console.debug('[Linkback] site not remembered', error));
      if (tabId === undefined) return { ok: true };
      if (state.isArticle && state.publisher) {
        await services.indicator.showArticle(
          tabId,
          state.publisher.name,
          state.metadata?.title ?? null,
        );
      } else {
        await services.indicator.showIdle(tabId);
      }
      return { ok: true };
    }
    case 'copy:record': {
      const record = await services.records.add(message.record);
      await services.pasteIndex.addCopy(record);
      return { ok: true, id: record.id };
    }
    case 'paste:record': {
      // Pages know only the article's address; its title comes from the copy records.
      const copied = (await services.records.recent(MAX_COPY_RECORDS)).find(
        (copy) => copy.articleUrl === message.record.articleUrl,
      );
      const record = await services.pastes.add(
        {
          ...message.record,
          title: message.record.title ?? copied?.title ?? null,
          id: message.record.id ?? services.newId(),
        },
        !!message.record.id,
      );
      return { ok: true, id: record.id };
    }
    case 'paste:undone': {
      await services.pastes.update(
        (paste) => paste.id === message.id,
        (paste) => ({ ...paste, undone: true }),
      );
      return { ok: true };
    }
    case 'site:quiet': {
      await services.quietSite(message.host);
      return { ok: true };
    }
    case 'article:read': {
      const { url, language, placement, hosts } = message.article;
      // Two stores, each on its own: IndexedDB failing (private mode, a blocked upgrade, a
      // full disk) must not keep the article from the paste index in storage, nor the reverse.
      const [indexed, remembered] = await Promise.allSettled([
        services.articles.addArticle(message.article, message.bodyText),
        services.pasteIndex.addRead(
          { url, language, placement, hosts },
          message.bodyText,
          services.now(),
        ),
      ]);
      for (const outcome of [indexed, remembered]) {
        if (outcome.status === 'rejected') throw outcome.reason;
      }
      return { ok: true };
    }
    case 'page:check': {
      const report = await services.articles.checkPage(message.url, message.text, message.links);
      await showReport(services, tabId, badgeOf(report), report.articles.length);
      if (report.articles.length) {
        // The page gets its report (and badge) even when the history cannot keep what was found.
        await services.findings
          .addReport(report, message.title)
          .catch((error: unknown) => services.noteUnsaved(error));
      }
      return report;
    }
    case 'page:navigated': {
      await showReport(services, tabId, '', 0);
      return { ok: true };
    }
    case 'article-script:load': {
      if (tabId !== undefined) await services.injectArticleScript(tabId, frameId);
      return { ok: true };
    }
    case 'history:clear': {
      await Promise.all([services.clearLogs(), services.articles.clear()]);
      return { ok: true };
    }
    case 'history:delete': {
      // Through each store's queue, like every other write. The paste index keeps the
      // copy's fingerprints (hashes, never text) until they are evicted.
      const store = { copy: services.records, paste: services.pastes, reuse: services.findings }[
        message.kind
      ];
      await store.remove((entry) => entry.id === message.id);
      return { ok: true };
    }
    default: {
      const unknown: never = message;
      throw new Error(`Unknown message: ${JSON.stringify(unknown).slice(0, 100)}`);
    }
  }
}
