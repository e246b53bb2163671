import { urlIdentity } from '../url';
import type { ClipboardPayload } from './format';

const URL_IN_TEXT = /https?:\/\/[^\s<>"'«»]+/gi;

/**
 * True when the payload already links to the article (either flavour), so that copying
 * already-attributed text, or copying twice, never yields a second link.
 */
export function hasAttribution(payload: Partial<ClipboardPayload>, articleUrl: string): boolean {
  const target = urlIdentity(articleUrl);
  if (!target) return false;
  const matches = (candidate: string) =>
    urlIdentity(candidate.replace(/[.,;:)\]]+$/, '')) === target;
  for (const found of payload.plain?.match(URL_IN_TEXT) ?? []) {
    if (matches(found)) return true;
  }
  // The HTML flavour is scanned as text: parsing page-supplied HTML here would cost more
  // than it buys, and an href attribute is all that matters.
  for (const [, href] of payload.html?.matchAll(/href\s*=\s*["']?([^"'\s>]+)/gi) ?? []) {
    if (href && matches(href.replace(/&amp;/g, '&'))) return true;
  }
  return false;
}
