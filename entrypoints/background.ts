import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createActionIndicator, type ActionApi } from '../utils/background/action-indicator';
import { createArticleStore } from '../utils/background/article-store';
import { createBoundedLog } from '../utils/background/bounded-log';
import { createCopyRecordStore } from '../utils/background/copy-records';
import { createPasteIndexStore } from '../utils/background/paste-index-store';
import { handleBackgroundMessage } from '../utils/background/handle-message';
import { openArticleDb } from '../utils/background/indexed-db';
import { isAllowedSender } from '../utils/background/sender-policy';
import { isBackgroundMessage } from '../utils/messaging';
import {
  copyRecordsItem,
  MAX_PASTE_RECORDS,
  articleSummaryItem,
  pasteIndexItem,
  pasteRecordsItem,
  type PasteRecord,
} from '../utils/storage';

// Wiring only. Every handler starts cold: all state lives in storage, so a restarted
// service worker (MV3) or event page (Firefox MV2) answers like the one before.
export default defineBackground({
  // Firefox MV2: an event page that unloads when idle, like Chrome's service worker.
  persistent: false,
  main() {
    // MV3 has `action`; Firefox MV2 has `browserAction` with the same calls.
    const action = (browser.action ?? browser.browserAction) as unknown as ActionApi;
    const records = createCopyRecordStore(copyRecordsItem);
    const pastes = createBoundedLog<PasteRecord>(pasteRecordsItem, MAX_PASTE_RECORDS);
    const pasteIndex = createPasteIndexStore(pasteIndexItem);
    const services = {
      records,
      pastes,
      pasteIndex,
      indicator: createActionIndicator(action),
      articles: createArticleStore(openArticleDb(), Date.now, (summary) =>
        articleSummaryItem.setValue(summary),
      ),
      newId: () => crypto.randomUUID(),
      now: () => Date.now(),
      // Through each store's own queue, so a write under way cannot bring entries back.
      clearLogs: async () => {
        await Promise.all([records.clear(), pastes.clear(), pasteIndex.clear()]);
      },
    };

    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (!isBackgroundMessage(message)) return undefined;
      if (!isAllowedSender(message, sender.url)) {
        return Promise.reject(new Error(`${message.type} is not accepted from this page`));
      }
      return handleBackgroundMessage(message, sender.tab?.id, services);
    });
  },
});
