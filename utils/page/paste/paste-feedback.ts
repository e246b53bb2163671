import { showPasteNotice, type NoticeAction, type PasteNotice } from './paste-notice';
import {
  canUndoAttribution,
  undoAttribution,
  type AttributedPaste,
  type UndoTools,
} from './undo-attribution';

/** The interface strings the notice shows (keys of public/_locales/…/messages.json). */
export type NoticeMessage =
  | 'noticeLinkAdded'
  | 'noticeUndo'
  | 'noticeQuiet'
  | 'noticeUndone'
  | 'noticeQuieted'
  | 'noticeUndoFailed'
  | 'noticeCtrlZ';

export interface PasteFeedbackDeps {
  win: Window;
  undo: UndoTools;
  t(key: NoticeMessage, substitution?: string): string;
  /** The history marks the paste undone. */
  noteUndone(recordId: string): void;
  /** Turns Linkback off on this page's site (the background checks it is this page's). */
  quietThisSite(): Promise<void>;
  listen(target: EventTarget, type: string, listener: (event: Event) => void): void;
  onError(error: unknown): void;
}

/** The notice's shortcuts, documented in the README and shown on its buttons. */
export const UNDO_SHORTCUT = 'Alt+Shift+Z';
export const QUIET_SHORTCUT = 'Alt+Shift+N';

/** How long the notice stays once it has said what happened after a button. */
const OUTCOME_STAYS_FOR = 4_000;

/**
 * The window the notice goes in: the outermost one of the same origin, so that a paste in
 * an editor's frame (TinyMCE writes its body into one) is told about beside the frame, not
 * inside the document the editor owns.
 */
function outermostWindow(win: Window): Window {
  let outer = win;
  try {
    while (outer.parent !== outer && outer.parent.document) outer = outer.parent;
  } catch {
    // A parent of another origin: the notice stays in the last window of this one.
  }
  return outer;
}

/** The caret's rectangle (or the field's) in `view`, offset by every frame on the way. */
function anchorOf(target: Element, view: Window): DOMRect {
  const doc = target.ownerDocument;
  const selection = doc.getSelection();
  let rect = target.getBoundingClientRect();
  if (selection?.rangeCount && target.localName !== 'textarea' && target.localName !== 'input') {
    const caret = selection.getRangeAt(0).getBoundingClientRect();
    if (caret.width || caret.height) rect = caret;
  }
  for (let inner: Window | null = doc.defaultView; inner && inner !== view; inner = inner.parent) {
    const frame = inner.frameElement;
    if (!frame) break;
    const offset = frame.getBoundingClientRect();
    rect = new DOMRect(rect.left + offset.left, rect.top + offset.top, rect.width, rect.height);
  }
  return rect;
}

/**
 * What the user is told after a paste got its link, and what they can do about it: Undo
 * (the attribution comes out, the paste stays) and "Not on this site" (Linkback stays out
 * of this site from now on, and this paste's attribution comes out too). One notice at a
 * time; it goes when the user types on, since Undo then could no longer tell the paste
 * from what followed it.
 */
export function createPasteFeedback(deps: PasteFeedbackDeps) {
  const { win, t } = deps;
  let current: { notice: PasteNotice; actions: readonly NoticeAction[] } | null = null;
  const listened = new WeakSet<Window>();

  function close(): void {
    current?.notice.close();
    current = null;
  }

  function onKeydown(event: Event): void {
    const key = event as KeyboardEvent;
    if (!current || !key.isTrusted) return;
    const shortcut =
      key.altKey && key.shiftKey && !key.ctrlKey && !key.metaKey
        ? { KeyZ: UNDO_SHORTCUT, KeyN: QUIET_SHORTCUT }[key.code]
        : undefined;
    const action = shortcut && current.actions.find((candidate) => candidate.shortcut === shortcut);
    if (action) {
      key.preventDefault();
      key.stopImmediatePropagation();
      action.run();
      return;
    }
    if (!['Shift', 'Control', 'Alt', 'Meta'].includes(key.key)) close();
  }

  function listenIn(view: Window | null): void {
    if (!view || listened.has(view)) return;
    listened.add(view);
    deps.listen(view, 'keydown', onKeydown);
  }

  return {
    /** The paste `paste` got an attribution, recorded as `recordId`; `site` is its source. */
    attributed(paste: AttributedPaste, recordId: string, site: string): void {
      close();
      const view = outermostWindow(win);
      listenIn(win);
      listenIn(view);
      listenIn(paste.target.ownerDocument.defaultView);
      let busy = false;
      /** Runs a button's work once, then says how it went in the same notice. */
      const respond = (work: () => Promise<string>) => {
        const shown = current;
        if (busy || !shown) return;
        busy = true;
        const tell = (text: string) => {
          if (current !== shown) return;
          shown.notice.update({ text, actions: [] }, OUTCOME_STAYS_FOR);
          current = { notice: shown.notice, actions: [] };
        };
        work().then(tell, (error: unknown) => {
          deps.onError(error);
          tell(t('noticeUndoFailed'));
        });
      };
      const undoable = canUndoAttribution(paste);
      /** True when the attribution came out; the history then says so. */
      const undo = async () => {
        const undone = await undoAttribution(paste, deps.undo);
        if (undone) deps.noteUndone(recordId);
        return undone;
      };
      const actions: NoticeAction[] = [
        {
          label: t('noticeQuiet'),
          shortcut: QUIET_SHORTCUT,
          run: () =>
            respond(async () => {
              await deps.quietThisSite();
              const quieted = t('noticeQuieted', win.location.hostname);
              return !undoable || (await undo()) ? quieted : `${quieted} ${t('noticeUndoFailed')}`;
            }),
        },
      ];
      if (undoable) {
        actions.unshift({
          label: t('noticeUndo'),
          shortcut: UNDO_SHORTCUT,
          run: () =>
            respond(async () => ((await undo()) ? t('noticeUndone') : t('noticeUndoFailed'))),
        });
      }
      const text = t('noticeLinkAdded', site) + (undoable ? '' : ` ${t('noticeCtrlZ')}`);
      try {
        const notice = showPasteNotice(view.document, anchorOf(paste.target, view), {
          text,
          actions,
        });
        current = { notice, actions };
      } catch (error) {
        // The paste is in; only the notice is missing.
        deps.onError(error);
      }
    },
    close,
  };
}
