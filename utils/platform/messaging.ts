import type { CitationStyle } from '../core/attribution/citation-styles';
import type { IndexedArticle } from '../core/republication/article-index';
import type { PageReport } from '../core/republication/report';
import type { ArticleState, ArticleView } from '../core/records/article-state';
import type { NewCopyRecord, NewPasteRecord } from '../core/records/records';
import type { HistoryKind } from '../core/records/history';

/** Content scripts → background. */
export type BackgroundMessage =
  | { type: 'article:state'; state: ArticleState }
  | { type: 'copy:record'; record: NewCopyRecord }
  | { type: 'paste:record'; record: NewPasteRecord }
  /** The user undid the link a paste got (the paste notice's Undo). */
  | { type: 'paste:undone'; id: string }
  /**
   * "Not on this site" in the paste notice: Linkback is turned off on the page's own site
   * (the sender policy checks that `host` is the sending page's).
   */
  | { type: 'site:quiet'; host: string }
  /** An article page was read: its body joins the republication index. */
  | {
      type: 'article:read';
      article: Omit<IndexedArticle, 'fingerprintCount' | 'lastSeenAt'>;
      bodyText: string;
    }
  /**
   * A page's visible text and links, to be checked against the articles read. The
   * background fingerprints it: its code is warm, and the page's main thread stays free.
   * The report it answers with is the one the sending tab's badge shows; what it finds is
   * kept in the history, under the page's title.
   */
  | { type: 'page:check'; url: string; title: string; text: string; links: string[] }
  /** The page navigated in-page: the report its badge shows no longer holds. */
  | { type: 'page:navigated' }
  /**
   * The user is about to copy (a selection began) in a frame the article script is not in:
   * the background injects it there, so that it reads the site's rule before the copy lands.
   */
  | { type: 'article-script:load' }
  /** Forget every copy, paste, reuse found and read article ("Clear history", "Clear all"). */
  | { type: 'history:clear' }
  /** Forget one copy, paste or reuse found (the history page's "Delete"). */
  | { type: 'history:delete'; kind: HistoryKind; id: string };

/** Popup → a tab's content scripts. */
export type TabMessage =
  | { type: 'article:get' }
  | { type: 'report:get' }
  | { type: 'report:highlight'; articleUrl: string | null }
  /**
   * "Copy with attribution" or "Copy citation" (the context menu, the keyboard shortcut):
   * the frame copies its selection with the attribution whatever the copy settings say, or
   * the page's citation in the style asked.
   */
  | { type: 'copy:requested'; style: RequestedCopy };

export interface BackgroundReplies {
  'article:state': { ok: true };
  'copy:record': { ok: true; id: string };
  'paste:record': { ok: true; id: string };
  'paste:undone': { ok: true };
  'site:quiet': { ok: true };
  'article:read': { ok: true };
  'page:check': PageReport;
  'page:navigated': { ok: true };
  'article-script:load': { ok: true };
  'history:clear': { ok: true };
  'history:delete': { ok: true };
}

export interface TabReplies {
  'article:get': ArticleView;
  'report:get': PageReport | null;
  'report:highlight': { highlighted: number };
  /** Only a frame that copied answers; the others stay silent. */
  'copy:requested': { copied: true };
}

/** What the user asked to copy: the selection with its attribution, or a citation. */
export type RequestedCopy = 'attribution' | CitationStyle;

/** The narrow slice of the runtime/tabs APIs that messaging needs, so tests can pass fakes. */
export interface MessagingApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
}

export function sendToBackground<M extends BackgroundMessage>(
  api: MessagingApi,
  message: M,
): Promise<BackgroundReplies[M['type']]> {
  return api.runtime.sendMessage(message) as Promise<BackgroundReplies[M['type']]>;
}

/** What browsers say when the background was not there to answer: it may be on a retry. */
const NOT_ANSWERED =
  /could not establish connection|receiving end does not exist|(?:port|channel) closed|before a response|disconnected/i;

/**
 * Sends a record to the background, again after a pause when the background was not there
 * to answer: a service worker stopped mid-message, an event page starting. Every handler
 * replies `{ ok: true }`, so no reply at all (webextension-polyfill resolves a channel that
 * closed unanswered with undefined) counts as unanswered too. Only for messages that count
 * once however often they arrive (records carry their own id).
 */
export async function reportToBackground<M extends BackgroundMessage>(
  api: MessagingApi,
  message: M,
  pauses: readonly number[] = [100, 400, 1_500],
): Promise<BackgroundReplies[M['type']]> {
  for (let attempt = 0; ; attempt++) {
    let unanswered: unknown;
    try {
      const reply = await sendToBackground(api, message);
      if (reply) return reply;
      unanswered = new Error(`${message.type}: the background did not answer`);
    } catch (error) {
      if (!NOT_ANSWERED.test(String((error as Error)?.message ?? error))) throw error;
      unanswered = error;
    }
    const pause = pauses[attempt];
    if (pause === undefined) throw unanswered;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/**
 * An id for a record, made where the record is made. From getRandomValues: randomUUID is
 * missing on http pages (it needs a secure context), where content scripts run too.
 */
export function newRecordId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function sendToTab<M extends TabMessage>(
  api: MessagingApi,
  tabId: number,
  message: M,
): Promise<TabReplies[M['type']]> {
  return api.tabs.sendMessage(tabId, message) as Promise<TabReplies[M['type']]>;
}

/** Every background message type: a record, so a type added to the union must be added here. */
const BACKGROUND_TYPES: Record<BackgroundMessage['type'], true> = {
  'article:state': true,
  'copy:record': true,
  'paste:record': true,
  'paste:undone': true,
  'site:quiet': true,
  'article:read': true,
  'page:check': true,
  'page:navigated': true,
  'article-script:load': true,
  'history:clear': true,
  'history:delete': true,
};

/** Narrows an incoming runtime message; anything else is not ours and is rejected. */
export function isBackgroundMessage(message: unknown): message is BackgroundMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    Object.hasOwn(BACKGROUND_TYPES, (message as { type?: unknown }).type as string)
  );
}

const TAB_TYPES: Record<TabMessage['type'], true> = {
  'article:get': true,
  'report:get': true,
  'report:highlight': true,
  'copy:requested': true,
};

export function isTabMessage(message: unknown): message is TabMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    Object.hasOwn(TAB_TYPES, (message as { type?: unknown }).type as string)
  );
}

/** What a page answers a tab message with: a reply, or undefined for "not mine". */
export type TabAnswer = (message: TabMessage) => Promise<unknown> | undefined;

/**
 * A runtime.onMessage listener for page scripts, answering through `sendResponse`: content
 * scripts use the browser's own API (content-script-browser.ts), and Chromium's does not
 * take a returned promise as the reply, which the polyfill did.
 */
export function tabMessageListener(answer: TabAnswer, onError: (error: unknown) => void) {
  return (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    if (!isTabMessage(message)) return false;
    const reply = answer(message);
    if (!reply) return false;
    reply.then(sendResponse, (error: unknown) => {
      onError(error);
      sendResponse(undefined);
    });
    return true;
  };
}
