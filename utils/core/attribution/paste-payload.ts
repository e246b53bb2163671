import {
  escapeHtml,
  plainAttributionAround,
  type AttributionSource,
  type ClipboardPayload,
} from './format';
import { renderAttribution, type AttributionTemplate } from './template';
import type { LinkPlacement } from '../publishers/types';

/**
 * What kind of field a paste lands in:
 * - excluded: not a field Linkback may write to (static text, read-only or disabled fields);
 * - quiet: takes text but never an attribution (password, search, URL, e-mail, number,
 *   telephone, user name, and any field the page marks as a search or query): a copy
 *   Linkback attributed arrives there as the user's selection alone;
 * - code: code editors and code blocks get plain text only, or the code would break;
 * - plain: textarea and text inputs, plain-text only by nature;
 * - rich: contenteditable editors, which get both flavours and a real link.
 */
export type PasteTargetKind = 'excluded' | 'quiet' | 'code' | 'plain' | 'rich';

/** The kinds that get an attribution. */
export type AttributedTargetKind = Exclude<PasteTargetKind, 'excluded' | 'quiet'>;

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

/** What Linkback puts around the user's own content; nothing of the user's is in it. */
export interface PasteAdditions {
  before: ClipboardPayload;
  after: ClipboardPayload;
}

/** A paste as Linkback delivers it: the whole content, and which parts of it are Linkback's. */
export interface PastePayload extends ClipboardPayload {
  additions: PasteAdditions;
}

const NOTHING: ClipboardPayload = { plain: '', html: '' };

/**
 * The user's own paste as a payload with nothing of Linkback's around it: what is delivered
 * when a paste is given back (a held one Linkback adds nothing to, or an undone one).
 */
export function unchangedPayload(original: ClipboardPayload): PastePayload {
  return { ...original, additions: { before: NOTHING, after: NOTHING } };
}

/** A block of its own for the text after the caret; `<br>` keeps editors from dropping it. */
const EMPTY_BLOCK = '<p><br></p>';

/**
 * What keeps an attribution that ends a paste from touching the text after the caret, so
 * the URL never runs into the next word: a space in one-line fields, a line break in text
 * and code, an empty block in rich editors (whose paste splits the caret's block: the text
 * after the caret moves into that block). Nothing when no text follows.
 */
function separatorFor(spot: PasteSpot): ClipboardPayload {
  if (!spot.textFollows) return NOTHING;
  if (spot.kind !== 'rich') return { plain: spot.singleLine ? ' ' : '\n', html: '' };
  return { plain: '\n', html: EMPTY_BLOCK };
}

/** The attribution (both flavours) as Linkback adds it around a paste at this spot. */
function attributionAdditions(
  attribution: ClipboardPayload,
  placement: LinkPlacement,
  spot: PasteSpot,
): PasteAdditions {
  const plain = plainAttributionAround(
    attribution.plain,
    placement,
    spot.singleLine ? ' ' : '\n\n',
  );
  const html = spot.kind === 'rich' ? attribution.html : '';
  if (placement === 'start') return { before: { plain: plain.before, html }, after: NOTHING };
  const separator = separatorFor(spot);
  return {
    before: NOTHING,
    after: { plain: plain.after + separator.plain, html: html && html + separator.html },
  };
}

/**
 * What the editor receives instead of the user's paste: the same content plus exactly one
 * attribution, in the user's template when one is set (its {accessed} is `now`, the paste).
 * Plain and code targets get text only; rich targets get both flavours, the HTML built from
 * the text when the clipboard had none, so the link is a real link.
 */
export function buildPastePayload(
  pasted: ClipboardPayload,
  source: AttributionSource,
  placement: LinkPlacement,
  spot: PasteSpot,
  template: AttributionTemplate | null = null,
  now = new Date(),
): PastePayload {
  const additions = attributionAdditions(renderAttribution(source, template, now), placement, spot);
  const { before, after } = additions;
  const trimmed = pasted.plain.replace(/\s+$/, '');
  if (spot.kind !== 'rich') {
    const text = placement === 'start' ? pasted.plain : trimmed;
    return { plain: before.plain + text + after.plain, html: '', additions };
  }
  const html = pasted.html.trim() ? pasted.html : plainTextToHtml(pasted.plain);
  return {
    plain: before.plain + trimmed + after.plain,
    html: insertIntoHtml(insertIntoHtml(html, before.html, 'start'), after.html, 'end'),
    additions,
  };
}

/**
 * A paste that already ends with Linkback's attribution, followed by what separates it
 * from the text after the caret (see separatorFor).
 */
export function separateFromFollowingText(pasted: ClipboardPayload, spot: PasteSpot): PastePayload {
  const after = separatorFor(spot);
  const html =
    spot.kind === 'rich' && pasted.html ? insertIntoHtml(pasted.html, after.html, 'end') : '';
  return { plain: pasted.plain + after.plain, html, additions: { before: NOTHING, after } };
}
