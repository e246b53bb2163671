/**
 * The code a page needs only once it is used: paste-time attribution and the republication
 * check. Every frame of every page evaluates the all-pages content script at document_start,
 * and evaluation grows with its size (compiling 42 kB took Chromium 3–8 ms a frame on the CI
 * machine), so that script keeps only listeners, and this runtime comes as a script of its
 * own (entrypoints/page-runtime.ts) when a page needs it: imported from the extension's
 * files into the content script's world, which takes a few tens of milliseconds, once per
 * frame. The import leaves the runtime on the world's global under a symbol: content scripts
 * share that global, the page never sees it.
 */
import type { PasteRuntime } from './paste/paste-runtime';
import type { RepublicationCheck } from './republication/page-scan';
import type { StoredValues } from '../platform/storage/page-values';

/** What the content script lends the runtime: its listeners and clean-up go with it. */
export interface PageHooks {
  listen(target: EventTarget, type: string, listener: (event: Event) => void): void;
  onCleanup(callback: () => void): void;
  onError(error: unknown): void;
}

export interface PageRuntime {
  /**
   * Reads the paste index and settings (`stored`: their read, started with the runtime's
   * import, stored-items.ts's PASTE_STATE_KEYS); resolves once pastes can be decided on.
   */
  startPaste(hooks: PageHooks, stored: StoredValues): Promise<PasteRuntime>;
  /** The check of the top frame's text, once the page is worth checking. */
  startRepublicationCheck(hooks: PageHooks): RepublicationCheck;
}

const PAGE_RUNTIME = Symbol.for('linkback.page-runtime');

type WithRuntime = typeof globalThis & { [PAGE_RUNTIME]?: PageRuntime };

/** Called by the runtime's own script as it is evaluated. */
export function publishPageRuntime(runtime: PageRuntime): void {
  (globalThis as WithRuntime)[PAGE_RUNTIME] = runtime;
}

let loading: Promise<PageRuntime> | null = null;

/** Imports the runtime's script (once per frame) from its extension URL. */
export function loadPageRuntime(scriptUrl: string): Promise<PageRuntime> {
  return (loading ??= import(/* @vite-ignore */ scriptUrl).then(
    () => {
      const runtime = (globalThis as WithRuntime)[PAGE_RUNTIME];
      if (!runtime) throw new Error(`${scriptUrl} did not publish the page runtime`);
      return runtime;
    },
    (error: unknown) => {
      // The next use tries again (an extension updated under the page, say).
      loading = null;
      throw error;
    },
  ));
}
