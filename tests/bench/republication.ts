// Republication figures (issue 4): fingerprinting speed, the page-side scan in Chromium,
// and the background's article index for 10,000 read articles.
import { WinnowFilter } from '@dodona/dolos-core';
import puppeteer from 'puppeteer-core';
import { fingerprintText } from '../../utils/core/fingerprint/fingerprint';
import { buildPageReport } from '../../utils/core/republication/report';
import { ArticleIndex, type IndexedArticle } from '../../utils/core/republication/article-index';
import {
  bundleForPage,
  escapeHtml,
  launchChromium,
  median,
  nodeGc,
  note,
  openPage,
  passage,
  print,
  prose,
  quantile,
  rng,
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

const ARTICLES = 10_000;
const PAGE_TEXT_CHARS = 200_000;
/** Articles whose passages the test page reuses. */
const REUSED = [17, 4_242, 9_001];

function bodyOf(article: number): string {
  const words = 600 + ((article * 7919) % 401); // 600–1,000, ~800 on average
  return prose(article + 5_000_000, words);
}

function cardOf(article: number, fingerprintCount: number): IndexedArticle {
  const host = `press${article % 400}.example`;
  return {
    url: `https://www.${host}/politics/2025/${1 + (article % 12)}/${article}-ministers-agree`,
    title: `Article ${article}: ${passage(prose(article + 7_000_000, 12), 0, 9)}`,
    siteName: `Press ${article % 400}`,
    publisherId: article % 2 ? `press-${article % 400}` : null,
    publishedAt: new Date(Date.UTC(2025, 0, 1) + article * 3_600_000).toISOString(),
    language: 'en',
    hosts: [host, `www.${host}`],
    requiredLink: article % 3 ? 'article' : 'site',
    placement: 'end',
    lastSeenAt: Date.UTC(2025, 6, 1) + article * 60_000,
    fingerprintCount,
  };
}

function articleEntries(): { article: IndexedArticle; fingerprints: Uint32Array }[] {
  return Array.from({ length: ARTICLES }, (_, a) => {
    const fingerprints = fingerprintText(bodyOf(a)).hashes;
    return { article: cardOf(a, new Set(fingerprints).size), fingerprints };
  });
}

/**
 * A 200 kB-text article page: header and nav, a <main> of many paragraphs (some inline
 * links and emphasis; passages of three indexed articles among fresh text), an aside with
 * related links, a footer, scripts and a hidden block.
 */
function testPage(): { html: string; url: string } {
  const random = rng(4242);
  const paragraphs: string[] = [];
  let length = 0;
  let fresh = 0;
  let reused = 0;
  while (length < PAGE_TEXT_CHARS) {
    let text: string;
    if (paragraphs.length % 25 === 5 && reused < REUSED.length * 3) {
      const article = REUSED[reused % REUSED.length]!;
      text = passage(bodyOf(article), 100 * Math.floor(reused / REUSED.length), 90);
      reused++;
    } else {
      text = prose(90_000_000 + fresh++, 40 + Math.floor(random() * 80)).replace(/\n\n/g, ' ');
    }
    length += text.length;
    let inner = escapeHtml(text);
    if (random() < 0.2) inner = inner.replace(/(\S+) (\S+)/, '<em>$1 $2</em>');
    if (random() < 0.15)
      inner += ` <a href="https://elsewhere${paragraphs.length}.example/x">more</a>`;
    paragraphs.push(`<p>${inner}</p>`);
    if (paragraphs.length % 30 === 0)
      paragraphs.push(`<h2>${escapeHtml(passage(text, 0, 6))}</h2>`);
  }
  const links = (n: number, prefix: string) =>
    Array.from(
      { length: n },
      (_, i) => `<li><a href="/${prefix}/${i}">${prefix} ${i}</a></li>`,
    ).join('');
  // The page links to the first reused article's site, not the article.
  const siteLink = `<p>Source: <a href="https://${cardOf(REUSED[0]!, 0).hosts[0]}/">Press</a></p>`;
  const html = `<!doctype html><html><head><title>Republished</title>
<style>.hidden{display:none} main p{line-height:1.5}</style></head><body>
<header><nav><ul>${links(40, 'section')}</ul></nav></header>
<main><article><h1>Ministers agree on a new plan</h1>${paragraphs.join('\n')}${siteLink}
<div class="hidden"><p>Hidden teaser text that is never read by the scan.</p></div></article></main>
<aside><h3>Related</h3><ul>${links(30, 'related')}</ul></aside>
<footer><ul>${links(60, 'footer')}</ul><p>© Republisher</p></footer>
<script>window.analytics = { queue: [] };</script>
</body></html>`;
  return { html, url: 'https://republisher.example/2025/07/ministers-agree' };
}

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

function heapNow(): number {
  nodeGc();
  nodeGc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

export async function republicationFigures(): Promise<Figure[]> {
  const figures: Figure[] = [...throughputFigures()];

  let began = performance.now();
  const heapBefore = heapNow();
  let entries: ReturnType<typeof articleEntries> | null = articleEntries();
  note(
    `10,000 article bodies generated and fingerprinted in ${(performance.now() - began).toFixed(0)} ms`,
  );

  // Cold load: what a restarted service worker pays (after IndexedDB has handed it the entries).
  const loads: number[] = [];
  let index = ArticleIndex.fromEntries(entries);
  for (let i = 0; i < 5; i++) {
    began = performance.now();
    index = ArticleIndex.fromEntries(entries);
    loads.push(performance.now() - began);
  }
  entries = null;
  const heapDelta = heapNow() - heapBefore;
  const cardsBytes = JSON.stringify(index.list()).length;
  const pairBytes = index.snapshot().pairs.byteLength;
  note(
    `article index: ${index.size} articles, ${pairBytes / 8} pairs (${pairBytes} B), ` +
      `cards ${cardsBytes} B as JSON; cold loads ${loads.map((t) => t.toFixed(0)).join(', ')} ms`,
  );

  const scan = await pageScan();
  figures.push(...scan.figures);
  figures.push(...(await firefoxThroughput()));

  // The background's whole check of that page: fingerprint, match, report (article-store.ts).
  const pageUrl = 'https://republisher.example/2025/07/ministers-agree';
  const checks: number[] = [];
  const matches: number[] = [];
  let reported = '';
  const fingerprintings: number[] = [];
  const reports: number[] = [];
  for (let i = 0; i < 60; i++) {
    began = performance.now();
    const page = fingerprintText(scan.text);
    const matchBegan = performance.now();
    fingerprintings.push(matchBegan - began);
    const hits = index.match(page.hashes);
    const reportBegan = performance.now();
    matches.push(reportBegan - matchBegan);
    const report = buildPageReport(pageUrl, scan.text, page, hits, scan.links, 0);
    reports.push(performance.now() - reportBegan);
    checks.push(performance.now() - began);
    reported = report.articles
      .map((a) => `${a.url.replace(/^.*\//, '')}:${a.linkStatus}`)
      .join(' ');
  }
  note(
    `background check reports: ${reported}; medians: fingerprint ${median(fingerprintings.slice(10)).toFixed(2)} ms, ` +
      `match ${median(matches.slice(10)).toFixed(2)} ms, report ${median(reports.slice(10)).toFixed(2)} ms`,
  );
  const measured = matches.slice(10);
  figures.push(print('republication.background-match.node.median', median(measured), 'ms', 10));
  figures.push(
    print('republication.background-match.node.p95', quantile(measured, 0.95), 'ms', 10),
  );
  const checked = checks.slice(10);
  figures.push(print('republication.background-check.node.median', median(checked), 'ms', 10));
  figures.push(print('republication.background-check.node.p95', quantile(checked, 0.95), 'ms', 10));
  figures.push(print('republication.index-footprint', pairBytes + cardsBytes, 'bytes', 52_428_800));
  figures.push(print('republication.index-heap-delta.node', heapDelta, 'bytes', 52_428_800));
  figures.push(print('republication.index-cold-load', median(loads), 'ms', 1_000));
  return figures;
}
