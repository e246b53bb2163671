import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { newRecordId, reportToBackground, sendToBackground } from '../utils/platform/messaging';
import { publishPageRuntime } from '../utils/page/page-runtime';
import { startPasteRuntime } from '../utils/page/paste/paste-runtime';
import { startRepublicationCheck } from '../utils/page/republication/page-scan';
import { watchedValue } from '../utils/platform/storage/page-values';
import { PASTE_INDEX, SETTINGS, SITE_CHOICES } from '../utils/platform/storage/stored-items';

// What the all-pages script (content.ts) imports into a frame once the page is used: see
// utils/page/page-runtime.ts. Evaluating it publishes the runtime; nothing runs until called.
export default defineUnlistedScript(() => {
  publishPageRuntime({
    startPaste: (hooks, stored) =>
      startPasteRuntime({
        win: window,
        pasteIndex: watchedValue(PASTE_INDEX, stored),
        settings: watchedValue(SETTINGS, stored),
        siteChoices: watchedValue(SITE_CHOICES, stored),
        // Resent while the background restarts; the id makes it count once.
        recordPaste: (record) => {
          const id = newRecordId();
          void reportToBackground(browser, {
            type: 'paste:record',
            record: { ...record, id },
          }).catch(hooks.onError);
          return id;
        },
        notice: {
          t: (key, substitution) => browser.i18n.getMessage(key, substitution),
          noteUndone: (id) =>
            void reportToBackground(browser, { type: 'paste:undone', id }).catch(hooks.onError),
          quietThisSite: async () => {
            await sendToBackground(browser, { type: 'site:quiet', host: location.hostname });
          },
        },
        ...hooks,
      }),
    startRepublicationCheck: (hooks) =>
      startRepublicationCheck({
        win: window,
        // The title as the page has it when checked: the history names the page by it.
        checkPage: (url, text, links) =>
          sendToBackground(browser, {
            type: 'page:check',
            url,
            title: document.title,
            text,
            links,
          }),
        // The all-pages script asked already (content.ts).
        shouldCheck: async () => true,
        onNavigated: () =>
          void sendToBackground(browser, { type: 'page:navigated' }).catch(hooks.onError),
        ...hooks,
      }),
  });
});
