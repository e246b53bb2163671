import type { BackgroundMessage } from '../platform/messaging';
import { findPublisherRule } from '../core/publishers';

/** Who may send each message. Exhaustive: a new message type must say who may send it. */
const SENDERS: Record<BackgroundMessage['type'], 'publisher-page' | 'any-page' | 'extension-page'> =
  {
    // They speak for a publisher's article: only its own pages may send them.
    'article:state': 'publisher-page',
    'article:read': 'publisher-page',
    'copy:record': 'publisher-page',
    // The all-pages content script sends these from wherever the user is.
    'paste:record': 'any-page',
    'page:check': 'any-page',
    'page:navigated': 'any-page',
    // Forgetting the history is the user's decision, taken in the popup.
    'history:clear': 'extension-page',
  };

/**
 * Whether the background should act on a message from `senderUrl` (the sending frame's
 * URL, as the browser reports it). Article data comes only from publishers' pages, so a
 * script on any other page can never plant an "article" in the indexes, and only the
 * extension's own pages (`extensionOrigin`) may clear the history. Web pages and other
 * extensions cannot reach runtime.onMessage at all (no externally_connectable, no
 * onMessageExternal listener).
 */
export function isAllowedSender(
  message: BackgroundMessage,
  senderUrl: string | undefined,
  extensionOrigin: string,
): boolean {
  if (!senderUrl) return false;
  switch (SENDERS[message.type]) {
    case 'publisher-page':
      return findPublisherRule(senderUrl) !== null;
    case 'extension-page':
      return senderUrl.startsWith(extensionOrigin);
    case 'any-page':
      return true;
  }
}
