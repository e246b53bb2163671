import {
  appendAttribution,
  escapeHtml,
  formatPlainAttribution,
  type AttributionSource,
  type ClipboardPayload,
} from '../attribution/format';
import type { LinkPlacement } from '../publishers/types';
import type { PasteTargetKind } from './paste-target';

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

/**
 * What the editor receives instead of the user's paste: the same content plus exactly one
 * attribution. Plain and code targets get text only; rich targets get both flavours, the
 * HTML built from the text when the clipboard had none, so the link is a real link.
 */
export function buildPastePayload(
  pasted: ClipboardPayload,
  source: AttributionSource,
  placement: LinkPlacement,
  kind: Exclude<PasteTargetKind, 'excluded'>,
): ClipboardPayload {
  if (kind !== 'rich') {
    const line = formatPlainAttribution(source);
    const text = pasted.plain.replace(/\s+$/, '');
    return {
      plain: placement === 'start' ? `${line}\n\n${pasted.plain}` : `${text}\n\n${line}`,
      html: '',
    };
  }
  const html = pasted.html.trim() ? pasted.html : plainTextToHtml(pasted.plain);
  const withLink = appendAttribution({ plain: pasted.plain, html: '' }, source, placement);
  return { plain: withLink.plain, html: insertIntoHtml(html, withLink.html, placement) };
}
