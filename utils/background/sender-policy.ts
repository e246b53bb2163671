import type { BackgroundMessage } from '../messaging';
import { findPublisherRule } from '../publishers';

/** Messages that speak for a publisher's article: only its own pages may send them. */
const PUBLISHER_PAGE_MESSAGES = new Set<BackgroundMessage['type']>([
  'article:read',
  'copy:record',
  'article:state',
]);

/**
 * Whether the background should act on a message from `senderUrl` (the sending frame's
 * URL, as the browser reports it). Article data comes only from publishers' pages, so a
 * script on any other page can never plant an "article" in the indexes.
 */
export function isAllowedSender(
  message: BackgroundMessage,
  senderUrl: string | undefined,
): boolean {
  if (!PUBLISHER_PAGE_MESSAGES.has(message.type)) return true;
  return !!senderUrl && findPublisherRule(senderUrl) !== null;
}
