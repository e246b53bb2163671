import type { ClipboardPayload } from '../../core/attribution/format';
import {
  unchangedPayload,
  type AttributedTargetKind,
  type PastePayload,
} from '../../core/attribution/paste-payload';
import { MAX_NATIVE_INSERTION } from './dispatch-paste';
import type { DeliverPaste, Delivery } from './paste-handler';

/** A paste Linkback added an attribution to, as the paste notice's Undo needs it. */
export interface AttributedPaste {
  target: Element;
  kind: AttributedTargetKind;
  /** What the user pasted. */
  original: ClipboardPayload;
  /** What the editor received instead: the user's content and Linkback's additions. */
  payload: PastePayload;
  delivery: Delivery;
  /** Where a text field's selection began before the paste: the paste starts there. */
  fieldStart: number | null;
  /** The attribution's link: an undo that took the attribution out took this out. */
  url: string;
}

/** What undoing needs from the page: the editor's own undo, a wait for its redraw, delivery. */
export interface UndoTools {
  deliver: DeliverPaste;
  /**
   * One step of the editor's history: true when something took it. Editors with a model of
   * their own (ProseMirror, Lexical, CodeMirror, TinyMCE…) step on their keystroke, even
   * when the browser inserted the paste for them; the browser's own history serves fields
   * and bare contenteditables, where no one takes the keystroke.
   */
  historyStep(target: Element, step: 'undo' | 'redo'): boolean;
  /** Resolves once the editor has drawn what it did (some draw a frame later). */
  settle(): Promise<void>;
}

type TextField = HTMLTextAreaElement | HTMLInputElement;

function isTextField(target: Element): target is TextField {
  return target.localName === 'textarea' || target.localName === 'input';
}

/**
 * Whether Undo can take the attribution out of this paste and leave the user's content.
 * A large paste into a rich editor cannot be given back whole without freezing the tab
 * (see MAX_NATIVE_INSERTION): there the notice offers no Undo, and Ctrl+Z works as always.
 */
export function canUndoAttribution(paste: AttributedPaste): boolean {
  if (insertedByBrowser(paste) && isTextField(paste.target)) return paste.fieldStart !== null;
  return paste.original.plain.length <= MAX_NATIVE_INSERTION;
}

function insertedByBrowser(paste: AttributedPaste): boolean {
  return paste.delivery === 'native' || paste.delivery === 'around-native';
}

/**
 * Takes out what Linkback added to a paste, leaving what the user pasted, as it was on
 * the clipboard. True when it did; false when it could not tell the paste apart any more
 * (the user went on editing) and changed nothing.
 */
export async function undoAttribution(paste: AttributedPaste, tools: UndoTools): Promise<boolean> {
  if (!canUndoAttribution(paste)) return false;
  if (insertedByBrowser(paste) && isTextField(paste.target)) return undoInTextField(paste);
  return undoInEditor(paste, tools);
}

/**
 * In a field the browser filled, Linkback's parts are known to the character: each is
 * replaced where it stands (what trimming took from the end of the user's text is put
 * back), as the browser's own edits, so Ctrl+Z can bring them back. A one-line field took
 * the user's line breaks as spaces (Chromium) or dropped them (Firefox): there the user's
 * text is found between Linkback's parts rather than measured.
 */
function undoInTextField(paste: AttributedPaste): boolean {
  const field = paste.target as TextField;
  const start = paste.fieldStart;
  const { payload, original } = paste;
  const { before, after } = payload.additions;
  const value = field.value;
  if (start === null || !value.startsWith(before.plain, start)) return false;
  const singleLine = field.localName === 'input';
  if (!singleLine && value.slice(start, start + payload.plain.length) !== payload.plain) {
    return false;
  }
  const afterAt = singleLine
    ? value.indexOf(after.plain, start + before.plain.length)
    : start + payload.plain.length - after.plain.length;
  if (afterAt < 0) return false;
  // What trimming took from the end of the user's text, in the form the field takes it.
  const trimmed = after.plain ? (/\s+$/.exec(original.plain)?.[0] ?? '') : '';
  const tail = singleLine ? trimmed.replace(/[\r\n]+/g, ' ') : trimmed;
  const doc = field.ownerDocument;
  const replace = (from: number, to: number, text: string) => {
    if (from === to && !text) return;
    field.setSelectionRange(from, to);
    if (!doc.execCommand(text ? 'insertText' : 'delete', false, text)) {
      field.setRangeText(text, from, to, 'end');
    }
  };
  if (after.plain) replace(afterAt, afterAt + after.plain.length, tail);
  if (before.plain) replace(start, start + before.plain.length, '');
  const caret = after.plain ? afterAt - before.plain.length + tail.length : field.selectionStart;
  if (caret !== null) field.setSelectionRange(caret, caret);
  return true;
}

/**
 * The paste's target as it is now: editors that draw with React (Draft.js) replace the
 * element a paste landed in, and then the focused element stands for it.
 */
function liveTarget(target: Element): Element {
  if (target.isConnected) return target;
  let focused = target.ownerDocument.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused && focused !== target.ownerDocument.body ? focused : target;
}

/** The element the user sees the paste in: the nearest around the target that shows the link. */
function shownIn(target: Element, url: string): Element | null {
  let element: Element | null = target;
  for (let depth = 0; element && depth < 8; depth++, element = element.parentElement) {
    if (element.textContent?.includes(url)) return element;
  }
  return null;
}

function occurrences(text: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    count++;
  }
  return count;
}

/**
 * In an editor, the paste Linkback delivered was one step of the editor's undo history:
 * undo it, check that the attribution went with it, and deliver the user's own paste in
 * its place. When the attribution did not go, nothing more is done.
 */
async function undoInEditor(paste: AttributedPaste, tools: UndoTools): Promise<boolean> {
  const { url } = paste;
  const target = liveTarget(paste.target);
  const shown = shownIn(target, url);
  if (!shown) return false;
  // Read in the whole document (or shadow root) the editor is in: a React editor replaces
  // the elements it draws, and an element read before the undo may be gone after it.
  const root = shown.getRootNode();
  const textNow = () => ((root as Document).body ?? (root as ShadowRoot)).textContent ?? '';
  const before = occurrences(textNow(), url);
  if (!tools.historyStep(target, 'undo')) return false;
  // Some editors draw their undo frames later (React's scheduling): wait for it, a while.
  if (!(await settled(tools, () => occurrences(textNow(), url) < before))) return false;
  const receiver = liveTarget(target);
  // The start of the user's text, counted before it is given back (the page may show it
  // elsewhere too): landing adds one.
  const start = squeezed(paste.original.plain).slice(0, 40);
  const shownBefore = occurrences(squeezed(textNow()), start);
  const putBack = () => {
    // The user's paste must not end up gone: the attributed one comes back instead.
    tools.historyStep(receiver, 'redo');
  };
  try {
    tools.deliver(receiver, unchangedPayload(paste.original), paste.kind, null);
  } catch (error) {
    putBack();
    throw error;
  }
  // Delivered is not landed: an editor may drop an insertion it did not make itself.
  const landed = () => !start || occurrences(squeezed(textNow()), start) > shownBefore;
  if (!(await settled(tools, landed))) {
    putBack();
    return false;
  }
  return true;
}

/** Waits, frame by frame for up to about half a second, until `done` holds. */
async function settled(tools: UndoTools, done: () => boolean): Promise<boolean> {
  for (let frames = 0; frames < 15; frames++) {
    await tools.settle();
    if (done()) return true;
  }
  return false;
}

/** Whitespace as one space: editors draw paragraphs as blocks, not line breaks. */
const squeezed = (text: string) => text.replace(/\s+/g, ' ').trim();
