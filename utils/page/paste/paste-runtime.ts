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
import {
  createPasteIndex,
  warmUpPasteMatching,
  type PasteIndex,
} from '../../core/paste-index/match';
import {
  fromStoredPasteIndex,
  type PasteIndexSnapshot,
  type StoredPasteIndex,
} from '../../core/paste-index/snapshot';

export interface PasteRuntimeDeps {
  win: Window & typeof globalThis;
  pasteIndex: WatchedValue<StoredPasteIndex>;
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

/** Paste-time attribution in one frame, once the user may paste (paste-gate.ts decides when). */
export interface PasteRuntime {
  /**
   * The paste listener (paste-handler.ts): decides from memory, synchronously. `replayed`:
   * a paste the gate held until now (paste-hold.ts).
   */
  handle(event: ClipboardEvent, replayed?: boolean): void;
}

/**
 * Reads what pastes are decided on — the settings, the user's site choices and the index
 * (hashes only) — and follows their changes from then on; resolves once they are in,
 * whatever failed (a read that failed leaves its fallback: with no index nothing is changed).
 */
export async function startPasteRuntime(deps: PasteRuntimeDeps): Promise<PasteRuntime> {
  const { win } = deps;
  let index: PasteIndex | null = null;
  let settings = deps.settings.fallback;
  let siteChoices = deps.siteChoices.fallback;
  /** A stored index that cannot be read leaves paste repair off (the background rebuilds it). */
  function readIndex(stored: StoredPasteIndex): PasteIndex | null {
    try {
      return createPasteIndex(fromStoredPasteIndex(stored) as PasteIndexSnapshot);
    } catch (error) {
      deps.onError(error);
      return null;
    }
  }

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
  // The folding table and the matcher's first compilation: paid in the next task, before the
  // paste this load is for (a click comes a fraction of a second before its Ctrl+V), not
  // inside it; a paste held meanwhile is decided first. A short text compiles what a long
  // one would, and keeps the task short (3,000 words in an idle task, as before, were still
  // running when a quick paste came: 27 ms at the median instead of 9).
  win.setTimeout(() => {
    foldTable();
    if (index) warmUpPasteMatching(index, 300);
  }, 0);

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

  return { handle: handlePaste };
}
