// Generic metadata extraction (the "metadata that is right on any news site" issue): how many
// fields come out right on the generic news fixtures (tests/fixtures/metadata), scored in
// Node on happy-dom as the unit tests do, and how long extractMetadata takes per article DOM,
// timed in Chromium on the page's own DOM like the extract-metadata.* figures of run.ts
// (happy-dom's selector engine is many times slower than a browser's and would time itself).
import { extractMetadata } from '../../utils/core/metadata/extract';
import { findPublisherRule } from '../../utils/core/publishers';
import { parseHtml } from '../unit/fixtures';
import {
  metadataFixtures,
  readMetadataFixture,
  SCORED_FIELDS,
  scoreFields,
} from '../unit/core/metadata/metadata-fixtures';
import type { Browser } from 'playwright-core';
import {
  bundleForPage,
  escapeHtml,
  launchChromium,
  median,
  note,
  openPage,
  print,
  prose,
  quantile,
  type Figure,
} from './shared';

const SAMPLES_PER_PAGE = 40;
const BATCH = 5;
const WARM_UP = 20;

/** Per field, the share of fixtures on which it is right; all of them is the goal. */
function fieldAccuracy(): Figure[] {
  const results = metadataFixtures().map((fixture) => ({
    expected: fixture.expected,
    found: extractMetadata(
      parseHtml(readMetadataFixture(fixture.file)),
      fixture.url,
      findPublisherRule(fixture.url),
    ),
  }));
  const scores = scoreFields(results);
  note(
    `metadata: ${results.length} fixtures; ${SCORED_FIELDS.map((field) => `${field} ${scores[field].correct}/${scores[field].total}`).join(', ')}`,
  );
  return SCORED_FIELDS.map((field) =>
    print(
      `metadata.${field}.correct`,
      scores[field].correct / scores[field].total,
      'ratio',
      1,
      'higher',
    ),
  );
}

/**
 * A fixture grown to a long article: 150 paragraphs of body and a 300-comment thread with
 * author names, so the byline search meets as much text as a real long read gives it.
 */
function longArticle(html: string): string {
  const body = Array.from({ length: 150 }, (_, i) => `<p>${escapeHtml(prose(i + 1, 80))}</p>`);
  const comments = Array.from(
    { length: 300 },
    (_, i) =>
      `<div class="comment"><span class="comment-author">Reader Number${i}</span><p>${escapeHtml(prose(i + 500, 30))}</p></div>`,
  );
  return html
    .replace('<div class="text">', `<div class="text">${body.join('')}`)
    .replace('<div class="comments">', `<div class="comments">${comments.join('')}`);
}

/** The extractor as the content script runs it, bundled for the page. */
const EXTRACTOR_SOURCE = `
  export { extractMetadata } from './utils/core/metadata/extract';
  export { findPublisherRule } from './utils/core/publishers';`;

interface PageExtractor {
  extractMetadata(doc: Document, url: string, rule: unknown): unknown;
  findPublisherRule(url: string): unknown;
}

/**
 * Milliseconds per extraction in Chromium, on the page's own DOM (the page is cross-origin
 * isolated, so the clock has 5 µs steps). Each sample is the mean of a batch of
 * BATCH calls, as in run.ts: on a shared two-core machine a single call's time is often
 * the scheduler's, not the extractor's.
 */
async function extractionTimes(
  browser: Browser,
  script: string,
  pages: readonly { html: string; url: string }[],
): Promise<number[]> {
  const times: number[] = [];
  for (const { html, url } of pages) {
    const page = await openPage(browser, url, html, script);
    const samples = await page.evaluate(
      ({ url, samples, batch, warmUp }) => {
        const extractor = (window as unknown as { __linkback: PageExtractor }).__linkback;
        const rule = extractor.findPublisherRule(url);
        for (let i = 0; i < warmUp; i++) extractor.extractMetadata(document, url, rule);
        const times: number[] = [];
        for (let i = 0; i < samples; i++) {
          const start = performance.now();
          for (let j = 0; j < batch; j++) extractor.extractMetadata(document, url, rule);
          times.push((performance.now() - start) / batch);
        }
        return times;
      },
      { url, samples: SAMPLES_PER_PAGE, batch: BATCH, warmUp: WARM_UP },
    );
    times.push(...samples);
    await page.close();
  }
  return times;
}

async function extractionFigures(): Promise<Figure[]> {
  const pages = metadataFixtures().map((fixture) => ({
    html: readMetadataFixture(fixture.file),
    url: fixture.url,
  }));
  const long = pages.find((page) => page.url.includes('vechgorod'));
  if (!long) throw new Error('the long-article bench page lost its fixture');
  const longPage = { html: longArticle(long.html), url: long.url };
  const browser = await launchChromium();
  try {
    const script = await bundleForPage(EXTRACTOR_SOURCE);
    const times = await extractionTimes(browser, script, pages);
    const longTimes = await extractionTimes(browser, script, [longPage]);
    note(
      `metadata: ${pages.length} pages × ${SAMPLES_PER_PAGE} samples of ${BATCH} runs in Chromium, median ${median(times).toFixed(3)} ms; long article ${(longPage.html.length / 1024).toFixed(0)} kB, median ${median(longTimes).toFixed(3)} ms`,
    );
    return [
      print('metadata.extract.p50', median(times), 'ms', 2),
      print('metadata.extract.p95', quantile(times, 0.95), 'ms', 2),
      print('metadata.extract-long-article.p95', quantile(longTimes, 0.95), 'ms', 2),
    ];
  } finally {
    await browser.close();
  }
}

/** Figures for `npm run bench`: metadata.<field>.correct, metadata.extract.p50/p95, the long article's p95. */
export async function metadataFigures(): Promise<Figure[]> {
  return [...fieldAccuracy(), ...(await extractionFigures())];
}

// `tsx tests/bench/metadata.ts` on its own prints the figures.
if (import.meta.url === `file://${process.argv[1]}`) await metadataFigures();
