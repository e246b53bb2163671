// The longest task Linkback causes on huge and pathological pages (tests/e2e/pathological-pages.ts),
// and when the user copies or pastes 1 MiB: the built extension in Chromium, traced.
//
// Which work is Linkback's: a Chromium trace names the script of every `EvaluateScript` and
// `FunctionCall` (the content script's evaluation, and each of its listeners, timers and idle
// callbacks); the microtask checkpoint that runs right after one of them is counted too. A
// task's Linkback time is the sum of those inside it; the figure is the largest over all tasks
// of the page's renderers (frames included). The page's own longest task, with Linkback and
// with an extension whose content script is empty, is printed for comparison.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import {
  launchChromiumWithExtension,
  playwrightPage,
  type ChromiumExtensionBrowser,
  type E2EPage,
} from '../e2e/browsers';
import {
  expectedArticleUrl,
  norm,
  pressCopy,
  selectParagraphs,
  setPageStripsCopies,
  waitForCopyRecord,
} from '../e2e/helpers';
import {
  ARTICLE_PATHOLOGICAL_PAGES,
  GENERIC_PATHOLOGICAL_PAGES,
  articlePathologicalUrl,
  genericPathologicalUrl,
} from '../e2e/pathological-pages';
import { EDITORS_URL, hugeArticleUrl, startServer, type TestServer } from '../e2e/server';
import { median, note, print, type Figure } from './shared';

/** The bound: no long task caused by Linkback. */
const LONG_TASK_MS = 50;
/** Loads per page: the figure is the median of their longest Linkback tasks. */
const RUNS = 3;
/** After `load`, how long the page is left alone for Linkback's idle work (page scan, index). */
const SETTLE_MS = 4000;

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; processId?: number } };
}

interface TaskCosts {
  /** The most Linkback time within one task, ms. */
  linkbackLongest: number;
  /** All Linkback time, ms. */
  linkbackTotal: number;
  /** The longest task of the page's renderers, whoever ran it, ms. */
  pageLongest: number;
  /** All tasks of the page's renderers, whoever ran them, ms. */
  pageTotal: number;
}

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall']);
const MICROTASK_EVENTS = new Set(['RunMicrotasks', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
export const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** Linkback's share of each task on the renderers' main threads (see the top of the file). */
export function taskCosts(events: TraceEvent[], scriptOrigin: string): TaskCosts {
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mainThreads.has(key)) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  let linkbackLongest = 0;
  let linkbackTotal = 0;
  let pageLongest = 0;
  let pageTotal = 0;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts);
    const tasks = list.filter((e) => TASK_EVENTS.has(e.name));
    const ours = list.filter(
      (e) => SCRIPT_EVENTS.has(e.name) && (e.args?.data?.url ?? '').startsWith(scriptOrigin),
    );
    const outermost: TraceEvent[] = [];
    for (const e of ours) {
      const last = outermost[outermost.length - 1];
      if (!last || e.ts >= last.ts + (last.dur ?? 0)) outermost.push(e);
    }
    for (const e of list) {
      if (!MICROTASK_EVENTS.has(e.name)) continue;
      const after = outermost.find((o) => {
        const gap = e.ts - (o.ts + (o.dur ?? 0));
        return gap >= 0 && gap < 1000;
      });
      if (after) outermost.push(e);
    }
    for (const task of tasks) {
      const end = task.ts + (task.dur ?? 0);
      pageLongest = Math.max(pageLongest, (task.dur ?? 0) / 1000);
      pageTotal += (task.dur ?? 0) / 1000;
      const inside = outermost.filter((e) => e.ts >= task.ts && e.ts < end);
      const ms = inside.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
      linkbackLongest = Math.max(linkbackLongest, ms);
    }
    linkbackTotal += outermost.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  }
  return { linkbackLongest, linkbackTotal, pageLongest, pageTotal };
}

/** Chromium tracing over one action in `page`, returning its events. */
export async function traced(session: CDPSession, action: () => Promise<void>) {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  session.on('Tracing.dataCollected', collect);
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: (
        process.env.TRACE_CATEGORIES ?? 'devtools.timeline,toplevel,v8.execute'
      ).split(','),
    },
  });
  try {
    await action();
  } finally {
    const complete = new Promise((done) => session.once('Tracing.tracingComplete', done));
    await session.send('Tracing.end');
    await complete;
    session.off('Tracing.dataCollected', collect);
  }
  return events;
}

/**
 * An extension with only a worker (no content script: the page alone), or with a content
 * script that does nothing, in every frame from document_start (the floor any extension
 * pays). The worker lets the harness see the extension start.
 */
export function bareExtension(withContentScript: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'linkback-bench-bare-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: withContentScript ? 'Empty content script' : 'No content script',
      version: '1.0',
      ...(withContentScript
        ? {
            content_scripts: [
              {
                matches: ['<all_urls>'],
                js: ['content.js'],
                all_frames: true,
                match_about_blank: true,
                run_at: 'document_start',
              },
            ],
          }
        : {}),
      background: { service_worker: 'worker.js' },
    }),
  );
  writeFileSync(
    join(dir, 'content.js'),
    '// Nothing: the cost of having a content script at all.\n',
  );
  writeFileSync(join(dir, 'worker.js'), '');
  return dir;
}

interface Scenario {
  name: string;
  url: string;
  /** Waits until the page has built itself (script-built pages). */
  ready?: (page: E2EPage) => Promise<void>;
}

const SCENARIOS: Scenario[] = [
  ...Object.keys(GENERIC_PATHOLOGICAL_PAGES).map((name) => ({
    name,
    url: genericPathologicalUrl(name as keyof typeof GENERIC_PATHOLOGICAL_PAGES),
    ready: name.startsWith('nested-')
      ? (page: E2EPage) =>
          page.waitFor(() => document.documentElement.dataset.built === 'yes').then(() => {})
      : undefined,
  })),
  ...Object.keys(ARTICLE_PATHOLOGICAL_PAGES).map((name) => ({
    name: `article-${name}`,
    url: articlePathologicalUrl(name as keyof typeof ARTICLE_PATHOLOGICAL_PAGES),
  })),
  { name: 'article-10mib', url: hugeArticleUrl(10 * 1024) },
];

/** Loads `scenario` RUNS times, traced; the median of each cost. */
async function loadCosts(
  browser: ChromiumExtensionBrowser,
  scenario: Scenario,
): Promise<TaskCosts> {
  const runs: TaskCosts[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage();
    try {
      const raw = playwrightPage(page);
      const session = await browser.context.newCDPSession(raw);
      const events = await traced(session, async () => {
        await page.goto(scenario.url);
        await scenario.ready?.(page);
        await raw.waitForTimeout(SETTLE_MS);
      });
      await session.detach();
      runs.push(taskCosts(events, browser.extensionOrigin));
    } finally {
      await page.close();
    }
  }
  return {
    linkbackLongest: median(runs.map((r) => r.linkbackLongest)),
    linkbackTotal: median(runs.map((r) => r.linkbackTotal)),
    pageLongest: median(runs.map((r) => r.pageLongest)),
    pageTotal: median(runs.map((r) => r.pageTotal)),
  };
}

/** The 1 MiB copy on the publisher's page, and its paste into a textarea elsewhere, traced. */
async function gestureCosts(browser: ChromiumExtensionBrowser): Promise<Figure[]> {
  const article = await browser.newPage(hugeArticleUrl(1024));
  const editors = await browser.newPage(EDITORS_URL);
  try {
    const articleUrl = await expectedArticleUrl(article);
    const paragraphs = await article.evaluate(
      () => document.querySelectorAll('.post_body p').length,
    );
    await setPageStripsCopies(article, true);
    const selection = await selectParagraphs(article, 0, paragraphs - 1);
    const rawArticle = playwrightPage(article);
    const articleSession = await browser.context.newCDPSession(rawArticle);
    const copyEvents = await traced(articleSession, async () => {
      await pressCopy(article);
      await waitForCopyRecord(browser, selection.text, 30_000);
    });
    await articleSession.detach();
    const copy = taskCosts(copyEvents, browser.extensionOrigin);

    const rawEditors = playwrightPage(editors);
    const editorsSession = await browser.context.newCDPSession(rawEditors);
    await editors.bringToFront();
    await rawEditors.click('#ta');
    let pasteMs = 0;
    const pasteEvents = await traced(editorsSession, async () => {
      const started = Date.now();
      await editors.press('Control+v');
      await editors.waitFor(
        (a: { length: number }) =>
          (document.getElementById('ta') as HTMLTextAreaElement).value.length >= a.length,
        { length: selection.text.length },
        { timeout: 120_000, message: 'the 1 MiB paste never arrived' },
      );
      pasteMs = Date.now() - started;
    });
    await editorsSession.detach();
    const value = await editors.evaluate(
      () => (document.getElementById('ta') as HTMLTextAreaElement).value,
    );
    if (!norm(value).includes(norm(selection.text)) || !value.includes(articleUrl)) {
      throw new Error('the 1 MiB paste did not arrive whole with its link');
    }
    const paste = taskCosts(pasteEvents, browser.extensionOrigin);
    note(
      `1 MiB copy: Linkback ${copy.linkbackTotal.toFixed(1)} ms in all, page's longest task ${copy.pageLongest.toFixed(1)} ms; ` +
        `1 MiB paste into a textarea: ${pasteMs} ms to arrive, Linkback ${paste.linkbackTotal.toFixed(1)} ms, longest task ${paste.pageLongest.toFixed(1)} ms`,
    );
    return [
      print('huge.copy-1mib.linkback-longest-task', copy.linkbackLongest, 'ms', LONG_TASK_MS),
      print('huge.paste-1mib.linkback-longest-task', paste.linkbackLongest, 'ms', LONG_TASK_MS),
    ];
  } finally {
    await article.close();
    await editors.close();
  }
}

export async function hugePageFigures(): Promise<Figure[]> {
  const server: TestServer = await startServer();
  const emptyDir = bareExtension(true);
  const figures: Figure[] = [];
  try {
    const alone = new Map<string, TaskCosts>();
    const empty = await launchChromiumWithExtension({
      serverHostPort: server.hostPort,
      extensionDir: emptyDir,
    });
    try {
      for (const scenario of SCENARIOS) alone.set(scenario.name, await loadCosts(empty, scenario));
    } finally {
      await empty.close();
    }
    const browser = await launchChromiumWithExtension({ serverHostPort: server.hostPort });
    try {
      for (const scenario of SCENARIOS) {
        note(`huge page: ${scenario.name}`);
        const costs = await loadCosts(browser, scenario);
        const base = alone.get(scenario.name)!;
        note(
          `${scenario.name}: Linkback ${costs.linkbackTotal.toFixed(1)} ms in all; the page's longest task ` +
            `${costs.pageLongest.toFixed(1)} ms with Linkback, ${base.pageLongest.toFixed(1)} ms with an empty content script`,
        );
        figures.push(
          print(
            `huge.${scenario.name}.linkback-longest-task`,
            costs.linkbackLongest,
            'ms',
            LONG_TASK_MS,
          ),
        );
      }
      figures.push(...(await gestureCosts(browser)));
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
    rmSync(emptyDir, { recursive: true, force: true });
  }
  return figures;
}
