// Shared pieces of `npm run bench`: the figure format, a deterministic prose generator,
// statistics, and Chromium with the production modules bundled for the page.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../e2e/browsers';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The budget; `ok` says whether the value is within it. */
  goal: number;
  ok: boolean;
  /** Share of the budget used: value/goal when lower is better, goal/value when higher is. ≤ 1 is within budget. */
  ratio: number | null;
  better: 'lower' | 'higher';
}

export function print(
  name: string,
  value: number,
  unit: string,
  goal: number,
  better: 'lower' | 'higher' = 'lower',
): Figure {
  const ok = better === 'lower' ? value <= goal : value >= goal;
  const raw = better === 'lower' ? value / goal : goal / value;
  const figure: Figure = {
    name,
    value: Number(value.toFixed(3)),
    unit,
    goal,
    ok,
    ratio: Number.isFinite(raw) ? Number(raw.toFixed(3)) : null,
    better,
  };
  console.log(JSON.stringify(figure));
  return figure;
}

/** Progress and notes go to stderr: stdout stays one figure a line. */
export function note(message: string): void {
  console.error(`[bench] ${message}`);
}

// ---------------------------------------------------------------- statistics

export function quantile(values: readonly number[], q: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

/** Node's own gc(), without restarting node with --expose-gc. */
export const nodeGc: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

// ---------------------------------------------------------------- prose

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS =
  `the of and to a in that is was he for it with as his on be at by i this had not are
but from or have an they which one you were her all she there would their we him been has when
who will more no if out so said what up its about into than them can only other new some could
time these two may then do first any my now such like our over man me even most made after also
did many before must through back years where much your way well down should because each just
those people how too little state good very make world still own see men work long get here
between both life being under never day same another know while last might us great old year off
come since against go came right used take three`.split(/\s+/);

const SYLLABLES =
  'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go ha he hi ho ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi ar er ir or ur an en in on un al el il ol st tr pr gr br cr nd nt rs ck'.split(
    ' ',
  );

/**
 * About 4,000 words, most frequent first: English function words, the real words of the
 * Caliber article fixture and the seed text, then made-up words of 2–4 syllables.
 */
function vocabulary(): string[] {
  const words = new Set<string>(FUNCTION_WORDS);
  const html = readFileSync('tests/fixtures/pages/caliber-en.html', 'utf8');
  const paragraphs = [...html.matchAll(/<p[^>]*>([^<]{40,})/g)].map((m) => m[1]!).join(' ');
  let seed = '';
  try {
    seed = readFileSync('/work/shared/seed/000_5f7412b0fdd994d0.txt', 'utf8');
  } catch {
    // Optional: the fixture alone is enough.
  }
  for (const word of `${paragraphs} ${seed}`.toLowerCase().match(/[a-z][a-z'’-]*[a-z]/g) ?? []) {
    words.add(word);
  }
  const random = rng(12345);
  while (words.size < 4_000) {
    const count = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < count; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

const VOCABULARY = vocabulary();
/** Zipf's law (s = 1): word r is drawn with weight 1/r, as in natural text. */
const ZIPF_CDF = (() => {
  const cdf = new Float64Array(VOCABULARY.length);
  let sum = 0;
  for (let r = 0; r < VOCABULARY.length; r++) cdf[r] = sum += 1 / (r + 1);
  for (let r = 0; r < cdf.length; r++) cdf[r]! /= sum;
  return cdf;
})();

function drawWord(random: () => number): string {
  const x = random();
  let lo = 0;
  let hi = ZIPF_CDF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ZIPF_CDF[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo]!;
}

/**
 * Deterministic prose of about `words` words, in paragraphs (blank-line separated) of 3–7
 * sentences of 6–28 words, capitalised and punctuated. The same seed gives the same text.
 */
export function prose(seed: number, words: number): string {
  const random = rng(seed * 2654435761 + 1);
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    const n = 3 + Math.floor(random() * 5);
    for (let s = 0; s < n && count < words; s++) {
      const length = 6 + Math.floor(random() * 23);
      const parts: string[] = [];
      for (let i = 0; i < length; i++) {
        let word = drawWord(random);
        if (i === 0) word = word[0]!.toUpperCase() + word.slice(1);
        else if (random() < 0.04) word = word[0]!.toUpperCase() + word.slice(1); // names
        if (i < length - 1 && random() < 0.07) word += ',';
        parts.push(word);
      }
      count += length;
      sentences.push(`${parts.join(' ')}${random() < 0.08 ? '?' : '.'}`);
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n');
}

/** Words `from`…`from + length` of a text, as the reader would select them. */
export function passage(text: string, from: number, length: number): string {
  return text
    .split(/\s+/)
    .slice(from, from + length)
    .join(' ');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// ---------------------------------------------------------------- Chromium

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** Bundles production modules for the page: `window.__linkback` is what `source` exports. */
export async function bundleForPage(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: '__linkback',
    target: 'chrome120',
    write: false,
  });
  return result.outputFiles[0]!.text;
}

/**
 * Opens `url` served locally with `html`, cross-origin isolated (COOP + COEP) so that
 * performance.now() has 5 µs resolution instead of 100 µs, and adds `script`.
 */
export async function openPage(
  browser: Browser,
  url: string,
  html: string,
  script: string,
): Promise<Page> {
  const page = await browser.newPage();
  await page.route('**/*', (route) =>
    route.request().url() === url
      ? route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: {
            'Cross-Origin-Opener-Policy': 'same-origin',
            'Cross-Origin-Embedder-Policy': 'require-corp',
          },
          body: html,
        })
      : route.fulfill({ status: 204, body: '' }),
  );
  await page.goto(url);
  // tsx compiles the bench with keepNames: functions declared inside page.evaluate
  // callbacks call its __name helper, which the page lacks.
  await page.addScriptTag({ content: 'window.__name = (f) => f;' });
  await page.addScriptTag({ content: script });
  return page;
}

/** JS heap in use after a full gc, plus ArrayBuffer backing stores where the protocol says. */
export async function pageHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      backingStorageSize?: number;
    };
    return usage.usedSize + (usage.backingStorageSize ?? 0);
  } finally {
    await cdp.detach();
  }
}

// ---------------------------------------------------------------- pastes timed in the page

/**
 * Run in the page (`evaluate(watchPasteInPage, id)`): times the next paste from the V key's
 * keydown to the input event of the field `id`; `pasteLandedInPage` reads the result.
 */
export function watchPasteInPage(id: string): void {
  const state = window as unknown as { __keys?: number; __landed?: Promise<number> };
  addEventListener(
    'keydown',
    (event) => event.key === 'v' && (state.__keys ??= performance.now()),
    true,
  );
  state.__landed = new Promise((resolve) => {
    document
      .getElementById(id)
      ?.addEventListener('input', () => resolve(performance.now() - (state.__keys ?? NaN)));
  });
}

/** Run in the page: the paste's time (ms) and what the field `id` holds once it landed. */
export async function pasteLandedInPage(id: string): Promise<{ ms: number; value: string }> {
  const state = window as unknown as { __landed?: Promise<number> };
  const ms = await state.__landed;
  return { ms: ms ?? NaN, value: (document.getElementById(id) as HTMLInputElement).value };
}
