import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  isTabMessage,
  newRecordId,
  reportToBackground,
  sendToBackground,
  type BackgroundMessage,
} from '../utils/platform/messaging';
import { isArticleScriptHere } from '../utils/page/article/presence';
import { watchCopyIntent } from '../utils/page/copy/copy-intent';
import { startPasteGuard } from '../utils/page/paste/paste-guard';
import { startRepublicationCheck } from '../utils/page/republication/page-scan';
import { watchedValue } from '../utils/platform/storage/page-values';
import {
  ARTICLE_SUMMARY,
  PASTE_INDEX,
  SETTINGS,
  SITE_CHOICES,
} from '../utils/platform/storage/stored-items';

// Every page and frame: adds the source link when article text is pasted without it, asks
// for the article script when a copy may follow, and (top frame) checks whether the page
// reuses articles the user read, and links back.
// Registered at document_start so its paste listener runs before the page's own.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  main(ctx) {
    const send = <M extends BackgroundMessage>(message: M) => sendToBackground(browser, message);
    const listen = (target: EventTarget, type: string, listener: (event: Event) => void) =>
      ctx.addEventListener(target as Window, type as 'paste', listener, { capture: true });
    const onCleanup = (callback: () => void) => ctx.onInvalidated(callback);

    startPasteGuard({
      win: window,
      pasteIndex: watchedValue(PASTE_INDEX),
      settings: watchedValue(SETTINGS),
      siteChoices: watchedValue(SITE_CHOICES),
      // Resent while the background restarts; the id makes it count once.
      recordPaste: (record) => {
        const id = newRecordId();
        void reportToBackground(browser, { type: 'paste:record', record: { ...record, id } }).catch(
          logError,
        );
        return id;
      },
      notice: {
        t: (key, substitution) => browser.i18n.getMessage(key, substitution),
        noteUndone: (id) =>
          void reportToBackground(browser, { type: 'paste:undone', id }).catch(logError),
        quietThisSite: async () => {
          await send({ type: 'site:quiet', host: location.hostname });
        },
      },
      listen,
      onCleanup,
      onError: logError,
    });

    // Any site may state a reuse rule: the article script comes when a copy may follow.
    if (location.protocol === 'http:' || location.protocol === 'https:') {
      watchCopyIntent({
        doc: document,
        isArticleScriptHere,
        requestArticleScript: () => send({ type: 'article-script:load' }),
        listen,
        onError: logError,
      });
    }

    if (window.top !== window) return;
    const articleSummary = watchedValue(ARTICLE_SUMMARY);
    const check = startRepublicationCheck({
      win: window,
      // The title as the page has it when checked: the history names the page by it.
      checkPage: (url, text, links) =>
        send({ type: 'page:check', url, title: document.title, text, links }),
      shouldCheck: async () => {
        const { articles, publisherHosts } = await articleSummary.getValue();
        return articles > 0 && !publisherHosts.includes(location.hostname.toLowerCase());
      },
      onNavigated: () => void send({ type: 'page:navigated' }).catch(logError),
      listen,
      onCleanup,
      onError: logError,
    });
    const onMessage = (message: unknown) => {
      if (!isTabMessage(message)) return undefined;
      if (message.type === 'report:get') return Promise.resolve(check.report());
      if (message.type === 'report:highlight') {
        return Promise.resolve({ highlighted: check.highlight(message.articleUrl) });
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    onCleanup(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});

function logError(error: unknown): void {
  console.debug('[Linkback]', error);
}
