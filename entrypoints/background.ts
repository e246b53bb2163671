import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  createActionIndicator,
  localisedTitles,
  type ActionApi,
} from '../utils/background/action-indicator';
import { createArticleStore } from '../utils/background/article-store';
import { createBoundedLog, sameId } from '../utils/background/bounded-log';
import { createCopyRecordStore } from '../utils/background/copy-records';
import { createPasteIndexStore } from '../utils/background/paste-index-store';
import { handleBackgroundMessage } from '../utils/background/handle-message';
import { createReuseFindingStore } from '../utils/background/reuse-findings';
import { withRecentCopies } from '../utils/background/recent-copies';
import { openArticleDb } from '../utils/platform/indexed-db';
import {
  injectArticleScript,
  registerArticleScript,
  type RegistrationApi,
  type ScriptingApi,
} from '../utils/platform/article-script';
import { createRuledSites, sitePatterns } from '../utils/background/ruled-sites';
import { isAllowedSender } from '../utils/background/sender-policy';
import { quietSite } from '../utils/background/site-choices';
import { createStorageHealth } from '../utils/background/storage-health';
import { repairStoredState } from '../utils/background/stored-state-repair';
import {
  isBackgroundMessage,
  type BackgroundMessage,
  type TabMessage,
} from '../utils/platform/messaging';
import {
  COPY_COMMAND,
  createCopyMenus,
  menuRequest,
  requestCopy,
  type MenusApi,
} from '../utils/background/copy-commands';
import {
  copyRecordsItem,
  articleSummaryItem,
  pasteIndexItem,
  pasteRecordsItem,
  recentCopiesItem,
  reuseFindingsItem,
  ruledSitesItem,
  settingsItem,
  siteChoicesItem,
  storageHealthItem,
} from '../utils/platform/storage/items';
import { MAX_PASTE_RECORDS, type PasteRecord } from '../utils/core/records/records';
import { retentionChanged } from '../utils/core/records/settings';

/** Messages that record something the user did: a failure to store them is reported. */
const RECORDING = new Set<BackgroundMessage['type']>(['copy:record', 'paste:record']);

// Wiring only. Every handler starts cold: all state lives in storage, so a restarted
// service worker (MV3) or event page (Firefox MV2) answers like the one before.
export default defineBackground({
  // Firefox MV2: an event page that unloads when idle, like Chrome's service worker.
  persistent: false,
  main() {
    // MV3 has `action`; Firefox MV2 has `browserAction` with the same calls.
    const action = (browser.action ?? browser.browserAction) as unknown as ActionApi;
    const health = createStorageHealth(storageHealthItem);
    const onEvicted = (count: number) => void health.noteEvicted(count);
    // The user's retention (settings.ts): read at each write, so a change applies at once.
    const readRetention = () => settingsItem.getValue();
    // Every write of the copy log writes the popup's digest of it too.
    const copyLog = withRecentCopies(copyRecordsItem, recentCopiesItem);
    const records = createCopyRecordStore(copyLog, undefined, undefined, {
      onEvicted,
      readRetention,
    });
    const pastes = createBoundedLog<PasteRecord>(pasteRecordsItem, MAX_PASTE_RECORDS, {
      findSame: sameId,
      onEvicted,
      retention: { read: readRetention, timeOf: (paste) => paste.pastedAt },
    });
    const findings = createReuseFindingStore(reuseFindingsItem, undefined, {
      onEvicted,
      readRetention,
    });
    const historyLogs = [records, pastes, findings];
    const pasteIndex = createPasteIndexStore(pasteIndexItem, () => copyLog.getValue());
    // Nothing is handled before the stored state has been checked (once per session).
    const ready = repairStoredState(
      [
        copyLog,
        pasteRecordsItem,
        reuseFindingsItem,
        settingsItem,
        siteChoicesItem,
        ruledSitesItem,
      ] as Parameters<typeof repairStoredState>[0],
      pasteIndex,
      health,
      historyLogs,
      [copyLog],
    ).catch((error: unknown) => console.warn('[Linkback] stored state check failed', error));
    // A smaller retention chosen in the options applies now, not at the next copy.
    settingsItem.watch((settings, previous) => {
      if (!retentionChanged(previous, settings)) return;
      void ready
        .then(() => Promise.all(historyLogs.map((log) => log.prune())))
        .catch((error: unknown) => console.warn('[Linkback] retention not applied', error));
    });
    const ruledSites = createRuledSites(ruledSitesItem, (sites) =>
      registerArticleScript(browser as unknown as RegistrationApi, sitePatterns(sites)),
    );
    void ready
      .then(() => ruledSites.restore())
      .catch((error: unknown) => console.warn('[Linkback] ruled sites not registered', error));
    const services = {
      ruledSites,
      records,
      pastes,
      findings,
      noteUnsaved: (error: unknown) => void health.noteUnsaved(error),
      pasteIndex,
      indicator: createActionIndicator(
        action,
        localisedTitles((key, substitutions) =>
          browser.i18n.getMessage(key as never, substitutions),
        ),
      ),
      articles: createArticleStore(openArticleDb(), Date.now, (summary) =>
        articleSummaryItem.setValue(summary),
      ),
      injectArticleScript: (tabId: number, frameId: number) =>
        injectArticleScript(browser as unknown as ScriptingApi, tabId, frameId),
      quietSite: (host: string) => quietSite(siteChoicesItem, host),
      newId: () => crypto.randomUUID(),
      now: () => Date.now(),
      // Through each store's own queue, so a write under way cannot bring entries back.
      clearLogs: async () => {
        await Promise.all([records.clear(), pastes.clear(), findings.clear(), pasteIndex.clear()]);
      },
    };

    // Copy with attribution / Copy citation: the context menu and the keyboard shortcut.
    const copyRequests = {
      sendToFrames: (tabId: number, message: TabMessage, frameId?: number) =>
        frameId === undefined
          ? browser.tabs.sendMessage(tabId, message)
          : browser.tabs.sendMessage(tabId, message, { frameId }),
      injectArticleScript: services.injectArticleScript,
    };
    // Firefox has contextMenus too (an alias of its `menus`).
    const menus = browser.contextMenus as unknown as MenusApi;
    browser.runtime.onInstalled.addListener(() => {
      createCopyMenus(menus, (key) => browser.i18n.getMessage(key)).catch((error: unknown) =>
        console.warn('[Linkback] context menu not created', error),
      );
    });
    browser.contextMenus.onClicked.addListener((info, tab) => {
      const style = menuRequest(info.menuItemId);
      if (!style || tab?.id === undefined) return;
      void requestCopy(copyRequests, tab.id, info.frameId ?? 0, style).catch((error: unknown) =>
        console.warn('[Linkback] copy not made', error),
      );
    });
    browser.commands.onCommand.addListener((command, tab) => {
      if (command !== COPY_COMMAND || tab?.id === undefined) return;
      void requestCopy(copyRequests, tab.id, undefined, 'attribution').catch((error: unknown) =>
        console.warn('[Linkback] copy not made', error),
      );
    });

    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (!isBackgroundMessage(message)) return undefined;
      if (!isAllowedSender(message, sender.url, browser.runtime.getURL('/'), sender.tab?.url)) {
        return Promise.reject(new Error(`${message.type} is not accepted from this page`));
      }
      return ready
        .then(() => handleBackgroundMessage(message, sender.tab?.id, services, sender.frameId))
        .catch((error: unknown) => {
          // The user's copy or paste went through; its record did not: say so in the popup.
          if (RECORDING.has(message.type)) void health.noteUnsaved(error);
          // An article read but not remembered (IndexedDB failing): its reuse goes unseen.
          if (message.type === 'article:read') void health.noteUnremembered(error);
          throw error;
        });
    });
  },
});
