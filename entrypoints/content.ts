import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendToBackground } from '../utils/messaging';
import { startPasteGuard } from '../utils/paste/paste-page';
import { pasteIndexItem, settingsItem } from '../utils/storage';

// Every page and frame: adds the source link when article text is pasted without it.
// Registered at document_start so its capture listener runs before the page's own.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main(ctx) {
    startPasteGuard({
      win: window,
      pasteIndex: pasteIndexItem,
      settings: settingsItem,
      recordPaste: (record) =>
        void sendToBackground(browser, { type: 'paste:record', record }).catch(logError),
      listen: (target, type, listener) =>
        ctx.addEventListener(target as Window, type as 'paste', listener, { capture: true }),
      onCleanup: (callback) => ctx.onInvalidated(callback),
      onError: logError,
    });
  },
});

function logError(error: unknown): void {
  console.debug('[Linkback]', error);
}
