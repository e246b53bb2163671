/**
 * Self-check of the editor pages with a REAL copy and a REAL Ctrl+V in real headless
 * Chromium (playwright-core) and Firefox ESR (puppeteer-core over WebDriver BiDi).
 *
 * For every page: setText('Hello world'), placeCaret('end'); select the page's
 * `#source` paragraph and press Control+c; placeCaret('end') again; press Control+v; read
 * `model()`; press Control+z once and see whether the text is 'Hello world' again.
 * No extension is loaded: this shows what each editor itself does with the paste.
 *
 *   tsx tests/e2e/editors/check.ts [--browser chromium|firefox] [--only quill,tinymce]
 *                                  [--code-block] [--json]
 *
 * --code-block: insertCodeBlock() after placing the caret, so the paste lands in a code
 * block (pages without insertCodeBlock are skipped).
 *
 * Env: CHROME_PATH / FIREFOX_PATH choose the browsers (see ../browsers.ts).
 * Exit code 1 when any page failed to load or threw (not for what an editor did with the paste).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { buildEditorPages, editorPageNames } from './build.ts';
import type { EditorModel } from './src/contract.ts';
import { CHROMIUM_ARGS, findChromium, findFirefox } from '../browsers.ts';
import { STATIC_TYPES } from '../server.ts';

export type CheckBrowser = 'chromium' | 'firefox';

export interface CheckResult {
  editor: string;
  browser: CheckBrowser;
  ok: boolean;
  /** model().text just before Control+v ('Hello world', plus a trailing block in some code-block cases). */
  beforePaste?: string;
  /** model() after the paste. */
  afterPaste?: EditorModel;
  /** model().text after one Control+z; `undoRestores` when it equals `beforePaste`. */
  afterUndo?: string;
  undoRestores?: boolean;
  error?: string;
  /** Why the scenario did not apply (e.g. no code blocks in this editor). */
  skipped?: string;
  pageErrors: string[];
  ms: number;
}

const PER_EDITOR_TIMEOUT_MS = 15_000;
const START_TEXT = 'Hello world';

/** Serves `dir` on 127.0.0.1 (random port). */
export async function serveDir(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': STATIC_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** What the check needs from a tab, in either browser. */
interface Tab {
  goto(url: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** e.g. 'c' with Control held. */
  ctrl(key: 'c' | 'v' | 'z'): Promise<void>;
  errors: string[];
  close(): Promise<void>;
}

interface Driver {
  newTab(): Promise<Tab>;
  close(): Promise<void>;
}

async function chromiumDriver(): Promise<Driver> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    async newTab() {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
          errors.push(m.text());
        }
      });
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
      });
      return {
        errors,
        async goto(url) {
          await page.goto(url, { waitUntil: 'load', timeout: PER_EDITOR_TIMEOUT_MS });
        },
        // The helpers' own generics are stricter than this interface; the values are plain JSON.
        evaluate: <R, A>(fn: (arg: A) => R, arg: A) =>
          page.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>,
        ctrl: (key) => page.keyboard.press(`Control+${key}`),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

async function firefoxDriver(): Promise<Driver> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    protocolTimeout: 30_000,
  });
  return {
    async newTab() {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String((e as Error).message ?? e)));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      return {
        errors,
        async goto(url) {
          await page.goto(url, { waitUntil: 'load', timeout: PER_EDITOR_TIMEOUT_MS });
        },
        evaluate: <R, A>(fn: (arg: A) => R, arg: A) =>
          page.evaluate(fn as (arg: unknown) => R, arg as unknown) as Promise<R>,
        async ctrl(key) {
          await page.keyboard.down('Control');
          await page.keyboard.press(key);
          await page.keyboard.up('Control');
        },
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function poll<T>(
  get: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs: number,
  minMs = 0,
): Promise<T> {
  const start = Date.now();
  if (minMs) await sleep(minMs);
  let value = await get();
  while (!done(value) && Date.now() - start < timeoutMs) {
    await sleep(100);
    value = await get();
  }
  return value;
}

async function checkOne(
  tab: Tab,
  url: string,
  result: CheckResult,
  codeBlock: boolean,
): Promise<void> {
  await tab.goto(url);
  await poll(() => tab.evaluate(() => Boolean(window.editorUnderTest), undefined), Boolean, 10_000);
  const ready = await tab.evaluate(() => Boolean(window.editorUnderTest), undefined);
  if (!ready) throw new Error('window.editorUnderTest never appeared');

  const hasCodeBlock = await tab.evaluate(
    ({ text, codeBlock }) => {
      const editor = window.editorUnderTest!;
      editor.setText(text);
      editor.placeCaret('end');
      if (codeBlock && editor.insertCodeBlock) editor.insertCodeBlock();
      return typeof editor.insertCodeBlock === 'function';
    },
    { text: START_TEXT, codeBlock },
  );
  if (codeBlock && !hasCodeBlock) {
    result.skipped = 'no insertCodeBlock';
    result.ok = true;
    return;
  }
  await sleep(150);

  // A real copy: focus and select the source paragraph (moving focus out of any editor or
  // editor iframe first, or Ctrl+C would copy from there), then Control+c.
  await tab.evaluate(() => {
    const source = document.getElementById('source')!;
    source.tabIndex = -1;
    source.focus();
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, undefined);
  await tab.ctrl('c');
  await sleep(150);

  // In a code block, 'end' of the document may be a trailing paragraph (Tiptap adds one),
  // so go back to the end of the text that was set.
  const before = await tab.evaluate(
    (where) => {
      window.editorUnderTest!.placeCaret(where);
      return window.editorUnderTest!.model().text;
    },
    codeBlock ? { offset: START_TEXT.length } : ('end' as const),
  );
  result.beforePaste = before;
  await sleep(250);
  await tab.ctrl('v');
  result.afterPaste = await poll(
    () => tab.evaluate(() => window.editorUnderTest!.model(), undefined),
    (m) => m.text !== before,
    3_000,
    400,
  );
  // Let late model updates (async reconcilers) land before undo.
  await sleep(300);
  result.afterPaste = await tab.evaluate(() => window.editorUnderTest!.model(), undefined);

  await tab.ctrl('z');
  const undone = await poll(
    () => tab.evaluate(() => window.editorUnderTest!.model().text, undefined),
    (t) => t === before,
    2_000,
    300,
  );
  result.afterUndo = undone;
  result.undoRestores = undone === before;
  result.ok = true;
}

export async function runEditorCheck(
  opts: {
    browsers?: CheckBrowser[];
    only?: string[];
    /** Paste into a code block made with insertCodeBlock() (editors without one are skipped). */
    codeBlock?: boolean;
    log?: (line: string) => void;
  } = {},
): Promise<CheckResult[]> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const dist = await buildEditorPages();
  const names = editorPageNames().filter((n) => !opts.only?.length || opts.only.includes(n));
  const { server, origin } = await serveDir(dist);
  const results: CheckResult[] = [];
  try {
    for (const browserName of opts.browsers ?? (['chromium', 'firefox'] as const)) {
      const started = Date.now();
      const driver = browserName === 'chromium' ? await chromiumDriver() : await firefoxDriver();
      try {
        for (const editor of names) {
          const result: CheckResult = {
            editor,
            browser: browserName,
            ok: false,
            pageErrors: [],
            ms: 0,
          };
          const t0 = Date.now();
          let tab: Tab | undefined;
          try {
            tab = await driver.newTab();
            const current = tab;
            result.pageErrors = current.errors;
            let timer: NodeJS.Timeout | undefined;
            await Promise.race([
              checkOne(current, `${origin}/${editor}.html`, result, opts.codeBlock ?? false),
              new Promise<never>((_, reject) => {
                timer = setTimeout(
                  () => reject(new Error(`timed out after ${PER_EDITOR_TIMEOUT_MS} ms`)),
                  PER_EDITOR_TIMEOUT_MS,
                );
              }),
            ]).finally(() => clearTimeout(timer));
          } catch (error) {
            result.ok = false;
            result.error = String((error as Error)?.message ?? error).split('\n')[0];
          } finally {
            result.ms = Date.now() - t0;
            await Promise.race([tab?.close().catch(() => undefined), sleep(5_000)]);
          }
          results.push(result);
          log(
            `${browserName.padEnd(8)} ${editor.padEnd(16)} ${result.ok ? 'ok ' : 'ERR'} ${result.ms} ms` +
              (result.error ? `  ${result.error}` : ''),
          );
        }
      } finally {
        await Promise.race([driver.close().catch(() => undefined), sleep(10_000)]);
      }
      log(`${browserName}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    server.close();
  }
  return results;
}

export function formatTable(results: CheckResult[]): string {
  const rows = results.map((r) => [
    r.editor,
    r.browser,
    r.error
      ? `ERROR: ${r.error}`
      : r.beforePaste !== undefined && r.beforePaste !== START_TEXT
        ? `(before: ${JSON.stringify(r.beforePaste)}) ${JSON.stringify(r.afterPaste?.text ?? '')}`
        : r.skipped
          ? `(skipped: ${r.skipped})`
          : JSON.stringify(r.afterPaste?.text ?? ''),
    r.afterPaste?.links.map((l) => `${l.text} -> ${l.href}`).join('; ') || '-',
    r.error || r.skipped
      ? '-'
      : r.undoRestores
        ? 'yes'
        : `no (${JSON.stringify(r.afterUndo ?? '')})`,
  ]);
  const header = ['editor', 'browser', 'model text after Ctrl+V', 'links', 'one Ctrl+Z undoes it'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const browser = arg('--browser') as CheckBrowser | undefined;
  const only = arg('--only')?.split(',');
  const codeBlock = process.argv.includes('--code-block');
  const results = await runEditorCheck({
    browsers: browser ? [browser] : undefined,
    only,
    codeBlock,
  });
  console.log(`\n${formatTable(results)}`);
  const noisy = results.filter((r) => r.pageErrors.length);
  for (const r of noisy) {
    console.log(
      `\n${r.browser}/${r.editor} page errors:\n  ${r.pageErrors.slice(0, 5).join('\n  ')}`,
    );
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}
