import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageReport } from '../../../../utils/core/republication/report';
import { startRepublicationCheck } from '../../../../utils/page/republication/page-scan';

const QUOTED = 'Special Envoy Steve Witkoff and Jared Kushner are scheduled to meet Putin.';

let cleanups: Array<() => void>;
let checks: Array<{ url: string; text: string; links: string[] }>;
let onNavigated: ReturnType<typeof vi.fn<() => void>>;
let onError: ReturnType<typeof vi.fn<(error: unknown) => void>>;

/** The report the background would make: one article, its passage where QUOTED stands. */
function reportFor(url: string, text: string): PageReport {
  const start = text.indexOf(QUOTED);
  return {
    url,
    checkedAt: 1,
    articles:
      start < 0
        ? []
        : [
            {
              url: 'https://caliber.az/en/post/story',
              publisherId: 'caliber',
              title: 'Story',
              siteName: 'Caliber.az',
              publishedAt: null,
              language: 'en',
              requiredLink: 'site',
              placement: 'end',
              passages: [{ start, end: start + QUOTED.length, quote: QUOTED }],
              coverage: 0.5,
              linkStatus: 'none',
              compliant: false,
            },
          ],
  };
}

function start(shouldCheck = true) {
  return startRepublicationCheck({
    win: window as Window & typeof globalThis,
    checkPage: async (url, text, links) => {
      checks.push({ url, text, links });
      return reportFor(url, text);
    },
    shouldCheck: async () => shouldCheck,
    onNavigated,
    listen: (target, type, listener) => {
      target.addEventListener(type, listener, { capture: true });
      cleanups.push(() => target.removeEventListener(type, listener, { capture: true }));
    },
    onCleanup: (callback) => cleanups.push(callback),
    onError,
  });
}

beforeEach(() => {
  document.body.innerHTML = `<nav>Home News</nav><main><p>Intro.</p><p id="quote">${QUOTED}</p>
    <a href="https://blog.example/other">other</a><a href="javascript:void 0">js</a></main>`;
  cleanups = [];
  checks = [];
  onNavigated = vi.fn<() => void>();
  onError = vi.fn<(error: unknown) => void>();
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('the republication check', () => {
  it('does nothing on a page not worth checking: no text read, the background not asked', async () => {
    const check = start(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(checks).toEqual([]);
    expect(check.report()).toBeNull();
  });

  it('reads the visible text in idle slices and keeps the background’s report', async () => {
    const check = start();
    await vi.waitFor(() => expect(checks).toHaveLength(1));
    const [sent] = checks;
    expect(sent!.url).toBe(window.location.href);
    expect(sent!.text).toContain(QUOTED);
    expect(sent!.text).not.toContain('Home News');
    expect(sent!.links).toEqual(['https://blog.example/other']);
    await vi.waitFor(() => expect(check.report()?.articles).toHaveLength(1));
    expect(onError).not.toHaveBeenCalled();
  });

  it('forgets the report on in-page navigation and tells the background', async () => {
    const check = start();
    await vi.waitFor(() => expect(check.report()).not.toBeNull());
    window.dispatchEvent(new Event('wxt:locationchange'));
    expect(onNavigated).toHaveBeenCalledOnce();
    expect(check.report()).toBeNull();
    expect(check.highlight(null)).toBe(0);
  });

  it('checks again once a good deal of text has arrived and the page has settled', async () => {
    const check = start();
    await vi.waitFor(() => expect(check.report()).not.toBeNull());
    document
      .querySelector('main')!
      .insertAdjacentHTML('beforeend', `<p>${'More text. '.repeat(30)}</p>`);
    await vi.waitFor(() => expect(checks).toHaveLength(2), { timeout: 4_000 });
    expect(checks[1]!.text).toContain('More text.');
  });

  it('highlights the reused passages with the Custom Highlight API, without touching the DOM', async () => {
    const registry = new Map<string, { ranges: Range[] }>();
    class FakeHighlight {
      ranges: Range[];
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    }
    // happy-dom has neither: a browser's registry and Highlight, as far as the check uses them.
    const css = Object.getOwnPropertyDescriptor(window, 'CSS');
    Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
    Object.defineProperty(window, 'Highlight', { value: FakeHighlight, configurable: true });
    const before = document.body.innerHTML;
    try {
      const check = start();
      await vi.waitFor(() => expect(check.report()).not.toBeNull());
      expect(check.highlight('https://unrelated.example/')).toBe(0);
      expect(check.highlight(null)).toBe(1);
      const [range] = registry.get('linkback-reuse')!.ranges;
      expect(range!.toString()).toBe(QUOTED);
      expect(document.body.innerHTML).toBe(before);
    } finally {
      if (css) Object.defineProperty(window, 'CSS', css);
      else delete (window as { CSS?: unknown }).CSS;
      delete (window as { Highlight?: unknown }).Highlight;
    }
  });

  it('marks nothing where the browser has no Custom Highlight API', async () => {
    const check = start();
    await vi.waitFor(() => expect(check.report()).not.toBeNull());
    expect(check.highlight(null)).toBe(0);
  });
});
