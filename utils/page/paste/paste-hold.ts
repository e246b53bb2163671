import type { ClipboardPayload } from '../../core/attribution/format';
import type { PasteTargetKind } from '../../core/attribution/paste-payload';
import { MIN_WORDS_RANGE } from '../../core/records/settings';
import { hasAtLeastWords } from '../../core/text/words';
import { elementOf } from '../dom';
import { classifyPasteTarget } from './paste-target';

/**
 * Pages load the paste index only once the user may paste (see paste-guard.ts), so a paste
 * can come before it is read: a click in a field and Ctrl+V at once. Such a paste is held,
 * not let through without its link: it is cancelled, and once the index is in (a few
 * milliseconds) the paste handler decides on it as on any other, from a replay of it. When
 * Linkback adds nothing, the user's own paste is delivered as it was, through the same
 * pipeline as Linkback's (the editor's paste event, else the browser's insertion).
 *
 * Only what can be given back whole is held: text (plain and HTML, no files or other
 * flavours) of at most HOLD_MAX_CHARS, at an element a paste can be repaired in. Anything
 * else goes through as the user made it.
 */
export const HOLD_MAX_CHARS = 8_000;

/** After this long without the index, held pastes are delivered as they were (fail open). */
export const HOLD_TIMEOUT_MS = 2_000;

/** Flavours a held paste can be given back with. */
const TEXT_FLAVOURS = new Set(['text/plain', 'text/html']);

export interface PasteHoldDeps {
  win: Window & typeof globalThis;
  /** Starts reading the index (once); settles when it is in or failed. */
  load(): Promise<void>;
  /** The paste handler, on a replay of the held paste: it calls `preventDefault` when it acted. */
  handle(replay: ClipboardEvent): void;
  /** Delivers the user's own paste as it was (nothing to add, or the handler failed early). */
  deliverOriginal(
    target: Element,
    original: ClipboardPayload,
    kind: Exclude<PasteTargetKind, 'excluded'>,
  ): void;
  onError(error: unknown): void;
}

interface HeldPaste {
  replay: ClipboardEvent;
  acted(): boolean;
  target: Element;
  original: ClipboardPayload;
  kind: Exclude<PasteTargetKind, 'excluded'>;
  /** Where the user pasted, to go back to should focus have moved meanwhile. */
  restoreFocus(): void;
}

export function createPasteHold(deps: PasteHoldDeps) {
  const queue: HeldPaste[] = [];

  /** A held paste, as the paste handler reads a paste event. */
  function heldPaste(event: ClipboardEvent, target: Element, original: ClipboardPayload) {
    const path = event.composedPath();
    let acted = false;
    // What paste-handler.ts reads of an event, and nothing more.
    const replay = {
      isTrusted: true,
      defaultPrevented: false,
      clipboardData: {
        getData: (type: string) =>
          type === 'text/plain' ? original.plain : type === 'text/html' ? original.html : '',
      },
      target: event.target,
      composedPath: () => path,
      preventDefault: () => void (acted = true),
      stopImmediatePropagation: () => undefined,
    } as unknown as ClipboardEvent;
    return { replay, acted: () => acted };
  }

  function focusKeeper(target: Element): () => void {
    const doc = target.ownerDocument;
    const active = deepActiveElement(doc);
    const field = isTextField(target) ? target : null;
    const fieldSelection = field && ([field.selectionStart, field.selectionEnd] as const);
    const selection = doc.getSelection();
    const range = !field && selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
    return () => {
      const moved = active && active.isConnected && deepActiveElement(doc) !== active;
      if (moved) (active as HTMLElement).focus?.({ preventScroll: true });
      // In a field, the held paste goes where the user pasted even if they typed on: their
      // keys landed at the caret, after which the paste belongs.
      if (field && fieldSelection) {
        const [start, end] = fieldSelection;
        if (start !== null && end !== null) field.setSelectionRange(start, end);
      } else if (moved && range && range.startContainer.isConnected) {
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
    };
  }

  /** True when the paste was held: cancelled here, to be decided on once the index is in. */
  function hold(event: ClipboardEvent): boolean {
    if (!event.isTrusted || event.defaultPrevented || !event.clipboardData) return false;
    const data = event.clipboardData;
    if (Array.from(data.types).some((type) => !TEXT_FLAVOURS.has(type))) return false;
    if (data.files.length) return false;
    const original = { plain: data.getData('text/plain'), html: data.getData('text/html') };
    if (original.plain.length + original.html.length > HOLD_MAX_CHARS) return false;
    if (!hasAtLeastWords(original.plain, MIN_WORDS_RANGE.min)) return false;
    const target = elementOf(event.composedPath()[0] ?? event.target);
    const caret = target?.ownerDocument.getSelection()?.anchorNode ?? null;
    const kind = classifyPasteTarget(target, caret);
    if (!target || kind === 'excluded') return false;

    event.preventDefault();
    event.stopImmediatePropagation();
    queue.push({
      ...heldPaste(event, target, original),
      target,
      original,
      kind,
      restoreFocus: focusKeeper(target),
    });
    if (queue.length === 1) void release();
    return true;
  }

  /** Once the index is in (or the wait is over), every held paste in the order made. */
  async function release(): Promise<void> {
    let timer: number | undefined;
    await Promise.race([
      deps.load().catch(deps.onError),
      new Promise<void>((resolve) => (timer = deps.win.setTimeout(resolve, HOLD_TIMEOUT_MS))),
    ]);
    deps.win.clearTimeout(timer);
    for (const held of queue.splice(0)) {
      try {
        held.restoreFocus();
      } catch (error) {
        deps.onError(error);
      }
      try {
        deps.handle(held.replay);
      } catch (error) {
        deps.onError(error);
      }
      // The handler puts the user's paste back itself if it fails after acting.
      if (held.acted()) continue;
      try {
        deps.deliverOriginal(held.target, held.original, held.kind);
      } catch (error) {
        deps.onError(error);
      }
    }
  }

  return {
    hold,
    /** True while pastes wait: later ones must wait behind them, in order. */
    holding: () => queue.length > 0,
  };
}

type TextField = HTMLTextAreaElement | HTMLInputElement;

function isTextField(target: Element): target is TextField {
  return target.localName === 'textarea' || target.localName === 'input';
}

/** The focused element, inside shadow roots too. */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
