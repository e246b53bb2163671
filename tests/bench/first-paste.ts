// The first paste on a fresh page in Firefox (issue 13 asks for Firefox figures where the
// measurement exists in both browsers): load-cost.ts measures it in Chromium, through
// Playwright's routes; this drives Firefox through the end-to-end harness, on the test
// server, with the same history (the index of 10,000 copies) and the same two cases:
// - `clicked`: a click into the field, Ctrl+V 150 ms later;
// - `held`: the page focused the field itself (no user activation, nothing loaded) and
//   Ctrl+V comes at once: the paste is held until the page runtime and the index are in.
// Timed in the page, from the V key's keydown to the paste's input event in the textarea.
// Beside them, for reference, the same paste after a click into a password field, which
// Linkback leaves alone: about what the browser itself takes to paste.
import { launchWithExtension, type ExtensionBrowser } from '../e2e/browsers';
import { EDITOR_HOST, startServer } from '../e2e/server';
import { toStoredPasteIndex } from '../../utils/core/paste-index/snapshot';
import { buildPasteIndexBulk, makeCopies } from './paste';
import {
  median,
  note,
  pasteLandedInPage,
  print,
  quantile,
  watchPasteInPage,
  type Figure,
} from './shared';

const HISTORY_COPIES = 10_000;
const PASTES = 20;
const PAGE_URL = `http://${EDITOR_HOST}/paste-target.html`;

/** Seeds the index of 10,000 copies; returns the newest copy's text, the one pasted. */
async function seedHistory(browser: ExtensionBrowser): Promise<string> {
  const copies = makeCopies(HISTORY_COPIES);
  const pasteIndex = toStoredPasteIndex(buildPasteIndexBulk(copies));
  await browser.evalInExtension(
    async (values: Record<string, unknown>) => {
      type Api = { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      await (g.browser ?? g.chrome).storage.local.set(values);
    },
    { pasteIndex },
  );
  return copies[copies.length - 1]?.text ?? '';
}

/** A real selection and Ctrl+C of `text` on a page with no rule: the clipboard has no link. */
async function copyText(browser: ExtensionBrowser, text: string): Promise<void> {
  const page = await browser.newPage(PAGE_URL);
  try {
    await page.evaluate((copied: string) => {
      const source = document.getElementById('source') as HTMLElement;
      source.textContent = copied;
      const range = document.createRange();
      range.selectNodeContents(source);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }, text);
    await page.press('Control+c');
  } finally {
    await page.close();
  }
}

/** The field each case pastes into. */
const FIELD = { clicked: 'ta', held: 'ta', password: 'pw' } as const;

/** Pastes on fresh tabs; `expected` tells a paste that came out right (with its link, or as copied). */
async function firstPastes(
  browser: ExtensionBrowser,
  how: keyof typeof FIELD,
  expected: (value: string) => boolean,
  count = PASTES,
) {
  const times: number[] = [];
  let wrong = 0;
  const field = FIELD[how];
  for (let run = 0; run < count; run++) {
    const page = await browser.newPage(`${PAGE_URL}?${how}=${run}`);
    try {
      await page.evaluate(watchPasteInPage, field);
      if (how !== 'held') {
        const box = await page.evaluate((id: string) => {
          const rect = (document.getElementById(id) as HTMLElement).getBoundingClientRect();
          return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        }, field);
        await page.click(box.x, box.y);
        await new Promise((resolve) => setTimeout(resolve, 150));
      } else {
        // Focused by the page's own script: no user activation, so nothing is loaded.
        await page.evaluate(() => (document.getElementById('ta') as HTMLElement).focus());
      }
      await page.press('Control+v');
      const landed = await page.evaluate(pasteLandedInPage, field);
      if (expected(landed.value)) times.push(landed.ms);
      else wrong++;
    } finally {
      await page.close();
    }
  }
  return { times, wrong };
}

export async function firstPasteFigures(kind: 'firefox' = 'firefox'): Promise<Figure[]> {
  const server = await startServer();
  const browser = await launchWithExtension(kind, { serverHostPort: server.hostPort });
  const figures: Figure[] = [];
  try {
    const text = await seedHistory(browser);
    await copyText(browser, text);
    const linked = (value: string) => value.includes('Source:');
    // The very first paste of a new profile also compiles the runtime, which Firefox then
    // caches: noted, and left out, as Chromium's pastes come after its page loads did that.
    const [first] = (await firstPastes(browser, 'clicked', linked, 1)).times;
    note(`the first paste in a new ${kind} profile, after a click: ${first} ms (not counted)`);
    for (const how of ['clicked', 'held'] as const) {
      const { times, wrong } = await firstPastes(browser, how, linked);
      figures.push(print(`paste.first-paste.${kind}.${how}.without-link`, wrong, 'pastes', 0));
      if (!times.length) continue;
      note(
        `first paste on a page in ${kind}, ${how} (${PASTES} fresh tabs, index of ` +
          `${HISTORY_COPIES} copies), from the V key to the paste landing: median ` +
          `${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (all: ${times.join(', ')})`,
      );
      // The same budgets as Chromium's (load-cost.ts).
      figures.push(
        print(
          `paste.first-paste.${kind}.${how}.p95`,
          quantile(times, 0.95),
          'ms',
          how === 'clicked' ? 16 : 200,
        ),
      );
    }
    // A password field gets the paste exactly as copied: the browser's own time, about.
    // (A one-line field drops the text's line breaks: only Linkback's line would show.)
    const alone = await firstPastes(
      browser,
      'password',
      (value) => value.length > 0 && !value.includes('Source:'),
    );
    if (alone.times.length) {
      note(
        `the same paste into a password field in ${kind} (Linkback leaves it alone): median ` +
          `${median(alone.times).toFixed(1)} ms, p95 ${quantile(alone.times, 0.95).toFixed(1)} ms` +
          (alone.wrong ? `; ${alone.wrong} came out empty or with a link` : ''),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}

// `tsx tests/bench/first-paste.ts` on its own prints the figures (needs `npm run build:all`).
if (import.meta.url === `file://${process.argv[1]}`) await firstPasteFigures();
