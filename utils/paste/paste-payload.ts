import {
  appendAttribution,
  escapeHtml,
  formatPlainAttribution,
  type AttributionSource,
  type ClipboardPayload,
} from '../attribution/format';
import type { LinkPlacement } from '../publishers/types';
import type { AttributedTargetKind } from './paste-target';

/** Plain text as HTML paragraphs: blank lines split paragraphs, single newlines are line breaks. */
export function plainTextToHtml(plain: string): string {
  return plain
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

const FRAGMENT_END = '<!--EndFragment-->';
const FRAGMENT_START = '<!--StartFragment-->';

/**
 * Adds an HTML snippet inside the clipboard's fragment markers or body when the pasted HTML
 * is a whole document (Chrome and Windows wrap copies like that), so editors keep it.
 */
function insertIntoHtml(html: string, snippet: string, placement: LinkPlacement): string {
  if (placement === 'end') {
    const marker = html.lastIndexOf(FRAGMENT_END);
    if (marker >= 0) return html.slice(0, marker) + snippet + html.slice(marker);
    const body = html.search(/<\/body\s*>/i);
    if (body >= 0) return html.slice(0, body) + snippet + html.slice(body);
    return html + snippet;
  }
  const marker = html.indexOf(FRAGMENT_START);
  if (marker >= 0) {
    const at = marker + FRAGMENT_START.length;
    return html.slice(0, at) + snippet + html.slice(at);
  }
  const body = /<body[^>]*>/i.exec(html);
  if (body) {
    const at = body.index + body[0].length;
    return html.slice(0, at) + snippet + html.slice(at);
  }
  return snippet + html;
}

/** Where the paste lands, as far as the attribution's shape depends on it. */
export interface PasteSpot {
  kind: AttributedTargetKind;
  /** A one-line field (`<input>`): line breaks would be turned into spaces or dropped. */
  singleLine: boolean;
  /** Text follows the caret in its line or block: what ends the paste must not touch it. */
  textFollows: boolean;
}

/**
 * What the editor receives instead of the user's paste: the same content plus exactly one
 * attribution. Plain and code targets get text only; rich targets get both flavours, the
 * HTML built from the text when the clipboard had none, so the link is a real link.
 */
export function buildPastePayload(
  pasted: ClipboardPayload,
  source: AttributionSource,
  placement: LinkPlacement,
  spot: PasteSpot,
): ClipboardPayload {
  let payload: ClipboardPayload;
  if (spot.kind !== 'rich') {
    const line = formatPlainAttribution(source);
    const text = pasted.plain.replace(/\s+$/, '');
    const gap = spot.singleLine ? ' ' : '\n\n';
    payload = {
      plain: placement === 'start' ? `${line}${gap}${pasted.plain}` : `${text}${gap}${line}`,
      html: '',
    };
  } else {
    const html = pasted.html.trim() ? pasted.html : plainTextToHtml(pasted.plain);
    const withLink = appendAttribution({ plain: pasted.plain, html: '' }, source, placement);
    payload = { plain: withLink.plain, html: insertIntoHtml(html, withLink.html, placement) };
  }
  return placement === 'end' ? separateFromFollowingText(payload, spot) : payload;
}

/** A block of its own for the text after the caret; `<br>` keeps editors from dropping it. */
const EMPTY_BLOCK = '<p><br></p>';

/**
 * Ends a paste whose last line is an attribution with a separator when text follows the
 * caret, so the URL never runs into the next word: a space in one-line fields, a line break
 * in text and code, an empty block in rich editors (whose paste splits the caret's block:
 * the text after the caret moves into that block).
 */
export function separateFromFollowingText(
  payload: ClipboardPayload,
  spot: PasteSpot,
): ClipboardPayload {
  if (!spot.textFollows) return payload;
  if (spot.kind !== 'rich')
    return { plain: payload.plain + (spot.singleLine ? ' ' : '\n'), html: '' };
  return {
    plain: `${payload.plain}\n`,
    html: payload.html ? insertIntoHtml(payload.html, EMPTY_BLOCK, 'end') : '',
  };
}
