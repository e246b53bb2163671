import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addCopyToIndex } from '../../../../utils/core/paste-index/build';
import {
  EMPTY_PASTE_INDEX,
  type PasteIndexSnapshot,
} from '../../../../utils/core/paste-index/snapshot';
import type { NewPasteRecord } from '../../../../utils/core/records/records';
import { DEFAULT_SETTINGS, type Settings } from '../../../../utils/core/records/settings';
import type { SiteChoices } from '../../../../utils/core/rules/site-choice';
import { startPasteGate } from '../../../../utils/page/paste/paste-gate';
import { startPasteRuntime } from '../../../../utils/page/paste/paste-runtime';
import { HOLD_TIMEOUT_MS } from '../../../../utils/page/paste/paste-hold';
import type { WatchedValue } from '../../../../utils/platform/storage/page-values';

const URL_ = 'https://caliber.az/en/post/story';
const COPIED =
  'Special Envoy Steve Witkoff and Jared Kushner are scheduled to meet Russian President Vladimir Putin on December 2 in Moscow.';
const SNAPSHOT = addCopyToIndex(
  EMPTY_PASTE_INDEX,
  { url: URL_, language: 'en', placement: 'end', hosts: ['caliber.az'] },
  COPIED,
  1,
);

/** A stored value as the guard sees it, with a way to change it as storage would. */
function storedValue<T>(value: T, fallback: T) {
  const listeners = new Set<(value: T) => void>();
  const watched: WatchedValue<T> & { change(next: T): void; reads: number } = {
    fallback,
    reads: 0,
    getValue: async () => {
      watched.reads++;
      return value;
    },
    watch(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    change(next) {
      value = next;
      for (const listener of listeners) listener(next);
    },
  };
  return watched;
}

let pasteIndex: ReturnType<typeof storedValue<PasteIndexSnapshot>>;
let settings: ReturnType<typeof storedValue<Settings>>;
let siteChoices: ReturnType<typeof storedValue<SiteChoices>>;
let records: NewPasteRecord[];
let undone: string[];
let cleanups: Array<() => void>;
let onError: ReturnType<typeof vi.fn<(error: unknown) => void>>;

let runtimeLoads: number;

/** Registers a capture listener that the test's clean-up removes, as the content script's context does. */
function listen(target: EventTarget, type: string, listener: (event: Event) => void) {
  target.addEventListener(type, listener, { capture: true });
  cleanups.push(() => target.removeEventListener(type, listener, { capture: true }));
}

function start() {
  const win = window as Window & typeof globalThis;
  startPasteGate({
    win,
    loadRuntime: () => {
      runtimeLoads++;
      return startPasteRuntime(runtimeDeps(win, listen));
    },
    listen,
    onError,
  });
}

function runtimeDeps(
  win: Window & typeof globalThis,
  listen: Parameters<typeof startPasteRuntime>[0]['listen'],
): Parameters<typeof startPasteRuntime>[0] {
  return {
    win,
    pasteIndex,
    settings,
    siteChoices,
    recordPaste: (record) => `paste-${records.push(record)}`,
    notice: {
      t: (key, substitution) => (substitution ? `${key}(${substitution})` : key),
      noteUndone: (id) => void undone.push(id),
      quietThisSite: async () =>
        siteChoices.change({ [window.location.hostname]: { kind: 'off' } }),
    },
    listen,
    onCleanup: (callback) => cleanups.push(callback),
    onError,
  };
}

/** A user's paste (trusted, as the browser's own) at `target`. */
function userPaste(target: Element, plain: string): ClipboardEvent {
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', plain);
  const event = new ClipboardEvent('paste', {
    clipboardData,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
  return event;
}

/** An editor that takes the pastes Linkback hands it, as ProseMirror or Lexical do. */
function editorTakingPastes(target: Element): string[] {
  const received: string[] = [];
  target.addEventListener('paste', (event) => {
    received.push((event as ClipboardEvent).clipboardData?.getData('text/plain') ?? '');
    event.preventDefault();
  });
  return received;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The user clicks into an editable element: what the guard reads its index on. */
async function focusOn(element: Element) {
  element.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
  await settle();
}

/** A page whose editor (taking pastes, as ProseMirror does) the user has clicked into. */
async function editorInUse() {
  document.body.innerHTML = '<div id="ed" contenteditable="true"></div>';
  start();
  const editor = document.getElementById('ed')!;
  await focusOn(editor);
  return { editor, received: editorTakingPastes(editor) };
}

beforeEach(() => {
  document.body.innerHTML = '<p>Nothing to paste into.</p>';
  pasteIndex = storedValue(SNAPSHOT, EMPTY_PASTE_INDEX);
  settings = storedValue<Settings>(DEFAULT_SETTINGS, DEFAULT_SETTINGS);
  siteChoices = storedValue<SiteChoices>({}, {});
  records = [];
  undone = [];
  cleanups = [];
  onError = vi.fn<(error: unknown) => void>();
  runtimeLoads = 0;
});

afterEach(async () => {
  // A notice comes a task after its paste: let it come, then clear the page.
  await settle();
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const notice of document.querySelectorAll('linkback-notice')) notice.remove();
});

describe('the paste gate and runtime', () => {
  it('reads no index on a page without fields until an editable element is focused', async () => {
    start();
    await settle();
    expect(pasteIndex.reads).toBe(0);
    document.body.insertAdjacentHTML('beforeend', '<div id="ed" contenteditable="true"></div>');
    document.getElementById('ed')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await settle();
    expect(pasteIndex.reads).toBe(1);
    // Once: later focuses follow storage changes instead of reading again.
    document.getElementById('ed')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await settle();
    expect(pasteIndex.reads).toBe(1);
  });

  it('reads nothing at load, even on a page with fields, nor for a field the page focused itself', async () => {
    document.body.innerHTML =
      '<textarea id="ta"></textarea><div id="ed" contenteditable="true"></div>';
    start();
    await settle();
    expect([pasteIndex.reads, settings.reads, siteChoices.reads]).toEqual([0, 0, 0]);
    // Not even the code that decides on pastes.
    expect(runtimeLoads).toBe(0);
    // autofocus: focus before the user did anything on the page.
    const activation = { hasBeenActive: false };
    Object.defineProperty(navigator, 'userActivation', { value: activation, configurable: true });
    try {
      await focusOn(document.getElementById('ta')!);
      expect(pasteIndex.reads).toBe(0);
      // Ctrl of a Ctrl+V, in the field: now.
      document
        .getElementById('ta')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Control', bubbles: true }));
      await settle();
      expect([pasteIndex.reads, settings.reads, siteChoices.reads]).toEqual([1, 1, 1]);
      expect(runtimeLoads).toBe(1);
    } finally {
      delete (navigator as unknown as { userActivation?: unknown }).userActivation;
    }
  });

  it('holds a paste that comes before the index, and gives it its link once the index is in', async () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"></div>';
    start();
    const editor = document.getElementById('ed')!;
    const received = editorTakingPastes(editor);
    // Pasted at once: nothing was read yet.
    const event = userPaste(editor, COPIED);
    expect(event.defaultPrevented).toBe(true);
    expect(received).toEqual([]);
    const own = 'Words of the user’s own, from no article Linkback knows of.';
    const second = userPaste(editor, own);
    expect(second.defaultPrevented).toBe(true);
    await settle();
    await settle();
    // Both, in the order pasted, through the editor's own paste: the article's text with its
    // link, the user's own as it was.
    expect(received).toEqual([`${COPIED}\n\nSource: ${URL_}`, own]);
    expect(pasteIndex.reads).toBe(1);
    expect(records[0]).toMatchObject({ articleUrl: URL_, added: true });
    expect(onError).not.toHaveBeenCalled();
  });

  it('gives a held paste back as it was when Linkback has nothing to add', async () => {
    settings = storedValue<Settings>(
      { ...DEFAULT_SETTINGS, attributeOnPaste: false },
      DEFAULT_SETTINGS,
    );
    document.body.innerHTML = '<textarea id="ta">ab</textarea>';
    start();
    const field = document.getElementById('ta') as HTMLTextAreaElement;
    field.focus();
    field.setSelectionRange(1, 1);
    const inserted: string[] = [];
    Object.defineProperty(document, 'execCommand', {
      value: (command: string, _ui: boolean, value: string) => {
        inserted.push(`${command}:${field.selectionStart}:${value}`);
        return true;
      },
      configurable: true,
    });
    try {
      expect(userPaste(field, COPIED).defaultPrevented).toBe(true);
      // The user's caret moved meanwhile: the paste still goes where it was made.
      field.setSelectionRange(2, 2);
      await settle();
      await settle();
      expect(inserted).toEqual([`insertText:1:${COPIED}`]);
      expect(records).toEqual([]);
    } finally {
      delete (document as unknown as { execCommand?: unknown }).execCommand;
    }
  });

  it('gives held pastes back as they were when storage never answers', async () => {
    vi.useFakeTimers();
    try {
      pasteIndex.getValue = () => new Promise(() => undefined);
      document.body.innerHTML = '<div id="ed" contenteditable="true"></div>';
      start();
      const editor = document.getElementById('ed')!;
      const received = editorTakingPastes(editor);
      expect(userPaste(editor, COPIED).defaultPrevented).toBe(true);
      await vi.advanceTimersByTimeAsync(HOLD_TIMEOUT_MS - 1);
      expect(received).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(received).toEqual([COPIED]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives held pastes back as they were when the runtime cannot be loaded', async () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"></div>';
    const editor = document.getElementById('ed')!;
    const received = editorTakingPastes(editor);
    startPasteGate({
      win: window as Window & typeof globalThis,
      loadRuntime: () => Promise.reject(new Error('the extension was updated under the page')),
      listen,
      onError,
    });
    expect(userPaste(editor, COPIED).defaultPrevented).toBe(true);
    await settle();
    await settle();
    expect(received).toEqual([COPIED]);
    expect(onError).toHaveBeenCalledOnce();
    // From then on the user's pastes go through as they make them, at once: not held.
    userPaste(editor, COPIED);
    expect(received).toEqual([COPIED, COPIED]);
  });

  it('holds only what it can give back whole: no files, nothing huge, nothing in a non-field', () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"></div><p id="p">Text</p>';
    start();
    const editor = document.getElementById('ed')!;
    const huge = `${COPIED} `.repeat(100);
    expect(userPaste(editor, huge).defaultPrevented).toBe(false);
    expect(userPaste(document.getElementById('p')!, COPIED).defaultPrevented).toBe(false);
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', COPIED);
    clipboardData.setData('image/png', 'not really an image');
    const withImage = new ClipboardEvent('paste', {
      clipboardData,
      bubbles: true,
      cancelable: true,
    });
    Object.defineProperty(withImage, 'isTrusted', { value: true });
    editor.dispatchEvent(withImage);
    expect(withImage.defaultPrevented).toBe(false);
  });

  it('hands the editor the paste with the link, and records where it went', async () => {
    const { editor, received } = await editorInUse();
    userPaste(editor, COPIED);
    expect(received).toEqual([`${COPIED}\n\nSource: ${URL_}`]);
    expect(records).toMatchObject([
      { articleUrl: URL_, title: null, added: true, destinationOrigin: window.location.origin },
    ]);
    expect(onError).not.toHaveBeenCalled();
  });

  it('follows the settings and the index as storage changes them', async () => {
    const { editor, received } = await editorInUse();
    settings.change({ ...DEFAULT_SETTINGS, attributeOnPaste: false });
    userPaste(editor, COPIED);
    settings.change(DEFAULT_SETTINGS);
    pasteIndex.change(EMPTY_PASTE_INDEX);
    userPaste(editor, COPIED);
    expect(received).toEqual([COPIED, COPIED]);
    expect(records).toEqual([]);
  });

  it('leaves the text of a site the user turned Linkback off for as it is, from then on', async () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"></div>';
    start();
    const editor = document.getElementById('ed')!;
    await focusOn(editor);
    expect(siteChoices.reads).toBe(1);
    const received = editorTakingPastes(editor);
    siteChoices.change({ [new URL(URL_).hostname]: { kind: 'off' } });
    userPaste(editor, COPIED);
    siteChoices.change({});
    userPaste(editor, COPIED);
    expect(received).toEqual([COPIED, `${COPIED}\n\nSource: ${URL_}`]);
  });

  it('changes nothing pasted on a site the user turned Linkback off on', async () => {
    const { editor, received } = await editorInUse();
    siteChoices.change({ [window.location.hostname]: { kind: 'off' } });
    userPaste(editor, COPIED);
    await settle();
    expect(received).toEqual([COPIED]);
    expect(records).toEqual([]);
    expect(document.querySelector('linkback-notice')).toBeNull();
  });

  it('says so next to the editor when a paste got its link, unless the user turned that off', async () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"></div>';
    start();
    const editor = document.getElementById('ed')!;
    await focusOn(editor);
    editorTakingPastes(editor);
    userPaste(editor, COPIED);
    // After the paste's own task, so that it never lengthens the paste.
    expect(document.querySelector('linkback-notice')).toBeNull();
    await settle();
    expect(document.querySelectorAll('linkback-notice')).toHaveLength(1);
    // The page sees the notice's element, never what is inside it.
    expect(document.querySelector('linkback-notice')?.shadowRoot).toBeNull();
    userPaste(editor, COPIED);
    await settle();
    expect(document.querySelectorAll('linkback-notice')).toHaveLength(1);
    document.querySelector('linkback-notice')?.remove();
    settings.change({ ...DEFAULT_SETTINGS, pasteNotice: false });
    userPaste(editor, COPIED);
    await settle();
    expect(records).toHaveLength(3);
    expect(document.querySelector('linkback-notice')).toBeNull();
  });

  it('keeps paste repair off when the stored index cannot be read', async () => {
    const damaged = { ...SNAPSHOT, sources: [] };
    pasteIndex = storedValue(damaged, EMPTY_PASTE_INDEX);
    document.body.innerHTML = '<div id="ed" contenteditable="true"></div>';
    start();
    const editor = document.getElementById('ed')!;
    await focusOn(editor);
    expect(onError).toHaveBeenCalledOnce();
    const received = editorTakingPastes(editor);
    userPaste(editor, COPIED);
    expect(received).toEqual([COPIED]);
  });

  it('puts the user’s paste back when nothing took Linkback’s after it cancelled it', async () => {
    document.body.innerHTML = '<textarea id="ta"></textarea>';
    start();
    await focusOn(document.getElementById('ta')!);
    // No editor takes the synthetic events, and the first native insertion fails.
    const inserted: string[] = [];
    const execCommand = vi.fn((command: string, _ui: boolean, value: string) => {
      inserted.push(`${command}:${value}`);
      return inserted.length > 1;
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    try {
      const event = userPaste(document.getElementById('ta')!, COPIED);
      expect(event.defaultPrevented).toBe(true);
      expect(inserted).toEqual([`insertText:${COPIED}\n\nSource: ${URL_}`, `insertText:${COPIED}`]);
      expect(onError).toHaveBeenCalledOnce();
      expect(records).toEqual([]);
    } finally {
      delete (document as unknown as { execCommand?: unknown }).execCommand;
    }
  });

  it('repairs pastes in a same-origin frame, found by focus or by the window’s blur', async () => {
    for (const how of ['focusin', 'blur'] as const) {
      for (const cleanup of cleanups.splice(0)) cleanup();
      pasteIndex = storedValue(SNAPSHOT, EMPTY_PASTE_INDEX);
      document.body.innerHTML = '<iframe id="frame"></iframe>';
      const frame = document.getElementById('frame') as HTMLIFrameElement;
      const frameDocument = frame.contentWindow!.document;
      frameDocument.body.innerHTML = '<div id="ed" contenteditable="true"></div>';
      start();
      await settle();
      expect(pasteIndex.reads).toBe(0);
      if (how === 'focusin') {
        frame.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      } else {
        // Firefox: focus moving into a frame gives the parent no focusin, only a blur on its
        // window, and the frame is then the active element.
        Object.defineProperty(document, 'activeElement', { get: () => frame, configurable: true });
        const blur = new FocusEvent('blur');
        // happy-dom gives its inner window as the target; a browser gives `window` itself.
        Object.defineProperty(blur, 'target', { value: window });
        window.dispatchEvent(blur);
      }
      await settle();
      await settle();
      expect(pasteIndex.reads).toBe(1);
      const editor = frameDocument.getElementById('ed')!;
      const received = editorTakingPastes(editor);
      userPaste(editor, COPIED);
      expect(received, how).toEqual([`${COPIED}\n\nSource: ${URL_}`]);
      delete (document as unknown as { activeElement?: unknown }).activeElement;
    }
  });

  it('removes its listeners and watchers on cleanup', async () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"></div>';
    start();
    const editor = document.getElementById('ed')!;
    await focusOn(editor);
    for (const cleanup of cleanups.splice(0)) cleanup();
    const received = editorTakingPastes(editor);
    userPaste(editor, COPIED);
    expect(received).toEqual([COPIED]);
  });
});
