// `npm run bench`: prints one JSON object per line — {"name","value","unit","goal","ok"} —
// for people and scripts alike. Builds come first (npm script); this measures them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findChromium } from '../e2e/browsers';

interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The budget; `ok` says whether the value is within it. */
  goal: number;
  ok: boolean;
}

function print(name: string, value: number, unit: string, goal: number): Figure {
  const figure = { name, value: Number(value.toFixed(3)), unit, goal, ok: value <= goal };
  console.log(JSON.stringify(figure));
  return figure;
}

/** Budgets per content script, gzipped. The all-pages script (later issues) gets 15 kB. */
const CONTENT_SCRIPT_BUDGETS: Record<string, number> = {
  // Publisher pages only; most of it is DOMPurify, which the all-pages script must not carry.
  article: 30_000,
  content: 15_000,
};

function contentScriptSizes(outputDir: string, browserName: string): Figure[] {
  const dir = join(outputDir, 'content-scripts');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .flatMap((file) => {
      const name = file.replace(/\.js$/, '');
      const code = readFileSync(join(dir, file));
      const budget = CONTENT_SCRIPT_BUDGETS[name] ?? 15_000;
      return [
        print(
          `content-script.${name}.${browserName}.minified`,
          statSync(join(dir, file)).size,
          'bytes',
          budget * 4,
        ),
        print(
          `content-script.${name}.${browserName}.gzip`,
          gzipSync(code, { level: 9 }).length,
          'bytes',
          budget,
        ),
      ];
    });
}

/** Bundles the extractor for the page: the same code the content script runs. */
async function bundleExtractor(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { extractMetadata } from './utils/metadata/extract';
        import { findPublisherRule } from './utils/publishers';
        window.__extract = (url) => extractMetadata(document, url, findPublisherRule(url));`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
  });
  return result.outputFiles[0]!.text;
}

const FIXTURES: [file: string, url: string][] = [
  [
    'caliber-en.html',
    'https://caliber.az/en/post/cnn-trump-sends-unconventional-negotiating-team-to-moscow-for-peace-talks',
  ],
  [
    'caliber-en-og-jsonld.html',
    'https://caliber.az/en/post/cnn-trump-sends-unconventional-negotiating-team-to-moscow-for-peace-talks',
  ],
  ['caliber-ru.html', 'https://caliber.az/post/tramp-otpravlyaet-komandu-v-moskvu'],
  ['caliber-az.html', 'https://caliber.az/az/post/tramp-moskvaya-komanda-gonderir'],
];

async function extractionTimes(): Promise<Figure[]> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const script = await bundleExtractor();
    const figures: Figure[] = [];
    for (const [file, url] of FIXTURES) {
      const path = join('tests/fixtures/pages', file);
      let html: string;
      try {
        html = readFileSync(path, 'utf8');
      } catch {
        continue;
      }
      const page = await browser.newPage();
      // Serve the fixture at its real URL without any network: the route answers locally.
      await page.route('**/*', (route) =>
        route.request().url() === url
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          : route.fulfill({ status: 204, body: '' }),
      );
      await page.goto(url);
      await page.addScriptTag({ content: script });
      const times = await page.evaluate((pageUrl) => {
        const extract = (window as unknown as { __extract(url: string): unknown }).__extract;
        for (let i = 0; i < 20; i++) extract(pageUrl); // warm-up: JIT
        const samples: number[] = [];
        for (let i = 0; i < 300; i++) {
          const start = performance.now();
          extract(pageUrl);
          samples.push(performance.now() - start);
        }
        return samples.sort((a, b) => a - b);
      }, url);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
      figures.push(print(`extract-metadata.${file}.median`, at(0.5), 'ms', 2));
      figures.push(print(`extract-metadata.${file}.p95`, at(0.95), 'ms', 2));
      await page.close();
    }
    return figures;
  } finally {
    await browser.close();
  }
}

const figures = [
  ...contentScriptSizes('.output/chrome-mv3', 'chrome'),
  ...contentScriptSizes('.output/firefox-mv2', 'firefox'),
  ...(await extractionTimes()),
];
const over = figures.filter((figure) => !figure.ok);
console.error(
  over.length
    ? `Over budget: ${over.map((f) => f.name).join(', ')}`
    : `All ${figures.length} figures within budget.`,
);
