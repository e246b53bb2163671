import type { BackgroundMessage } from '../platform/messaging';
import { normaliseHost, parseHttpUrl } from '../core/url';

/** Who may send each message. Exhaustive: a new message type must say who may send it. */
const SENDERS: Record<
  BackgroundMessage['type'],
  'web-page' | 'any-page' | 'extension-page' | 'own-site'
> = {
  // They speak for an article on the web: any site may state a reuse rule, but only a web
  // page can be an article (not another extension, not the popup).
  'article:state': 'web-page',
  'article:read': 'web-page',
  'copy:record': 'web-page',
  'article-script:load': 'web-page',
  // The all-pages content script sends these from wherever the user is.
  'paste:record': 'any-page',
  'page:check': 'any-page',
  'page:navigated': 'any-page',
  'paste:undone': 'any-page',
  // A page may turn Linkback off for its own site only, when the user says so in its notice.
  'site:quiet': 'own-site',
  // Forgetting the history is the user's decision, taken in the popup.
  'history:clear': 'extension-page',
  'history:delete': 'extension-page',
};

/**
 * Whether the background should act on a message from `senderUrl` (the sending frame's
 * URL, as the browser reports it). Article data comes only from http(s) pages, where the
 * article script reads a rule the page states, and only the extension's own pages
 * (`extensionOrigin`) may clear the history. Web pages and other
 * extensions cannot reach runtime.onMessage at all (no externally_connectable, no
 * onMessageExternal listener).
 */
export function isAllowedSender(
  message: BackgroundMessage,
  senderUrl: string | undefined,
  extensionOrigin: string,
  /** The sending tab's URL: a frame without one of its own (about:blank) speaks for its tab. */
  tabUrl?: string,
): boolean {
  if (!senderUrl) return false;
  switch (SENDERS[message.type]) {
    case 'web-page':
      return parseHttpUrl(senderUrl) !== null;
    case 'extension-page':
      return senderUrl.startsWith(extensionOrigin);
    case 'any-page':
      return true;
    case 'own-site': {
      if (message.type !== 'site:quiet') return false;
      const host = normaliseHost(message.host);
      return [senderUrl, tabUrl].some((url) => {
        const parsed = url ? parseHttpUrl(url) : null;
        return parsed !== null && normaliseHost(parsed.hostname) === host;
      });
    }
  }
}
