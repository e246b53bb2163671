import { urlIdentity } from '../url';
import { ATTRIBUTION_LABELS, type ClipboardPayload } from './format';

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

/** A "Label: URL" line that ends or starts a text, as Linkback writes it. */
export interface AttributionLine {
  /** The text without the line and the blank line that separates it. */
  text: string;
  /** The line itself, e.g. "Source: https://…". */
  line: string;
  placement: 'start' | 'end';
}

const LABEL_PATTERN = ATTRIBUTION_LABELS.map((label) =>
  label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
).join('|');
const LINE_AT_END = new RegExp(`\\r?\\n\\r?\\n((?:${LABEL_PATTERN}): https?://\\S+)\\s*$`, 'u');
const LINE_AT_START = new RegExp(`^((?:${LABEL_PATTERN}): https?://\\S+)\\r?\\n\\r?\\n`, 'u');

/**
 * The attribution line at the end (or start) of pasted plain text, in Linkback's format. Only
 * a candidate: the caller checks that the text is a copy Linkback knows, with this very line.
 */
export function findAttributionLine(plain: string): AttributionLine | null {
  const [atEnd, endLine] = LINE_AT_END.exec(plain) ?? [];
  if (atEnd && endLine) {
    return { text: plain.slice(0, plain.length - atEnd.length), line: endLine, placement: 'end' };
  }
  const [atStart, startLine] = LINE_AT_START.exec(plain) ?? [];
  if (atStart && startLine) {
    return { text: plain.slice(atStart.length), line: startLine, placement: 'start' };
  }
  return null;
}
