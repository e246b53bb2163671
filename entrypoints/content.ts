import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  sendToBackground,
  tabMessageListener,
  type BackgroundMessage,
} from '../utils/platform/messaging';
import { isArticleScriptHere } from '../utils/page/article/presence';
import { watchCopyIntent } from '../utils/page/copy/copy-intent';
import { loadPageRuntime, type PageHooks } from '../utils/page/page-runtime';
import { startPasteGate } from '../utils/page/paste/paste-gate';
import type { RepublicationCheck } from '../utils/page/republication/page-scan';
import { readStoredValues, watchedValue } from '../utils/platform/storage/page-values';
import { ARTICLE_SUMMARY, PASTE_STATE_KEYS } from '../utils/platform/storage/stored-items';

// Every page and frame: adds the source link when article text is pasted without it, asks
// for the article script when a copy may follow, and (top frame) checks whether the page
// reuses articles the user read, and links back. It only listens until a page is used; the
// code that acts comes then (utils/page/page-runtime.ts).
// Registered at document_start so its paste listener runs before the page's own.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  // WXT's "script started" announcement to the window costs every frame milliseconds of
  // postMessage, and shows pages the extension's id; its document event does the same job.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const send = <M extends BackgroundMessage>(message: M) => sendToBackground(browser, message);
    const hooks: PageHooks = {
      listen: (target, type, listener) =>
        ctx.addEventListener(target as Window, type as 'paste', listener, { capture: true }),
      onCleanup: (callback) => ctx.onInvalidated(callback),
      onError: logError,
    };
    const runtime = () => loadPageRuntime(browser.runtime.getURL('/page-runtime.js'));

    startPasteGate({
      win: window,
      // The stored state is read while the runtime is imported, not after.
      loadRuntime: () => {
        const stored = readStoredValues(PASTE_STATE_KEYS);
        stored.values.catch(logError);
        return runtime().then((loaded) => loaded.startPaste(hooks, stored));
      },
      listen: hooks.listen,
      onError: logError,
    });

    // Any site may state a reuse rule: the article script comes when a copy may follow.
    if (location.protocol === 'http:' || location.protocol === 'https:') {
      watchCopyIntent({
        doc: document,
        isArticleScriptHere,
        requestArticleScript: () => send({ type: 'article-script:load' }),
        listen: hooks.listen,
        onError: logError,
      });
    }

    if (window.top !== window) return;
    // The check needs the runtime only on a page worth checking: once an article was read,
    // on any site but its publisher's. Most pages stop at this one storage read, after load.
    const startCheck = async () => {
      const { articles, publisherHosts } = await watchedValue(ARTICLE_SUMMARY).getValue();
      if (!articles || publisherHosts.includes(location.hostname.toLowerCase())) return;
      answerPopup((await runtime()).startRepublicationCheck(hooks), hooks);
    };
    const onLoad = () => void startCheck().catch(logError);
    if (document.readyState === 'complete') onLoad();
    else hooks.listen(window, 'load', onLoad);
  },
});

/**
 * The popup asks a checked page for its report. A page that is not checked has none, and no
 * listener either: the popup takes the missing answer as "no report", and the frame is spared
 * building the runtime.onMessage API at document_start (about a millisecond in Chromium).
 */
function answerPopup(check: RepublicationCheck, hooks: PageHooks): void {
  const onMessage = tabMessageListener((message) => {
    if (message.type === 'report:get') return Promise.resolve(check.report());
    if (message.type === 'report:highlight') {
      return Promise.resolve({ highlighted: check.highlight(message.articleUrl) });
    }
    return undefined;
  }, logError);
  browser.runtime.onMessage.addListener(onMessage);
  hooks.onCleanup(() => browser.runtime.onMessage.removeListener(onMessage));
}

function logError(error: unknown): void {
  console.debug('[Linkback]', error);
}
