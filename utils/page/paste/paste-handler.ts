import { findAttributionLine, hasAttribution } from '../../core/attribution/detect';
import { formatPlainAttribution, type ClipboardPayload } from '../../core/attribution/format';
import { hasAtLeastWords } from '../../core/text/words';
import { elementOf } from '../dom';
import type { Settings } from '../../core/records/settings';
import type { PasteIndex, PasteMatch } from '../../core/paste-index/match';
import { textFollowsCaret } from './caret-context';
import { MAX_NATIVE_INSERTION } from './dispatch-paste';
import {
  buildPastePayload,
  separateFromFollowingText,
  type PastePayload,
  type PasteSpot,
} from '../../core/attribution/paste-payload';
import { classifyPasteTarget } from './paste-target';
import type { AttributedPaste } from './undo-attribution';
import type { AttributedTargetKind, PasteTargetKind } from '../../core/attribution/paste-payload';

/**
 * How the augmented paste reached the editor: as Linkback's own paste or beforeinput event,
 * by the browser's insertion of it, or as the user's own paste with the attribution
 * inserted around it (a large paste, see dispatch-paste.ts).
 */
export type Delivery = 'paste' | 'beforeinput' | 'native' | 'around-native';

/**
 * Hands the editor a paste of its own (see dispatch-paste.ts), calling `cancelOriginal`
 * before the user's paste could reach the editor too; null when no paste of the user's is
 * under way (one held or undone: see paste-hold.ts). Throws when nothing took it.
 */
export type DeliverPaste = (
  target: Element,
  payload: PastePayload,
  kind: AttributedTargetKind,
  cancelOriginal: (() => void) | null,
) => Delivery;

/** What the history needs to know about a paste of article text. */
export interface PasteOutcome {
  match: PasteMatch;
  /** False when the pasted text already linked to the article or its publisher. */
  added: boolean;
  delivery: Delivery | null;
  /** The paste as delivered, when Linkback added the attribution: what Undo takes it out of. */
  attributed?: AttributedPaste;
}

export interface PasteHandlerDeps {
  /** The host name of the page pasted into. */
  pageHost(): string;
  /** Null until the index is loaded: early pastes go through untouched. */
  getIndex(): PasteIndex | null;
  getSettings(): Settings;
  /**
   * True when the user turned Linkback off for one of these sites: the page's own (nothing
   * pasted there is changed) or the one whose text this is.
   */
  isSiteOff?(hosts: readonly string[]): boolean;
  deliver: DeliverPaste;
  /** Types text into a quiet field as the browser's own insertion (one undo step). */
  insertText(target: Element, text: string): void;
  /** Puts the user's own paste back when delivery failed after the original was cancelled. */
  restoreOriginal(
    target: Element,
    payload: ClipboardPayload,
    kind: Exclude<PasteTargetKind, 'excluded'>,
  ): void;
  onPasted(outcome: PasteOutcome): void;
  onError?(error: unknown): void;
}

const URL_PATTERN = /https?:\/\/([^/\s"'<>?#]+)/gi;

/** True when either flavour links anywhere on the publisher's site (which the rule accepts too). */
export function linksToHosts(payload: ClipboardPayload, hosts: readonly string[]): boolean {
  if (!hosts.length) return false;
  for (const [, host] of `${payload.plain}\n${payload.html}`.matchAll(URL_PATTERN)) {
    if (host && hosts.includes(host.toLowerCase().replace(/:\d+$/, ''))) return true;
  }
  return false;
}

/**
 * The paste listener for every page (capture phase, registered at document_start). It
 * decides synchronously, from memory only; it cancels the user's paste only once the
 * replacement is fully built, and puts the original back if delivering it fails. It acts
 * on a paste of text from a known article in three cases:
 * - no link to the article or publisher: the same content plus one attribution;
 * - Linkback's own attribution ends the paste and text follows the caret: the same content
 *   with a separator after the URL, so it never runs into the next word;
 * - Linkback's own attribution pasted into a quiet field (search, e-mail, password…): the
 *   user's selection alone.
 * Anything else, including text that did not come through Linkback, goes through untouched.
 *
 * `replayed` is a paste held until the index was in (paste-hold.ts): the user's paste is
 * already cancelled, and `preventDefault` on the replay says that Linkback delivered it.
 */
export function createPasteHandler(
  deps: PasteHandlerDeps,
): (event: ClipboardEvent, replayed?: boolean) => void {
  return (event, replayed = false) => {
    let cancelled = false;
    const cancel = () => {
      event.preventDefault();
      event.stopImmediatePropagation();
      cancelled = true;
    };
    let target: Element | null = null;
    let original: ClipboardPayload | null = null;
    let kind: PasteTargetKind = 'excluded';
    try {
      // Our own synthetic paste (and any page's) is untrusted: never handled twice.
      if (!event.isTrusted || event.defaultPrevented || !event.clipboardData) return;
      const settings = deps.getSettings();
      if (!settings.attributeOnPaste || deps.isSiteOff?.([deps.pageHost()])) return;
      const path = event.composedPath();
      const first = path[0] ?? event.target;
      target = elementOf(first);
      const caret = target?.ownerDocument.getSelection()?.anchorNode ?? null;
      kind = classifyPasteTarget(target, caret);
      if (kind === 'excluded' || !target) return;

      original = {
        plain: event.clipboardData.getData('text/plain'),
        html: event.clipboardData.getData('text/html'),
      };
      if (!hasAtLeastWords(original.plain, settings.minWords)) return;
      const index = deps.getIndex();
      if (!index) return;
      // Linkback's own line is matched apart from the text: a short copy is known only by
      // the hash of its whole text, which the line would change.
      const own = findAttributionLine(original.plain);
      const match = index.match(own?.text ?? original.plain);
      // The publisher's own site needs no link back to itself.
      if (!match || match.source.hosts.includes(deps.pageHost())) return;
      // The user turned Linkback off for that site: its text goes where it is pasted, as it is.
      if (deps.isSiteOff?.(match.source.hosts)) return;
      const ownLine = own && own.line === formatPlainAttribution(match.source) ? own : null;

      if (kind === 'quiet') {
        // A field that takes a query or a datum gets the user's selection alone. A huge one
        // is left as it is: inserting it would freeze the tab (see MAX_NATIVE_INSERTION).
        if (!ownLine || ownLine.text.length > MAX_NATIVE_INSERTION) return;
        cancel();
        deps.insertText(target, ownLine.text);
        cancelled = false;
        return;
      }
      let payload: PastePayload;
      let added = false;
      if (
        hasAttribution(original, match.source.url) ||
        linksToHosts(original, match.source.hosts)
      ) {
        const spot = pasteSpot(target, kind);
        if (!ownLine || ownLine.placement !== 'end' || !spot.textFollows) {
          deps.onPasted({ match, added: false, delivery: null });
          return;
        }
        payload = separateFromFollowingText(original, spot);
      } else {
        added = true;
        payload = buildPastePayload(
          original,
          match.source,
          match.source.placement,
          pasteSpot(target, kind),
          settings.template,
        );
      }

      const fieldStart =
        target.localName === 'textarea' || target.localName === 'input'
          ? (target as HTMLTextAreaElement).selectionStart
          : null;
      const delivery = deps.deliver(target, payload, kind, replayed ? null : cancel);
      if (replayed) cancel();
      // Delivered: from here on nothing may put the original back a second time.
      cancelled = false;
      const attributed: AttributedPaste | undefined = added
        ? { target, kind, original, payload, delivery, fieldStart, url: match.source.url }
        : undefined;
      deps.onPasted({ match, added, delivery, attributed });
    } catch (error) {
      deps.onError?.(error);
      if (cancelled && target && original && kind !== 'excluded') {
        try {
          deps.restoreOriginal(target, original, kind);
        } catch (restoreError) {
          deps.onError?.(restoreError);
        }
      }
    }
  };
}

function pasteSpot(target: Element, kind: AttributedTargetKind): PasteSpot {
  return {
    kind,
    singleLine: target.localName === 'input',
    textFollows: textFollowsCaret(target),
  };
}
