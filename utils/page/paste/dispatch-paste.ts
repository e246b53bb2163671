import type { ClipboardPayload } from '../../core/attribution/format';
import type { PasteAdditions } from '../../core/attribution/paste-payload';
import type { DeliverPaste, Delivery } from './paste-handler';

/**
 * Builds the DataTransfer and events that carry a paste. In Firefox a ClipboardEvent made
 * in the content script loses its clipboardData on its way to the page, so there they are
 * made with the page's own constructors (see createPageEventFactory).
 */
export interface PasteEventFactory {
  paste(payload: ClipboardPayload): Event;
  beforeInput(payload: ClipboardPayload): Event;
}

type Init = Record<string, unknown>;

/** Constructors of the window the events are made in, and a way to hand it plain objects. */
interface EventWorld {
  Object: new () => Record<string, unknown>;
  DataTransfer: new () => DataTransfer;
  ClipboardEvent: new (type: string, init: Init) => Event;
  InputEvent: new (type: string, init: Init) => Event;
  KeyboardEvent: new (type: string, init: Init) => Event;
  toWorld<T extends object>(value: T): T;
}

function fill(data: DataTransfer, payload: ClipboardPayload): void {
  data.setData('text/plain', payload.plain);
  if (payload.html) data.setData('text/html', payload.html);
}

export function createPasteEventFactory(world: EventWorld): PasteEventFactory {
  const dataTransfer = (payload: ClipboardPayload) => {
    const data = new world.DataTransfer();
    fill(data, payload);
    return data;
  };
  return {
    paste(payload) {
      const event = new world.ClipboardEvent(
        'paste',
        world.toWorld({
          bubbles: true,
          cancelable: true,
          composed: true,
          clipboardData: dataTransfer(payload),
        }),
      ) as ClipboardEvent;
      // Firefox's constructor ignores `clipboardData` and gives the event an empty, writable
      // one of its own (ClipboardEvent::Constructor): fill that instead. Calls made through
      // the page's wrapper run as the page, so the page may read what is set here.
      const own = event.clipboardData;
      if (own && own.getData('text/plain') !== payload.plain) fill(own, payload);
      return event;
    },
    beforeInput(payload) {
      const data = dataTransfer(payload);
      return new world.InputEvent(
        'beforeinput',
        world.toWorld({
          bubbles: true,
          cancelable: true,
          composed: true,
          inputType: 'insertFromPaste',
          dataTransfer: data,
        }),
      );
    },
  };
}

/** Firefox's Xray view of the page, as content scripts see it. */
interface FirefoxContentGlobals {
  wrappedJSObject?: EventWorld & Window;
}

/** The page's constructors in Firefox; the content script's own elsewhere (Chrome shares the DOM). */
export function pageEventWorld(win: Window & typeof globalThis): EventWorld {
  const firefox = win as unknown as FirefoxContentGlobals;
  const page = firefox.wrappedJSObject;
  if (page) {
    return {
      Object: page.Object,
      DataTransfer: page.DataTransfer,
      ClipboardEvent: page.ClipboardEvent,
      InputEvent: page.InputEvent,
      KeyboardEvent: page.KeyboardEvent,
      // The event's init dictionary is built as a page object holding the page's own
      // DataTransfer: a dictionary cloned into the page (cloneInto) arrives without it.
      toWorld: (value) => {
        const pageObject = new page.Object();
        for (const [key, field] of Object.entries(value)) pageObject[key] = field;
        return pageObject as typeof value;
      },
    };
  }
  return {
    Object: win.Object as unknown as EventWorld['Object'],
    DataTransfer: win.DataTransfer,
    ClipboardEvent: win.ClipboardEvent as unknown as EventWorld['ClipboardEvent'],
    InputEvent: win.InputEvent as unknown as EventWorld['InputEvent'],
    KeyboardEvent: win.KeyboardEvent as unknown as EventWorld['KeyboardEvent'],
    toWorld: (value) => value,
  };
}

/**
 * One step of an editor's undo history (see UndoTools.historyStep): its keystroke, Ctrl+Z or
 * Ctrl+Shift+Z (⌘ on a Mac), made in the page's world with the legacy key code that
 * CKEditor, Draft.js, TinyMCE and Monaco read; the browser's own history when no editor took
 * the keystroke.
 */
export function createHistoryStep(world: EventWorld, isMac: boolean) {
  return (target: Element, step: 'undo' | 'redo'): boolean => {
    const redo = step === 'redo';
    const keystroke = new world.KeyboardEvent(
      'keydown',
      world.toWorld({
        key: redo ? 'Z' : 'z',
        code: 'KeyZ',
        keyCode: 90,
        which: 90,
        ctrlKey: !isMac,
        metaKey: isMac,
        shiftKey: redo,
        bubbles: true,
        cancelable: true,
        composed: true,
      }),
    );
    target.dispatchEvent(keystroke);
    if (readDefaultPrevented(keystroke)) return true;
    return target.ownerDocument.execCommand(step);
  };
}

/**
 * Reads whether an event was cancelled with the content script's own getter: a page may
 * redefine `Event.prototype.defaultPrevented` in its world, and in Firefox the events are
 * the page's objects (see pageEventWorld).
 */
function readDefaultPrevented(event: Event): boolean {
  // Looked up on first use: reading Event.prototype makes the browser build the Event
  // interface in the content script's world, and every frame evaluates this module.
  ownDefaultPrevented ??=
    Object.getOwnPropertyDescriptor(Event.prototype, 'defaultPrevented')?.get ?? null;
  return ownDefaultPrevented ? ownDefaultPrevented.call(event) === true : event.defaultPrevented;
}

let ownDefaultPrevented: (() => unknown) | null | undefined;

/**
 * Dispatches one synthetic event at the target; true when the editor took it. An editor
 * takes a paste by cancelling it once it has reached its element. An event stopped or
 * cancelled on its way there (a page that refuses scripted pastes does that at the window)
 * reached no editor: it is no delivery, however cancelled it looks.
 */
function offer(target: Element, event: Event): boolean {
  let arrived = false;
  const onArrival = (arriving: Event) => {
    arrived = !readDefaultPrevented(arriving);
  };
  // Capture at the target runs before the target's own listeners.
  target.addEventListener(event.type, onArrival, { capture: true });
  try {
    target.dispatchEvent(event);
  } finally {
    target.removeEventListener(event.type, onArrival, { capture: true });
  }
  return arrived && readDefaultPrevented(event);
}

/**
 * Above this many characters the browser's own insertion of the whole paste freezes the tab
 * (Chromium's insertText grows with the square of the line breaks: 16 kB of article text
 * takes about 0.1 s, 256 kB 10 s, 1 MB over a minute), so a large paste no editor takes is
 * left to the browser's native paste, which is fast, and the attribution is added around it.
 */
export const MAX_NATIVE_INSERTION = 16_000;

/**
 * Offers the paste to the editor's own pipeline: a paste event (ProseMirror, Lexical,
 * Quill, CKEditor, Draft.js, CodeMirror… build their model from it, as one undo step),
 * then beforeinput insertFromPaste (Slate), then the browser's own insertion, which keeps
 * one native undo step in textareas, inputs and bare contenteditables. The user's paste is
 * cancelled only once something took Linkback's, or just before the native insertion; a
 * large paste nobody took goes through as the user made it, with the attribution added
 * before and after it (two undo steps instead of a frozen tab).
 */
export function createPasteDelivery(events: PasteEventFactory): DeliverPaste {
  return (target, payload, kind, cancelOriginal): Delivery => {
    if (offer(target, events.paste(payload))) {
      cancelOriginal?.();
      return 'paste';
    }
    if (offer(target, events.beforeInput(payload))) {
      cancelOriginal?.();
      return 'beforeinput';
    }
    // Without a paste of the user's under way, nothing native will come to insert around.
    if (cancelOriginal && payload.plain.length > MAX_NATIVE_INSERTION) {
      insertAroundNativePaste(target, payload.additions, kind === 'rich');
      return 'around-native';
    }
    cancelOriginal?.();
    insertNatively(target, payload, kind === 'rich');
    return 'native';
  };
}

/**
 * Inserts `before` now, ahead of the browser's native paste, and `after` once the paste has
 * landed (its input event follows in the same task). When the page takes the paste itself,
 * no such input event comes and nothing more is added.
 */
function insertAroundNativePaste(target: Element, additions: PasteAdditions, rich: boolean): void {
  const { before, after } = additions;
  if (before.plain) insertNatively(target, before, rich);
  if (!after.plain) return;
  if (isTextField(target)) {
    insertAheadOfNativePaste(target, after.plain);
    return;
  }
  const doc = target.ownerDocument;
  const win = doc.defaultView;
  const stop = () => doc.removeEventListener('input', onInput, true);
  function onInput(event: Event): void {
    if ((event as InputEvent).inputType !== 'insertFromPaste') return;
    stop();
    try {
      insertNatively(target, after, rich);
    } catch {
      // The user's paste has landed whole; only the attribution is missing (fail open).
    }
  }
  doc.addEventListener('input', onInput, true);
  win?.setTimeout(stop, 0);
}

type TextField = HTMLTextAreaElement | HTMLInputElement;

function isTextField(target: Element): target is TextField {
  return target.localName === 'textarea' || target.localName === 'input';
}

/**
 * In a text field the attribution goes in first, while the field is still small, and the
 * caret goes back in front of it, where the browser's paste then lands: added after a
 * megabyte had landed, the same line took Chromium a tenth of a second. Should the paste not
 * land after all (the page took it), the attribution comes out again.
 */
function insertAheadOfNativePaste(field: TextField, text: string): void {
  const at = field.selectionStart ?? field.value.length;
  if (!field.ownerDocument.execCommand('insertText', false, text)) return;
  field.setSelectionRange(at, at);
  const doc = field.ownerDocument;
  let landed = false;
  const onInput = (event: Event) => {
    if ((event as InputEvent).inputType === 'insertFromPaste') landed = true;
  };
  doc.addEventListener('input', onInput, true);
  doc.defaultView?.setTimeout(() => {
    doc.removeEventListener('input', onInput, true);
    if (landed || field.value.slice(at, at + text.length) !== text) return;
    field.setRangeText('', at, at + text.length);
  }, 0);
}

/**
 * The browser's own editing command: HTML for rich targets, falling back to text when the
 * target refuses HTML (a page that requires Trusted Types makes insertHTML throw). Throws
 * when the target took neither.
 */
export function insertNatively(target: Element, payload: ClipboardPayload, rich: boolean): void {
  const doc = target.ownerDocument;
  if (rich && payload.html && insertHtml(doc, payload.html)) return;
  if (doc.execCommand('insertText', false, payload.plain)) return;
  throw new Error('The editor accepted neither the paste nor the native insertion');
}

function insertHtml(doc: Document, html: string): boolean {
  try {
    return doc.execCommand('insertHTML', false, html);
  } catch {
    return false;
  }
}
