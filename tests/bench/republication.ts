// Republication figures (issue 4): fingerprinting speed, the page-side scan in Chromium,
// and the background's article index at 1,000, 10,000 and 100,000 read articles
// (article-index.ts, which also runs alone).
import { WinnowFilter } from '@dodona/dolos-core';
import puppeteer from 'puppeteer-core';
import { fingerprintText } from '../../utils/core/fingerprint/fingerprint';
import { articleIndexFigures } from './article-index';
import { testPage } from './republication-corpus';
import {
  bundleForPage,
  launchChromium,
  median,
  note,
  openPage,
  print,
  type Figure,
} from './shared';
import { findFirefox } from '../e2e/browsers';
import {
  forkedTimings,
  hyphenatedText,
  THROUGHPUT_RUNS,
  THROUGHPUT_WARMUPS,
  throughputText,
  timeRuns,
} from './throughput';

const PAGE_MODULES = `
  export { fingerprintText } from './utils/core/fingerprint/fingerprint';
  export { createPageTextCollector } from './utils/page/republication/page-text';
`;

interface PageApi {
  fingerprintText: typeof fingerprintText;
  createPageTextCollector: typeof import('../../utils/page/republication/page-text').createPageTextCollector;
}

interface PageState {
  __linkback: PageApi;
  __text?: string;
}

/**
 * Chromium: the 200 kB page's scan as page-scan.ts runs it, in fresh pages (cold JIT, as
 * every page load is): idle slices of at most 8 ms collecting the visible text, then the
 * links and the message to the background (its serialisation is the page's cost).
 * Fingerprinting, matching and the report happen in the background, measured in Node.
 */
async function pageScan(): Promise<{ figures: Figure[]; text: string; links: string[] }> {
  const figures: Figure[] = [];
  const browser = await launchChromium();
  let text = '';
  let links: string[] = [];
  try {
    const script = await bundleForPage(PAGE_MODULES);
    const { html, url } = testPage();
    const totals: number[] = [];
    const longest: number[] = [];
    // Fresh pages vary (cold JIT, GC, this VM): a median of nine.
    for (let run = 0; run < 9; run++) {
      const page = await openPage(browser, url, html, script);
      // The scan starts after load, when the page has been laid out once.
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );
      const scan = await page.evaluate(async () => {
        const state = window as unknown as PageState;
        const collector = state.__linkback.createPageTextCollector(document.body);
        const slices: number[] = [];
        for (;;) {
          const began = performance.now();
          const done = collector.step(() => performance.now() - began > 8);
          slices.push(performance.now() - began);
          if (done) break;
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        const began = performance.now();
        const result = collector.result();
        const found = new Set<string>();
        for (const anchor of Array.from(document.querySelectorAll('a[href]')).slice(0, 5_000)) {
          const href = (anchor as HTMLAnchorElement).href;
          if (/^https?:/i.test(href)) found.add(href);
        }
        const message = {
          type: 'page:check',
          url: location.href,
          title: document.title,
          text: result.text,
          links: [...found],
        };
        structuredClone(message); // what runtime.sendMessage does with it on this thread
        const send = performance.now() - began;
        return { slices, send, text: result.text, links: message.links };
      });
      await page.close();
      text = scan.text;
      links = scan.links;
      const sum = scan.slices.reduce((a, b) => a + b, 0);
      totals.push(sum + scan.send);
      longest.push(Math.max(...scan.slices, scan.send));
      note(
        `page scan run ${run}: ${scan.text.length} chars, ${scan.slices.length} slices (max ` +
          `${Math.max(...scan.slices).toFixed(2)} ms, sum ${sum.toFixed(2)} ms), links + message ${scan.send.toFixed(2)} ms`,
      );
    }
    figures.push(print('republication.page-main-thread-total', median(totals), 'ms', 20));
    figures.push(print('republication.page-longest-task', median(longest), 'ms', 50));

    // fingerprintText throughput in pages, on the same 5 MB the Node figure uses; like the
    // Node forks, several fresh pages, since each compiles the hot loops its own way.
    const measured: number[] = [];
    const pageMedians: number[] = [];
    for (let fresh = 0; fresh < 3; fresh++) {
      const page = await openPage(browser, url, '<!doctype html><p>x</p>', script);
      await page.evaluate(
        (text) => ((window as unknown as PageState).__text = text),
        throughputText(),
      );
      const times = await page.evaluate(
        timeFingerprintingInPage,
        THROUGHPUT_WARMUPS + THROUGHPUT_RUNS,
      );
      await page.close();
      measured.push(...times.slice(THROUGHPUT_WARMUPS));
      pageMedians.push(median(times.slice(THROUGHPUT_WARMUPS)));
    }
    const chromium = median(measured);
    note(
      `throughput in Chromium: fingerprintText ${describeRuns(measured)} in ${pageMedians.length} pages ` +
        `(their medians ${pageMedians.map((m) => m.toFixed(1)).join(', ')} ms)`,
    );
    figures.push(
      print(
        'fingerprint.throughput.chromium',
        throughputText().length / chromium / 1000,
        'Mchar/s',
        150,
        'higher',
      ),
    );
  } finally {
    await browser.close();
  }
  return { figures, text, links };
}

/** Runs in a page (Chromium or Firefox): fingerprints the page's text `runs` times, timing each. */
function timeFingerprintingInPage(runs: number): number[] {
  const state = window as unknown as PageState;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    state.__linkback.fingerprintText(state.__text!);
    times.push(performance.now() - began);
  }
  return times;
}

function describeRuns(times: number[]): string {
  const sorted = times.slice().sort((a, b) => a - b);
  return `median ${median(sorted).toFixed(1)} ms (fastest ${sorted[0]!.toFixed(1)}, slowest ${sorted[sorted.length - 1]!.toFixed(1)}, ${sorted.length} runs)`;
}

/**
 * Firefox ESR (SpiderMonkey), the extension's other engine: reported for information next
 * to the Node and Chromium figures (V8) that the goal is set on.
 */
async function firefoxThroughput(): Promise<Figure[]> {
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      // Full-resolution performance.now() (Firefox rounds it to 1 ms by default).
      extraPrefsFirefox: { 'privacy.reduceTimerPrecision': false },
    });
  } catch (error) {
    // An informational figure: say so loudly, and measure the rest.
    note(`NOT MEASURED: fingerprint.throughput.firefox (${(error as Error).message})`);
    return [];
  }
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: 'window.__name = (f) => f;' });
    await page.addScriptTag({ content: await bundleForPage(PAGE_MODULES) });
    await page.evaluate(
      (text) => ((window as unknown as PageState).__text = text),
      throughputText(),
    );
    const times = await page.evaluate(
      timeFingerprintingInPage,
      THROUGHPUT_WARMUPS + THROUGHPUT_RUNS,
    );
    const measured = times.slice(THROUGHPUT_WARMUPS);
    note(`throughput in Firefox: fingerprintText ${describeRuns(measured)}`);
    return [
      print(
        'fingerprint.throughput.firefox',
        throughputText().length / median(measured) / 1000,
        'Mchar/s',
        0,
        'higher',
      ),
    ];
  } finally {
    await browser.close();
  }
}

/**
 * Node: fingerprintText (in forked processes, see throughput.ts) against dolos's winnowing
 * on the same text, tokenising included.
 */
function throughputFigures(): Figure[] {
  const text = throughputText();
  const forks = forkedTimings();
  const plain = forks.flatMap((fork) => fork.plain);
  const ours = median(plain);
  const filter = new WinnowFilter(5, 8);
  let dolosCount = 0;
  const dolos = median(
    timeRuns(5, 1, () => {
      dolosCount = filter.fingerprints(text.split(/\s+/)).length;
    }),
  );
  const oursCount = fingerprintText(text).hashes.length;
  note(
    `throughput on ${text.length} chars: fingerprintText ${describeRuns(plain)} in ${forks.length} processes ` +
      `(their medians ${forks.map((fork) => median(fork.plain).toFixed(1)).join(', ')} ms), ${oursCount} fingerprints; ` +
      `dolos ${dolos.toFixed(1)} ms (${dolosCount} fingerprints)`,
  );
  return [
    print('fingerprint.throughput', text.length / ours / 1000, 'Mchar/s', 150, 'higher'),
    print(
      'fingerprint.throughput.soft-hyphens',
      hyphenatedText().length / median(forks.flatMap((fork) => fork.hyphenated)) / 1000,
      'Mchar/s',
      0,
      'higher',
    ),
    print('fingerprint.throughput.dolos', text.length / dolos / 1000, 'Mchar/s', 0, 'higher'),
    print('fingerprint.throughput-vs-dolos', dolos / ours, 'ratio', 5, 'higher'),
  ];
}

export async function republicationFigures(): Promise<Figure[]> {
  const figures: Figure[] = [...throughputFigures()];
  const scan = await pageScan();
  figures.push(...scan.figures);
  figures.push(...(await firefoxThroughput()));
  // The background's checks of the page as Chromium collected it.
  figures.push(...articleIndexFigures({ ...testPage(), text: scan.text, links: scan.links }));
  return figures;
}
