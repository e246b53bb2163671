import { isInEditableArea } from './copy-policy';

export interface CopyIntentDeps {
  doc: Document;
  /** True when the article script already runs in this frame (see article/presence.ts). */
  isArticleScriptHere(): boolean;
  /** Asks the background to inject the article script into this frame. */
  requestArticleScript(): Promise<unknown>;
  listen(target: EventTarget, type: string, listener: (event: Event) => void): void;
  onError(error: unknown): void;
}

/**
 * The all-pages script's part in attributing copies on any site. Reading a site's reuse
 * notice and its article needs the article script, which no page loads: it is asked for
 * once, when the user shows they may copy — page text is selected (a drag, a double click,
 * select-all) or the context menu opens — and arrives in the tens of milliseconds before
 * the Ctrl+C or the menu's Copy. Until then the cost is one flag test per selection change.
 * A copy quicker than that is left exactly as the browser makes it (fail open).
 */
export function watchCopyIntent(deps: CopyIntentDeps): void {
  let asked = false;
  const ask = () => {
    if (asked || deps.isArticleScriptHere()) return;
    asked = true;
    deps.requestArticleScript().catch((error: unknown) => {
      // The background was restarting: the next selection asks again.
      asked = false;
      deps.onError(error);
    });
  };
  deps.listen(deps.doc, 'selectionchange', () => {
    // Fires on every caret move in every field: the flags first, the selection only then.
    if (asked || deps.isArticleScriptHere()) return;
    const selection = deps.doc.getSelection();
    if (!selection || selection.isCollapsed || isInEditableArea(selection.anchorNode)) return;
    ask();
  });
  deps.listen(deps.doc, 'contextmenu', (event) => {
    if (!isInEditableArea(event.target as Node | null)) ask();
  });
}
