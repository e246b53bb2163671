import type { NewPasteRecord } from '../../core/records/records';
import type { Settings } from '../../core/records/settings';
import { siteChoiceFor, type SiteChoices } from '../../core/rules/site-choice';
import { foldTable } from '../../core/fingerprint/fold';
import { normaliseHost } from '../../core/url';
import { followValue, type WatchedValue } from '../../platform/storage/page-values';
import {
  createHistoryStep,
  createPasteDelivery,
  createPasteEventFactory,
  insertNatively,
  pageEventWorld,
} from './dispatch-paste';
import { createPasteFeedback, type PasteFeedbackDeps } from './paste-feedback';
import { createPasteHandler } from './paste-handler';
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

/** Fields worth loading the index for before anyone focuses them: text can be pasted there. */
const TEXT_FIELDS =
  'textarea, input:not([type]), input[type="text"], [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';

/**
 * Paste-time attribution on one page. The index (hashes only) is loaded when the page has
 * somewhere to paste, or on the first focus of an editable element, so pages without
 * editors never read it; it follows storage changes from then on.
 */
export function startPasteGuard(deps: PastePageDeps): void {
  const { win } = deps;
  const settings = followValue(deps.settings, deps);
  let index: PasteIndex | null = null;
  let loading = false;
  let siteChoices: () => SiteChoices = () => deps.siteChoices.fallback;

  /** A stored index that cannot be read leaves paste repair off (the background rebuilds it). */
  function readIndex(snapshot: PasteIndexSnapshot): PasteIndex | null {
    try {
      return createPasteIndex(snapshot);
    } catch (error) {
      deps.onError(error);
      return null;
    }
  }

  function loadIndex(): void {
    if (loading) return;
    loading = true;
    siteChoices = followValue(deps.siteChoices, deps);
    deps.pasteIndex.getValue().then((snapshot) => {
      index = readIndex(snapshot);
      // The folding table and the first compilation cost milliseconds: pay them now, while
      // idle, not inside the user's first paste, and in two idle tasks (in one they made a
      // task of 50 ms on a busy machine).
      const idle = (work: () => void) =>
        win.requestIdleCallback ? win.requestIdleCallback(work) : win.setTimeout(work, 0);
      idle(() => {
        foldTable();
        idle(() => index && warmUpPasteMatching(index));
      });
    }, deps.onError);
    deps.onCleanup(deps.pasteIndex.watch((snapshot) => (index = readIndex(snapshot))));
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
    getSettings: settings,
    isSiteOff: (hosts) => hosts.some((host) => siteChoiceFor(siteChoices(), host)?.kind === 'off'),
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
      if (attributed && settings().pasteNotice) {
        // After the paste's own task: the notice must not lengthen the paste the user waits on.
        win.setTimeout(
          () => feedback.attributed(attributed, recordId, match.source.hosts[0] ?? ''),
          0,
        );
      }
    },
    onError: deps.onError,
  });

  // Editors inside same-origin frames (TinyMCE writes its frame with document.write, which
  // drops listeners a content script put there): listen on the frame from the parent.
  const framesListened = new WeakSet<Window>();
  function listenToFrame(frame: HTMLIFrameElement): void {
    try {
      const frameWindow = frame.contentWindow;
      if (!frameWindow || framesListened.has(frameWindow) || !frameWindow.document) return;
      framesListened.add(frameWindow);
      deps.listen(frameWindow, 'paste', handlePaste as (event: Event) => void);
    } catch {
      // A cross-origin frame: its own content script instance handles it.
    }
  }

  deps.listen(win, 'paste', handlePaste as (event: Event) => void);
  deps.listen(win, 'focusin', (event) => {
    const target = event.composedPath()[0];
    if (!(target instanceof win.Element) || !target.matches(EDITABLE)) {
      if (!(target as HTMLElement | null)?.isContentEditable) return;
    }
    loadIndex();
    if (target instanceof win.HTMLIFrameElement) listenToFrame(target);
  });
  // Firefox sends the parent no focusin when focus moves into a frame, only a blur on the
  // window; the frame is then the active element.
  deps.listen(win, 'blur', (event) => {
    if (event.target !== win) return;
    win.setTimeout(() => {
      const active = win.document.activeElement;
      if (active instanceof win.HTMLIFrameElement) {
        loadIndex();
        listenToFrame(active);
      }
    }, 0);
  });
  const loadIfEditable = () => {
    if (win.document.querySelector(TEXT_FIELDS)) loadIndex();
  };
  if (win.document.readyState === 'loading')
    deps.listen(win.document, 'DOMContentLoaded', loadIfEditable);
  else loadIfEditable();
}
