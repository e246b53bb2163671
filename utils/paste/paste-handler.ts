import { hasAttribution } from '../attribution/detect';
import type { ClipboardPayload } from '../attribution/format';
import { hasAtLeastWords } from '../copy/copy-policy';
import { elementOf } from '../dom';
import type { Settings } from '../storage';
import type { PasteIndex, PasteMatch } from './paste-index';
import { buildPastePayload } from './paste-payload';
import { classifyPasteTarget, type PasteTargetKind } from './paste-target';

/** How the augmented paste reached the editor. */
export type Delivery = 'paste' | 'beforeinput' | 'native';

/** Hands the editor a paste of its own: see dispatch-paste.ts. Throws when nothing took it. */
export type DeliverPaste = (
  target: Element,
  payload: ClipboardPayload,
  kind: Exclude<PasteTargetKind, 'excluded'>,
) => Delivery;

/** What the history needs to know about a paste of article text. */
export interface PasteOutcome {
  match: PasteMatch;
  /** False when the pasted text already linked to the article or its publisher. */
  added: boolean;
  delivery: Delivery | null;
}

export interface PasteHandlerDeps {
  /** The host name of the page pasted into. */
  pageHost(): string;
  /** Null until the index is loaded: early pastes go through untouched. */
  getIndex(): PasteIndex | null;
  getSettings(): Settings;
  deliver: DeliverPaste;
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
 * replacement is fully built, and puts the original back if delivering it fails.
 */
export function createPasteHandler(deps: PasteHandlerDeps): (event: ClipboardEvent) => void {
  return (event) => {
    let cancelled = false;
    let target: Element | null = null;
    let original: ClipboardPayload | null = null;
    let kind: PasteTargetKind = 'excluded';
    try {
      // Our own synthetic paste (and any page's) is untrusted: never handled twice.
      if (!event.isTrusted || event.defaultPrevented || !event.clipboardData) return;
      const settings = deps.getSettings();
      if (!settings.attributeOnPaste) return;
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
      const match = deps.getIndex()?.match(original.plain);
      // The publisher's own site needs no link back to itself.
      if (!match || match.source.hosts.includes(deps.pageHost())) return;
      if (
        hasAttribution(original, match.source.url) ||
        linksToHosts(original, match.source.hosts)
      ) {
        deps.onPasted({ match, added: false, delivery: null });
        return;
      }
      const payload = buildPastePayload(original, match.source, match.source.placement, kind);

      event.preventDefault();
      event.stopImmediatePropagation();
      cancelled = true;
      const delivery = deps.deliver(target, payload, kind);
      // Delivered: from here on nothing may put the original back a second time.
      cancelled = false;
      deps.onPasted({ match, added: true, delivery });
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
