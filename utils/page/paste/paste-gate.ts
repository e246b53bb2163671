import type { ClipboardPayload } from '../../core/attribution/format';
import { unchangedPayload, type PasteTargetKind } from '../../core/attribution/paste-payload';
import {
  createPasteDelivery,
  createPasteEventFactory,
  insertNatively,
  pageEventWorld,
} from './dispatch-paste';
import type { DeliverPaste } from './paste-handler';
import { createPasteHold } from './paste-hold';
import type { PasteRuntime } from './paste-runtime';

export interface PasteGateDeps {
  win: Window & typeof globalThis;
  /**
   * Loads the paste runtime (paste-runtime.ts, a script of its own: see page-runtime.ts in
   * platform) and its stored state; resolves once a paste can be decided on.
   */
  loadRuntime(): Promise<PasteRuntime>;
  /** Registers a listener that goes away with the content script (extension reload). */
  listen(target: EventTarget, type: string, listener: (event: Event) => void): void;
  onError(error: unknown): void;
}

const EDITABLE =
  'textarea, input, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], iframe';

/** Keys that come before a paste from the keyboard: Ctrl or ⌘ (+V), Shift (+Insert). */
const PASTE_KEYS = new Set(['Control', 'Meta', 'Shift', 'Insert']);

/**
 * What every frame runs of paste-time attribution, from document_start: listeners, and
 * nothing else until the user may paste. No storage read, no storage watcher (the index is
 * rewritten after every copy, and every frame that watches storage is sent it), not even the
 * code that decides: the paste runtime is loaded, with the settings, the user's site choices
 * and the index, when the user focuses somewhere editable, presses the keys of a paste there
 * or opens its menu. A paste that comes sooner is held until it is in (paste-hold.ts).
 *
 * The paste listener is registered here, at document_start, so that it runs before the
 * page's own.
 */
export function startPasteGate(deps: PasteGateDeps): void {
  const { win } = deps;
  let runtime: PasteRuntime | null = null;
  let loading: Promise<void> | null = null;
  /** The runtime could not be loaded (the extension was updated under the page, say). */
  let unavailable = false;

  function load(): Promise<void> {
    return (loading ??= deps.loadRuntime().then(
      (loaded) => void (runtime = loaded),
      (error: unknown) => {
        // From then on pastes go through as they are made (the held ones are given back).
        unavailable = true;
        deps.onError(error);
      },
    ));
  }

  // Held pastes given back as they were: through the editor's own paste pipeline, as
  // Linkback's own are, so this must not wait for the runtime. Made on first use: the event
  // constructors it takes are built into the content script's world when first read.
  let deliver: DeliverPaste | null = null;
  const deliverOriginal = (
    target: Element,
    original: ClipboardPayload,
    kind: Exclude<PasteTargetKind, 'excluded'>,
  ) => {
    if (kind === 'quiet') return insertNatively(target, original, false);
    deliver ??= createPasteDelivery(createPasteEventFactory(pageEventWorld(win)));
    deliver(target, unchangedPayload(original), kind, null);
  };
  const held = createPasteHold({
    win,
    load,
    handle: (replay) => runtime?.handle(replay, true),
    deliverOriginal,
    onError: deps.onError,
  });

  const onPaste = (event: Event) => {
    if (unavailable && !held.holding()) return;
    // Pastes wait in the order made: behind any held one, until the runtime is in.
    if ((!runtime || held.holding()) && held.hold(event as ClipboardEvent)) {
      void load();
      return;
    }
    runtime?.handle(event as ClipboardEvent);
  };

  // Editors inside same-origin frames (TinyMCE writes its frame with document.write, which
  // drops listeners a content script put there): listen on the frame from the parent.
  const framesListened = new WeakSet<Window>();
  function listenToFrame(frame: HTMLIFrameElement): void {
    try {
      const frameWindow = frame.contentWindow;
      if (!frameWindow || framesListened.has(frameWindow) || !frameWindow.document) return;
      framesListened.add(frameWindow);
      deps.listen(frameWindow, 'paste', onPaste);
    } catch {
      // A cross-origin frame: its own content script instance handles it.
    }
  }

  const isEditable = (target: EventTarget | undefined): target is Element =>
    target instanceof win.Element &&
    (target.matches(EDITABLE) || (target as HTMLElement).isContentEditable);

  deps.listen(win, 'paste', onPaste);
  deps.listen(win, 'focusin', (event) => {
    const target = event.composedPath()[0];
    if (!isEditable(target)) return;
    if (target instanceof win.HTMLIFrameElement) listenToFrame(target);
    // A field the page focused by itself (autofocus) is no sign of use: the user's first key
    // or click there is.
    if (win.navigator.userActivation?.hasBeenActive === false) return;
    void load();
  });
  const loadOnUse = (event: Event) => {
    // Every key and click of a page not yet used comes here: the cheap tests first.
    if (loading) return;
    if (event.type === 'keydown' && !PASTE_KEYS.has((event as KeyboardEvent).key)) return;
    if (isEditable(event.composedPath()[0])) void load();
  };
  deps.listen(win, 'keydown', loadOnUse);
  deps.listen(win, 'contextmenu', loadOnUse);
  deps.listen(win, 'pointerdown', loadOnUse);
  // Firefox sends the parent no focusin when focus moves into a frame, only a blur on the
  // window; the frame is then the active element.
  deps.listen(win, 'blur', (event) => {
    if (event.target !== win) return;
    win.setTimeout(() => {
      const active = win.document.activeElement;
      if (active instanceof win.HTMLIFrameElement) {
        void load();
        listenToFrame(active);
      }
    }, 0);
  });
}
