// How the popup's first paint and the history page's first rows grow with the history (issue
// 13): the real built extension in Chromium, its storage.local seeded with what a user who has
// made 1,000, 10,000 or 100,000 history entries would have (half of them copies, four tenths
// pastes, a tenth reuse found, as many articles read), then the popup (over a page that is not
// an article, so that it lists the recent copies) and the history page opened in a fresh tab,
// 15 and 10 times. Figures, p95 in ms after navigation start: the popup's first contentful
// paint (goal 100, the issue's) and the end of the frame that draws its content; the end of
// the frame that draws the history's first rows (goal 300, ours). The same pages with nothing
// stored are measured first, for reference (notes only): what opening an extension page costs
// on this machine at that moment.
//
// What a user can have: each log keeps at most 1,000 entries (MAX_COPY_RECORDS,
// MAX_PASTE_RECORDS, MAX_REUSE_FINDINGS; the retention's largest choice, historyMaxEntries, is
// the same 1,000), so from about 2,000 entries made on, the stored logs are full and stay full:
// 10k and 100k store the same logs. What still grows beside them is the article index (100,000
// articles at most, in IndexedDB, which neither page reads: the popup reads its summary, the
// count and the publishers' hosts, seeded at its size) and the paste index (160,000
// fingerprints and 2,000 articles only read at most, built here by the real code from the
// seeded texts and bounded by evictLeastRecent; neither page shows it, but reading every item
// at start-up read it). The popup's digest of the copy log is seeded as the background writes
// it (core/records/recent-copies.ts).
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension } from '../e2e/browsers';
import { startServer, EDITOR_HOST } from '../e2e/server';
import {
  hashShingles,
  hashWords,
  winnow,
  type Words,
} from '../../utils/core/fingerprint/fingerprint';
import { sortPairs } from '../../utils/core/fingerprint/sorted-pairs';
import {
  evictLeastRecent,
  MAX_INDEX_ENTRIES,
  MAX_READ_SOURCES,
} from '../../utils/core/paste-index/build';
import {
  COPY_FINGERPRINTS,
  toStoredPasteIndex,
  wholeTextHash,
  type PasteSource,
} from '../../utils/core/paste-index/snapshot';
import {
  MAX_COPY_RECORDS,
  MAX_PASTE_RECORDS,
  MAX_RECORD_TEXT,
  MAX_REUSE_FINDINGS,
  type CopyRecord,
  type PasteRecord,
  type ReuseFinding,
} from '../../utils/core/records/records';
import { recentCopies } from '../../utils/core/records/recent-copies';
import {
  MAX_INDEXED_ARTICLES,
  type ArticleIndexSummary,
} from '../../utils/core/republication/article-index';
import { median, note, print, prose, quantile, rng, type Figure } from './shared';

const SIZES = [1_000, 10_000, 100_000] as const;
/** Fresh tabs per size and page. */
const POPUP_OPENS = 15;
const HISTORY_OPENS = 10;
/** Issue 13: the popup paints within 100 ms of opening, whatever the history. */
const POPUP_GOAL_MS = 100;
/** Ours: the first 100 rows of the history page within 300 ms at 10,000 entries (and at the others). */
const HISTORY_GOAL_MS = 300;
/** The page the popup is opened over: not an article, so it lists the recent copies. */
const TARGET_PATH = '/reuse-unrelated.html';
/** What the popup draws once it has read storage and asked the tab, on a page that is not an article. */
const POPUP_CONTENT = '[data-testid="recent-copies"]';
const HISTORY_CONTENT = '[data-testid="history-list"] li';
const HISTORY_EMPTY = '[data-testid="history-empty"]';

const label = (size: number) => (size ? `${size / 1000}k` : 'empty');

// ---------------------------------------------------------------- what a user has

/** Of `size` history entries made: half copies, four tenths pastes, a tenth reuse found. */
function madeOfEach(size: number) {
  return { copies: size / 2, pastes: (size * 4) / 10, findings: size / 10, read: size };
}

/** A deterministic made-up publisher site of the user's reading. */
function site(k: number): { host: string; name: string } {
  const names = ['courier', 'herald', 'ledger', 'gazette', 'tribune', 'monitor', 'post', 'times'];
  return { host: `${names[k % names.length]}${k}.example`, name: `The ${names[k % 8]} ${k}` };
}

interface StoredState {
  items: Record<string, unknown>;
  /** What was stored, for the notes. */
  counts: string;
}

/** The article read or copied from at position `i` (newest first): its site, address, title. */
function article(i: number, sites: number) {
  const { host, name } = site(i % sites);
  return {
    url: `https://${host}/news/2026/${i}-${(i * 2654435761) % 99991}`,
    title: `Story ${i}: ${prose(i, 9).replace(/\n/g, ' ')}`.slice(0, 120),
    host,
    name,
  };
}

/** Fingerprints of a text as the paste index keeps them, with the words for the exact hash. */
function copyFingerprints(text: string): { picked: Uint32Array; words: Words } {
  const words = hashWords(text);
  const shingles = hashShingles(words, COPY_FINGERPRINTS.k);
  return { picked: winnow(shingles, COPY_FINGERPRINTS.w).map((i) => shingles[i]!), words };
}

export function storedState(size: number, now = Date.now()): StoredState {
  if (!size) return { items: {}, counts: 'nothing stored' };
  const made = madeOfEach(size);
  const random = rng(size);
  const sites = Math.min(300, Math.max(5, Math.round(size / 100)));
  // An entry every 20 minutes or so, newest first, so that 100,000 reach back four years.
  const at = (i: number) => now - i * 1_200_000 - Math.floor(random() * 600_000);

  const copies: CopyRecord[] = [];
  for (let i = 0; i < Math.min(made.copies, MAX_COPY_RECORDS); i++) {
    // Two copies per article on average; a paragraph or three each, at most MAX_RECORD_TEXT.
    const a = article(Math.floor(i / 2), sites);
    const text = prose(size * 7 + i, 30 + Math.floor(random() * 500));
    copies.push({
      id: `copy-${size}-${i}`,
      articleUrl: a.url,
      title: a.title,
      publisherId: null,
      siteName: a.name,
      language: 'en',
      copiedAt: at(i),
      text: text.slice(0, MAX_RECORD_TEXT),
      textLength: text.length,
      attributed: random() < 0.9,
      placement: 'end',
    });
  }
  const pastes: PasteRecord[] = [];
  for (let i = 0; i < Math.min(made.pastes, MAX_PASTE_RECORDS); i++) {
    const a = article(Math.floor(i / 2), sites);
    pastes.push({
      id: `paste-${size}-${i}`,
      articleUrl: a.url,
      title: a.title,
      destinationOrigin: ['https://mail.example', 'https://docs.example', 'https://cms.example'][
        i % 3
      ]!,
      destinationTitle: `Draft ${i} — ${prose(size + i, 5).replace(/\n/g, ' ')}`.slice(0, 200),
      pastedAt: at(i) + 60_000,
      added: random() < 0.7,
      ...(random() < 0.05 ? { undone: true as const } : {}),
    });
  }
  const findings: ReuseFinding[] = [];
  for (let i = 0; i < Math.min(made.findings, MAX_REUSE_FINDINGS); i++) {
    const a = article(i * 3, sites);
    const status = (['article', 'site', 'none'] as const)[i % 3]!;
    findings.push({
      id: `reuse-${size}-${i}`,
      pageUrl: `https://aggregator${i % 40}.example/item/${i}`,
      pageTitle: `Reposted: ${a.title}`.slice(0, 300),
      articleUrl: a.url,
      articleTitle: a.title,
      linkStatus: status,
      compliant: status === 'article',
      reusedShare: 0.2 + random() * 0.8,
      foundAt: at(i * 10),
    });
  }

  // The paste index: each stored copy's article and up to MAX_READ_SOURCES articles only read,
  // bounded as the background bounds it.
  const sources: PasteSource[] = [];
  const shingleParts: Uint32Array[] = [];
  const exactPairs: number[] = [];
  const sourceOf = new Map<string, number>();
  for (const copy of copies) {
    let index = sourceOf.get(copy.articleUrl);
    if (index === undefined) {
      index =
        sources.push({
          url: copy.articleUrl,
          language: 'en',
          placement: 'end',
          hosts: [new URL(copy.articleUrl).hostname],
          lastCopiedAt: copy.copiedAt,
        }) - 1;
      sourceOf.set(copy.articleUrl, index);
    }
    const { picked, words } = copyFingerprints(copy.text);
    const pairs = new Uint32Array(picked.length * 2);
    picked.forEach((hash, j) => {
      pairs[2 * j] = hash;
      pairs[2 * j + 1] = index;
    });
    shingleParts.push(pairs);
    exactPairs.push(wholeTextHash(words), index);
  }
  const reads = Math.min(made.read, MAX_READ_SOURCES);
  for (let i = 0; i < reads; i++) {
    const a = article(i, sites);
    const index =
      sources.push({
        url: a.url,
        language: 'en',
        placement: 'end',
        hosts: [a.host],
        lastCopiedAt: at(i),
        readOnly: true,
      }) - 1;
    const { picked } = copyFingerprints(prose(size * 13 + i, 500 + Math.floor(random() * 700)));
    const pairs = new Uint32Array(picked.length * 2);
    picked.forEach((hash, j) => {
      pairs[2 * j] = hash;
      pairs[2 * j + 1] = index;
    });
    shingleParts.push(pairs);
  }
  const all = new Uint32Array(shingleParts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of shingleParts) {
    all.set(part, offset);
    offset += part.length;
  }
  const pasteIndex = evictLeastRecent(
    { version: 1, sources, shingles: '', exact: '' },
    sortPairs(all),
    sortPairs(Uint32Array.from(exactPairs)),
    MAX_INDEX_ENTRIES,
  );

  const articles = Math.min(made.read, MAX_INDEXED_ARTICLES);
  const summary: ArticleIndexSummary = {
    articles,
    publisherHosts: Array.from({ length: sites }, (_, k) => [
      site(k).host,
      `www.${site(k).host}`,
    ]).flat(),
  };
  const items: Record<string, unknown> = {
    copyRecords: copies,
    // The popup's digest of the log, which the background writes with each write of it.
    recentCopies: recentCopies(copies),
    pasteRecords: pastes,
    reuseFindings: findings,
    // As the background writes it: the sources as one string.
    pasteIndex: toStoredPasteIndex(pasteIndex),
    articleSummary: summary,
  };
  // The version markers WXT writes beside each versioned item.
  for (const key of Object.keys(items)) items[`${key}$`] = { v: 1 };
  const bytes = new TextEncoder().encode(JSON.stringify(items)).length;
  const entries = (pasteIndex.shingles.length + pasteIndex.exact.length) * (3 / 4 / 8);
  return {
    items,
    counts:
      `${copies.length} copies, ${pastes.length} pastes, ${findings.length} reuse found; ` +
      `paste index ${pasteIndex.sources.length} articles, ${Math.round(entries)} fingerprints; ` +
      `${articles} articles read (summary: ${summary.publisherHosts.length} hosts); ` +
      `${(bytes / 1e6).toFixed(2)} MB in storage.local`,
  };
}

// ---------------------------------------------------------------- timing in the page

/**
 * Runs before the page's own scripts: notes when `selector` first matches, and the end of the
 * frame that shows it (a task queued from that frame's requestAnimationFrame runs after its
 * rendering). Exposes a promise of both, in ms after navigation start.
 */
function watchFor(selector: string) {
  const w = window as unknown as { __rendered: Promise<{ inDom: number; painted: number }> };
  w.__rendered = new Promise((resolve) => {
    const seen = () => {
      if (!document.querySelector(selector)) return false;
      const inDom = performance.now();
      requestAnimationFrame(() => setTimeout(() => resolve({ inDom, painted: performance.now() })));
      return true;
    };
    const observer = new MutationObserver(() => {
      if (seen()) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

export interface Opening {
  firstPaint: number;
  firstContentfulPaint: number;
  /** The content in the document, and the end of the frame that drew it. */
  inDom: number;
  painted: number;
}

export async function open(page: Page, url: string, selector: string): Promise<Opening> {
  // tsx compiles the bench with keepNames: functions it sends call its __name helper.
  await page.addInitScript({
    content: `window.__name = (f) => f; (${watchFor.toString()})(${JSON.stringify(selector)});`,
  });
  await page.goto(url, { waitUntil: 'commit' });
  return page.evaluate(async () => {
    const w = window as unknown as { __rendered: Promise<{ inDom: number; painted: number }> };
    const rendered = await Promise.race([
      w.__rendered,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('content never drawn')), 20_000),
      ),
    ]);
    // Paint entries come with the frame's presentation, which may be after the content is drawn.
    const paints = await new Promise<Map<string, number>>((resolve) => {
      const seen = new Map<string, number>();
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen.set(entry.name, entry.startTime);
        if (seen.has('first-contentful-paint')) {
          observer.disconnect();
          resolve(seen);
        }
      });
      observer.observe({ type: 'paint', buffered: true });
      setTimeout(() => resolve(seen), 5_000);
    });
    return {
      firstPaint: paints.get('first-paint') ?? NaN,
      firstContentfulPaint: paints.get('first-contentful-paint') ?? NaN,
      ...rendered,
    };
  });
}

function summarise(openings: Opening[], what: string): void {
  const pick = (key: keyof Opening) => openings.map((o) => o[key]);
  const line = (key: keyof Opening) =>
    `${key} median ${median(pick(key)).toFixed(1)} p95 ${quantile(pick(key), 0.95).toFixed(1)}`;
  note(
    `${what}: ${(['firstContentfulPaint', 'inDom', 'painted'] as const).map(line).join(', ')} ms`,
  );
}

// ---------------------------------------------------------------- the figures

type Browser = Awaited<ReturnType<typeof launchChromiumWithExtension>>;

/** Opens `url` in `runs` fresh tabs, one after the other, each timed until `selector` is drawn. */
async function openRepeatedly(
  browser: Browser,
  url: string,
  selector: string,
  runs: number,
): Promise<Opening[]> {
  const openings: Opening[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.context.newPage();
    try {
      openings.push(await open(page, url, selector));
    } finally {
      await page.close();
    }
  }
  return openings;
}

const p95 = (openings: Opening[], key: keyof Opening) =>
  quantile(
    openings.map((o) => o[key]),
    0.95,
  );

/**
 * The figures at each size; first, for reference (notes only), the same pages with no
 * history at all: what opening an extension page costs on this machine at this moment.
 */
export async function popupFigures(sizes: readonly number[] = SIZES): Promise<Figure[]> {
  const server = await startServer();
  const browser = await launchChromiumWithExtension({ serverHostPort: server.hostPort });
  const figures: Figure[] = [];
  try {
    const targetUrl = `http://${EDITOR_HOST}${TARGET_PATH}`;
    const target = await browser.newPage(targetUrl);
    const tabId = await browser.findTabId(targetUrl);
    const popupUrl = `${browser.extensionOrigin}/popup.html?tab=${tabId}`;
    const historyUrl = `${browser.extensionOrigin}/history-page.html`;
    for (const size of [0, ...sizes]) {
      const state = storedState(size);
      note(`history of ${size} entries: ${state.counts}`);
      await browser.evalInExtension(async (items: Record<string, unknown>) => {
        const chrome = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') })
          .chrome;
        await chrome.storage.local.clear();
        await chrome.storage.local.set(items);
      }, state.items);
      // The tab's content script reloads the paste index and the summary it watches.
      await target.goto(targetUrl);

      const popups = await openRepeatedly(browser, popupUrl, POPUP_CONTENT, POPUP_OPENS);
      summarise(popups, `popup, ${label(size)}`);
      const histories = await openRepeatedly(
        browser,
        historyUrl,
        size ? HISTORY_CONTENT : HISTORY_EMPTY,
        HISTORY_OPENS,
      );
      summarise(histories, `history page, ${label(size)}`);
      if (!size) continue;
      figures.push(
        print(
          `popup.first-contentful-paint.p95.${label(size)}`,
          p95(popups, 'firstContentfulPaint'),
          'ms',
          POPUP_GOAL_MS,
        ),
        print(
          `popup.content-drawn.p95.${label(size)}`,
          p95(popups, 'painted'),
          'ms',
          POPUP_GOAL_MS,
        ),
        print(
          `history.first-rows.p95.${label(size)}`,
          p95(histories, 'painted'),
          'ms',
          HISTORY_GOAL_MS,
        ),
      );
    }
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}

// `tsx tests/bench/popup.ts [sizes…]` on its own prints the figures (needs `npm run build`),
// at the sizes given (e.g. `10000`) or at all three.
if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number);
  await popupFigures(sizes.length ? sizes : SIZES);
}
