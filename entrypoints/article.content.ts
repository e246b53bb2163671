import DOMPurify from 'dompurify';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createArticlePageModel } from '../utils/copy/article-page';
import { createCopyHandler } from '../utils/copy/copy-handler';
import { SELECTION_SANITIZE_CONFIG } from '../utils/copy/selection-html';
import { isTabMessage, sendToBackground, type BackgroundMessage } from '../utils/messaging';
import { publisherRules } from '../utils/publishers';
import { DEFAULT_SETTINGS, readSettings, settingsItem, type Settings } from '../utils/storage';

// Publisher pages only: recognises the article, answers the popup, attributes copies.
export default defineContentScript({
  matches: publisherRules.flatMap((rule) => rule.hosts.map((host) => `*://${host}/*`)),
  runAt: 'document_idle',
  main(ctx) {
    const page = createArticlePageModel();
    let settings: Settings = DEFAULT_SETTINGS;
    readSettings().then((value) => (settings = value), logError);
    const unwatch = settingsItem.watch((value) => (settings = { ...DEFAULT_SETTINGS, ...value }));
    ctx.onInvalidated(unwatch);

    // The background may be asleep or reloading; a lost report must never break the page.
    const report = (message: BackgroundMessage) =>
      sendToBackground(browser, message).catch(logError);
    const reportState = () => report({ type: 'article:state', state: page.state() });

    ctx.addEventListener(
      window,
      'copy',
      createCopyHandler({
        getContext: page.copyContext,
        getSettings: () => settings,
        sanitize: (html) => {
          // Without a working DOMPurify nothing is sanitised: better no attribution than unsafe HTML.
          if (!DOMPurify.isSupported) throw new Error('DOMPurify is not supported here');
          return DOMPurify.sanitize(html, {
            ...SELECTION_SANITIZE_CONFIG,
            RETURN_DOM_FRAGMENT: true,
          });
        },
        onCopied: (record) => report({ type: 'copy:record', record }),
        onError: logError,
      }),
    );
    ctx.addEventListener(window, 'wxt:locationchange', reportState);

    const onMessage = (message: unknown) => {
      if (isTabMessage(message) && message.type === 'article:get') {
        return Promise.resolve(page.refresh());
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    reportState();
    // The article joins the republication index: pages that reuse it are found later.
    const read = page.readArticle();
    if (read) report({ type: 'article:read', ...read });
  },
});

function logError(error: unknown): void {
  console.debug('[Linkback]', error);
}
