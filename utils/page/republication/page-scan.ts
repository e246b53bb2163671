import { highlightPassages } from './highlight';
import { createPageTextCollector, type PageText } from './page-text';
import type { PageReport } from '../../core/republication/report';

export interface PageScanDeps {
  win: Window & typeof globalThis;
  /** Asks the background which read articles the page's text reuses (it sets the badge). */
  checkPage(url: string, text: string, links: string[]): Promise<PageReport>;
  /**
   * Whether this page is worth checking at all: no article read yet, or the publisher's
   * own site, means no text is read and the background is not woken.
   */
  shouldCheck(): Promise<boolean>;
  /** Tells the background the page navigated in-page: its report (and badge) no longer hold. */
  onNavigated(): void;
  listen(target: EventTarget, type: string, listener: (event: Event) => void): void;
  onCleanup(callback: () => void): void;
  onError(error: unknown): void;
}

/** Each idle slice reads for at most this long: no task the user could feel. */
const SLICE_MS = 8;
/** A dynamic page is re-checked after it settles, at most this many times. */
const MAX_RESCANS = 5;
const RESCAN_DELAY_MS = 2_000;
/** New text below this size (a clock, a counter) is not worth a re-check. */
const SIGNIFICANT_CHANGE = 200;

/**
 * The republication check on one page: after load, in idle slices, read the visible text,
 * hand it to the background (which fingerprints and matches it, its code already warm),
 * and keep the report for the popup and the highlights.
 */
export function startRepublicationCheck(deps: PageScanDeps) {
  const { win } = deps;
  let report: PageReport | null = null;
  let page: PageText | null = null;
  let scanning = false;
  let rescans = 0;

  const idle = (callback: (deadline: () => boolean) => void) => {
    const start = () => {
      const began = win.performance.now();
      callback(() => win.performance.now() - began > SLICE_MS);
    };
    if (win.requestIdleCallback) win.requestIdleCallback(start, { timeout: 2_000 });
    else win.setTimeout(start, 50);
  };

  function pageLinks(): string[] {
    const links = new Set<string>();
    for (const anchor of Array.from(win.document.querySelectorAll('a[href]')).slice(0, 5_000)) {
      const href = (anchor as HTMLAnchorElement).href;
      if (/^https?:/i.test(href)) links.add(href);
    }
    return [...links];
  }

  async function finish(text: PageText) {
    if (!text.text.trim()) return;
    const checked = await deps.checkPage(win.location.href, text.text, pageLinks());
    page = text;
    report = checked;
  }

  function scan() {
    const body = win.document.body;
    if (scanning || !body) return;
    scanning = true;
    const collector = createPageTextCollector(body);
    const slice = (deadline: () => boolean) => {
      try {
        if (!collector.step(deadline)) return idle(slice);
        finish(collector.result())
          .catch(deps.onError)
          .finally(() => (scanning = false));
      } catch (error) {
        scanning = false;
        deps.onError(error);
      }
    };
    idle(slice);
  }

  // Dynamic pages: re-check when a good deal of text has arrived, once things settle; after
  // the last allowed re-check the observer goes, so a chat or an endless feed costs nothing.
  let added = 0;
  let timer: number | undefined;
  const rescanLater = () => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => {
      // A check still running keeps the change pending rather than losing it.
      if (scanning) return rescanLater();
      added = 0;
      rescans++;
      if (rescans >= MAX_RESCANS) observer.disconnect();
      scan();
    }, RESCAN_DELAY_MS);
  };
  const observer = new win.MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of Array.from(mutation.addedNodes)) added += node.textContent?.length ?? 0;
    }
    if (added >= SIGNIFICANT_CHANGE) rescanLater();
  });
  deps.onCleanup(() => {
    observer.disconnect();
    win.clearTimeout(timer);
  });

  // Everything — the first check, the mutation observer, the navigation watcher (a timer in
  // Firefox) — starts only on a page worth checking: most pages stop at one storage read.
  const begin = async () => {
    if (!(await deps.shouldCheck())) return;
    scan();
    if (win.document.body) observer.observe(win.document.body, { childList: true, subtree: true });
    // In-page navigation: the old report describes another page; check the new one once it
    // has rendered.
    deps.listen(win, 'wxt:locationchange', () => {
      report = null;
      page = null;
      deps.onNavigated();
      rescanLater();
    });
  };
  const start = () => void begin().catch(deps.onError);
  if (win.document.readyState === 'complete') start();
  else deps.listen(win, 'load', start);

  return {
    /** The report for the page as it is now (null until checked, or after navigation). */
    report: () => (report && report.url === win.location.href ? report : null),
    /** Marks the passages reused from one article (or all); see highlight.ts. */
    highlight: (articleUrl: string | null): number =>
      report && page ? highlightPassages(win, page, report, articleUrl) : 0,
  };
}

export type RepublicationCheck = ReturnType<typeof startRepublicationCheck>;
