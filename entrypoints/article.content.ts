import DOMPurify from 'dompurify';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createArticlePageModel } from '../utils/page/article/article-page';
import { markArticleScriptHere } from '../utils/page/article/presence';
import { createCopyHandler } from '../utils/page/copy/copy-handler';
import { SELECTION_SANITIZE_CONFIG } from '../utils/page/copy/selection-html';
import {
  tabMessageListener,
  newRecordId,
  type RequestedCopy,
  reportToBackground,
  sendToBackground,
  type BackgroundMessage,
} from '../utils/platform/messaging';
import { publisherRules } from '../utils/core/publishers';
import { followValue, watchedValue } from '../utils/platform/storage/page-values';
import { SETTINGS, SITE_CHOICES } from '../utils/platform/storage/stored-items';

/** How long an in-page navigation gets to render before the page is read again. */
const SETTLE_AFTER_NAVIGATION_MS = 1_000;

// Recognises the article and the site's reuse rule, answers the popup, attributes copies.
// Loaded with the page on the built-in publishers' sites; on any other site, injected when
// the user begins a selection or opens the popup (utils/page/copy/copy-intent.ts).
export default defineContentScript({
  matches: publisherRules.flatMap((rule) => rule.hosts.map((host) => `*://${host}/*`)),
  runAt: 'document_idle',
  // WXT's "script started" announcement to the window costs every frame milliseconds of
  // postMessage, and shows pages the extension's id; its document event does the same job.
  noScriptStartedPostMessage: true,
  main(ctx) {
    ctx.onInvalidated(markArticleScriptHere());
    const follow = <T>(value: Parameters<typeof followValue<T>>[0]) =>
      followValue(value, {
        onCleanup: (callback) => ctx.onInvalidated(callback),
        onError: logError,
      });
    const settings = follow(watchedValue(SETTINGS));
    const siteChoices = follow(watchedValue(SITE_CHOICES));
    const page = createArticlePageModel(document, () => location.href, {
      siteChoices,
      // Text the reader cannot see is no notice: computed style, where the browser has it.
      isVisible: (element) => element.checkVisibility?.({ visibilityProperty: true }) ?? true,
    });

    // The background may be asleep or reloading; a lost report must never break the page.
    const report = (message: BackgroundMessage) =>
      sendToBackground(browser, message).catch(logError);
    /** The toolbar shows the page's state; an article joins the republication index. */
    const announcePage = () => {
      report({ type: 'article:state', state: page.state() });
      // A task of its own: on a huge page, reading the body is as long as all the rest.
      ctx.setTimeout(() => {
        const read = page.readArticle();
        if (read) report({ type: 'article:read', ...read });
      }, 0);
    };

    // What the user asked for from the context menu or the shortcut: read by the very copy
    // that document.execCommand('copy') fires below, then forgotten.
    let requested: RequestedCopy | null = null;
    ctx.addEventListener(
      window,
      'copy',
      createCopyHandler({
        getContext: page.copyContext,
        takeRequest: () => {
          const request = requested;
          requested = null;
          return request;
        },
        getSettings: settings,
        interfaceLanguage: () => browser.i18n.getUILanguage(),
        sanitize: (html) => {
          // Without a working DOMPurify nothing is sanitised: better no attribution than unsafe HTML.
          if (!DOMPurify.isSupported) throw new Error('DOMPurify is not supported here');
          return DOMPurify.sanitize(html, {
            ...SELECTION_SANITIZE_CONFIG,
            RETURN_DOM_FRAGMENT: true,
          });
        },
        // Resent while the background restarts; the id makes it count once.
        onCopied: (record) =>
          reportToBackground(browser, {
            type: 'copy:record',
            record: { ...record, id: newRecordId() },
          }).catch(logError),
        onError: logError,
      }),
    );
    // The site navigates in-page: once the new page has rendered, read it afresh.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(() => {
        page.refresh();
        announcePage();
      }, SETTLE_AFTER_NAVIGATION_MS);
    });

    const onMessage = tabMessageListener((message) => {
      if (message.type === 'article:get') return Promise.resolve(page.view());
      if (message.type === 'copy:requested') {
        // The shortcut asks every frame: the one with a selection copies it. A citation
        // needs none: the context menu asks the frame it was opened on.
        const hasSelection = !document.getSelection()?.isCollapsed;
        if (message.style === 'attribution' && !hasSelection) return undefined;
        requested = message.style;
        // Allowed without a user's gesture by the clipboardWrite permission.
        const copied = document.execCommand('copy');
        requested = null;
        return copied ? Promise.resolve({ copied: true }) : undefined;
      }
      return undefined;
    }, logError);
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // Not in the script's own evaluation task, which is long enough on a huge page.
    ctx.setTimeout(announcePage, 0);
  },
});

function logError(error: unknown): void {
  console.debug('[Linkback]', error);
}
