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
    const services = {
      records: createCopyRecordStore(copyRecordsItem),
      pastes: createBoundedLog<PasteRecord>(pasteRecordsItem, MAX_PASTE_RECORDS),
      pasteIndex: createPasteIndexStore(pasteIndexItem),
      indicator: createActionIndicator(action),
      articles: createArticleStore(openArticleDb()),
      newId: () => crypto.randomUUID(),
      clearLogs: async () => {
        await Promise.all([
          copyRecordsItem.removeValue(),
          pasteRecordsItem.removeValue(),
          pasteIndexItem.removeValue(),
        ]);
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
