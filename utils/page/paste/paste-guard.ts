import type { NewPasteRecord } from '../../core/records/records';
import type { Settings } from '../../core/records/settings';
import { siteChoiceFor, type SiteChoices } from '../../core/rules/site-choice';
import { foldTable } from '../../core/fingerprint/fold';
import { normaliseHost } from '../../core/url';
import type { WatchedValue } from '../../platform/storage/page-values';
import {
  createHistoryStep,
  createPasteDelivery,
  createPasteEventFactory,
  insertNatively,
  pageEventWorld,
} from './dispatch-paste';
import { createPasteFeedback, type PasteFeedbackDeps } from './paste-feedback';
import { createPasteHandler } from './paste-handler';
import { createPasteHold } from './paste-hold';
import {
  createPasteIndex,
  warmUpPasteMatching,
  type PasteIndex,
} from '../../core/paste-index/match';
import type { PasteIndexSnapshot } from '../../core/paste-index/snapshot';

export interface PastePageDeps {
  win: Window & typeof globalThis;
  pasteIndex: WatchedValue<PasteIndexSnapshot>;
  settings: WatchedValue<Settings>;
  /** The user's word per site: read with the index, only on pages where one may paste. */
  siteChoices: WatchedValue<SiteChoices>;
  /** Reports a paste to the history; returns the id it is recorded under. */
  recordPaste(record: NewPasteRecord): string;
  /** The paste notice's strings, its Undo's record and its "Not on this site". */
  notice: Pick<PasteFeedbackDeps, 't' | 'noteUndone' | 'quietThisSite'>;
  /** Registers a listener that goes away with the content script (extension reload). */
  listen(target: EventTarget, type: string, listener: (event: Event) => void): void;
  onCleanup(callback: () => void): void;
  onError(error: unknown): void;
}

const EDITABLE =
  'textarea, input, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], iframe';

/** Keys that come before a paste from the keyboard: Ctrl or ⌘ (+V), Shift (+Insert). */
const PASTE_KEYS = new Set(['Control', 'Meta', 'Shift', 'Insert']);

/**
 * Paste-time attribution on one page. A page pays nothing until the user may paste: no
 * storage read, no storage watcher (the index is rewritten after every copy, and every frame
 * that watches storage is sent it). The settings, the user's site choices and the index
 * (hashes only) are read together when the user focuses somewhere editable, presses the keys
 * of a paste there or opens its menu; a paste that comes sooner is held until they are in
 * (paste-hold.ts). From then on they follow storage changes.
 */
export function startPasteGuard(deps: PastePageDeps): void {
  const { win } = deps;
  let index: PasteIndex | null = null;
  let settings = deps.settings.fallback;
  let siteChoices = deps.siteChoices.fallback;
  let loading: Promise<void> | null = null;
  let loaded = false;

  /** A stored index that cannot be read leaves paste repair off (the background rebuilds it). */
  function readIndex(snapshot: PasteIndexSnapshot): PasteIndex | null {
    try {
      return createPasteIndex(snapshot);
    } catch (error) {
      deps.onError(error);
      return null;
    }
  }

  /** Reads what pastes are decided on, once; settles when it is in, whatever failed. */
  function load(): Promise<void> {
    return (loading ??= (async () => {
      const follow = async <T>(value: WatchedValue<T>, use: (next: T) => void) => {
        deps.onCleanup(value.watch(use));
        use(await value.getValue());
      };
      const reads = await Promise.allSettled([
        follow(deps.settings, (next) => (settings = next)),
        follow(deps.siteChoices, (next) => (siteChoices = next)),
        follow(deps.pasteIndex, (snapshot) => (index = readIndex(snapshot))),
      ]);
      for (const read of reads) if (read.status === 'rejected') deps.onError(read.reason);
      loaded = true;
      // The folding table and the first compilation cost milliseconds: pay them while idle,
      // not inside the user's first paste, and in two idle tasks (in one they made a task of
      // 50 ms on a busy machine).
      const idle = (work: () => void) =>
        win.requestIdleCallback ? win.requestIdleCallback(work) : win.setTimeout(work, 0);
      idle(() => {
        foldTable();
        idle(() => index && warmUpPasteMatching(index));
      });
    })());
  }

  const world = pageEventWorld(win);
  const events = createPasteEventFactory(world);
  const deliver = createPasteDelivery(events);
  const feedback = createPasteFeedback({
    win,
    undo: {
      deliver,
      historyStep: createHistoryStep(world, /Mac/.test(win.navigator.platform)),
      // Editors that draw on the next frame (Lexical) have drawn by the one after.
      settle: () =>
        new Promise((resolve) =>
          win.requestAnimationFrame(() => win.requestAnimationFrame(() => resolve())),
        ),
    },
    ...deps.notice,
    listen: deps.listen,
    onError: deps.onError,
  });
  deps.onCleanup(feedback.close);
  const handlePaste = createPasteHandler({
    getIndex: () => index,
    pageHost: () => normaliseHost(win.location.hostname),
    getSettings: () => settings,
    isSiteOff: (hosts) => hosts.some((host) => siteChoiceFor(siteChoices, host)?.kind === 'off'),
    deliver,
    insertText: (target, text) => insertNatively(target, { plain: text, html: '' }, false),
    restoreOriginal: (target, original, kind) =>
      insertNatively(target, original, kind === 'rich' && !!original.html),
    onPasted: ({ match, added, attributed }) => {
      const recordId = deps.recordPaste({
        articleUrl: match.source.url,
        // The background knows the article's title from its copy records.
        title: null,
        destinationOrigin: win.location.origin,
        destinationTitle: win.document.title.slice(0, 200),
        pastedAt: Date.now(),
        added,
      });
      if (attributed && settings.pasteNotice) {
        // After the paste's own task: the notice must not lengthen the paste the user waits on.
        win.setTimeout(
          () => feedback.attributed(attributed, recordId, match.source.hosts[0] ?? ''),
          0,
        );
      }
    },
    onError: deps.onError,
  });

  const held = createPasteHold({
    win,
    load,
    handle: (replay) => handlePaste(replay, true),
    deliverOriginal: (target, original, kind) => {
      if (kind === 'quiet') insertNatively(target, original, false);
      else deliver(target, { ...original, additions: NO_ADDITIONS }, kind, null);
    },
    onError: deps.onError,
  });
  const onPaste = (event: Event) => {
    // Pastes wait in the order made: behind any held one, until the index is in.
    if ((!loaded || held.holding()) && held.hold(event as ClipboardEvent)) {
      void load();
      return;
    }
    handlePaste(event as ClipboardEvent);
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
    if (loading || !isEditable(event.composedPath()[0])) return;
    if (event.type === 'keydown' && !PASTE_KEYS.has((event as KeyboardEvent).key)) return;
    void load();
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

const NOTHING = { plain: '', html: '' };
const NO_ADDITIONS = { before: NOTHING, after: NOTHING };
