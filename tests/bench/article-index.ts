// The background's article index at 1,000, 10,000 and 100,000 read articles: the check of a
// 200 kB page against it, its cold rebuild, its size in the database and in memory, and
// the cost of one more article. Part of `npm run bench` (republication.ts, with the page's
// text as Chromium collected it); runs alone, with the page's text as written, by
// `npx tsx tests/bench/article-index.ts` (about a minute and a half, most of it writing and
// fingerprinting 100,000 bodies of real prose; name sizes to measure only those).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { fingerprintText } from '../../utils/core/fingerprint/fingerprint';
import {
  ArticleIndex,
  fingerprintArticle,
  type IndexedArticle,
} from '../../utils/core/republication/article-index';
import { buildPageReport, MIN_SHARED_FINGERPRINTS } from '../../utils/core/republication/report';
import {
  completeArticle,
  createSiteIds,
  entryOfStored,
  storedArticleOf,
  type StoredArticle,
  type StoredSite,
} from '../../utils/core/republication/stored-article';
import { bodyOf, cardOf, testPage, type TestPage } from './republication-corpus';
import { median, nodeGc, note, print, prose, quantile, type Figure } from './shared';

const SIZES = [
  { articles: 1_000, label: '1k' },
  { articles: 10_000, label: '10k' },
  { articles: 100_000, label: '100k' },
];
const MIB_64 = 64 * 1024 * 1024;

interface Article {
  card: Omit<IndexedArticle, 'fingerprintCount'>;
  fingerprints: Uint32Array;
}

function heapNow(): number {
  nodeGc();
  nodeGc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * The articles, as the background fingerprints them (real prose for every one of them: the
 * shingles that many articles share are what make a big index slow to match).
 */
function readArticles(count: number): Article[] {
  const began = performance.now();
  const articles = Array.from({ length: count }, (_, a) => ({
    card: cardOf(a),
    fingerprints: fingerprintArticle(bodyOf(a)),
  }));
  const perArticle = articles.reduce((sum, a) => sum + a.fingerprints.length, 0) / count;
  note(
    `${count} article bodies written and fingerprinted in ${(performance.now() - began).toFixed(0)} ms, ` +
      `${perArticle.toFixed(1)} fingerprints an article`,
  );
  return articles;
}

/**
 * The database's records for the articles: their values as V8 serialises them (what
 * Chromium's IndexedDB writes, before any compression) and their keys (URLs) as UTF-8; and
 * the records of the articles read next, with the same site ids.
 */
function storedRecords(
  articles: readonly Article[],
  readNext: readonly Article[],
): {
  records: [url: Buffer, value: Buffer][];
  next: [url: Buffer, value: Buffer][];
  sites: Buffer[];
  bytes: number;
} {
  const siteOf = createSiteIds([]);
  const sites = new Map<number, StoredSite>();
  const recordOf = ({ card, fingerprints }: Article): [Buffer, Buffer] => {
    const site = siteOf(card);
    sites.set(site.id, site);
    return [Buffer.from(card.url), serialize(storedArticleOf(card, site.id, fingerprints))];
  };
  const records = articles.map(recordOf);
  const stored = [...sites.values()].map((site) => serialize(site));
  const bytes =
    records.reduce((sum, [url, value]) => sum + url.length + value.length, 0) +
    stored.reduce((sum, value) => sum + value.length + 4, 0);
  const next = readNext.map(recordOf);
  return { records, next, sites: [...sites.values()].map((site) => serialize(site)), bytes };
}

/** The records decoded (V8's deserialiser, as IndexedDB's values are) and the index built. */
function coldLoad(
  records: readonly [Uint8Array, Uint8Array][],
  siteRecords: readonly Uint8Array[],
): { index: ArticleIndex; decode: number; build: number } {
  const began = performance.now();
  const sites = new Map(
    siteRecords.map((record) => {
      const site = deserialize(record) as StoredSite;
      return [site.id, site];
    }),
  );
  // Keys decoded too: the URLs the index keeps are new strings, as IndexedDB's would be.
  const keys = new TextDecoder();
  const stored = records.map(([url, value]): [string, StoredArticle] => [
    keys.decode(url),
    deserialize(value),
  ]);
  const decoded = performance.now();
  const index = ArticleIndex.fromEntries(
    stored.map(([url, value]) => entryOfStored(url, value, sites)),
  );
  return { index, decode: decoded - began, build: performance.now() - decoded };
}

/** What a fresh background process measured (timings in ms). */
interface BackgroundRun {
  decode: number;
  build: number;
  /** What the index holds once the decoded records are gone. */
  heap: number;
  checks: number[];
  matches: number[];
  adds: number[];
  reported: string;
}

/** What a background process is handed: the database's bytes, the page, the articles read next. */
interface BackgroundInput {
  records: [url: Uint8Array, value: Uint8Array][];
  sites: Uint8Array[];
  /** Read after the cold load, one by one, each evicting the oldest. */
  next: [url: Uint8Array, value: Uint8Array][];
  page: TestPage;
  bound: number;
}

/**
 * A restarted service worker, as near as Node comes: a fresh process (cold JIT, a heap with
 * nothing in it but what a background holds) that has the records' bytes as IndexedDB hands
 * them over, decodes them and builds the index, then checks the page and reads more
 * articles. Not measured: reading the records from disk and passing them from the browser's
 * storage process to the worker.
 */
function inFreshBackground(file: string): BackgroundRun {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--background', file],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (child.status !== 0)
    throw new Error(`background run failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as BackgroundRun;
}

/** The fresh process's side of inFreshBackground. */
function runBackground(file: string): BackgroundRun {
  const { records, sites, next, page, bound } = deserialize(readFileSync(file)) as BackgroundInput;
  const before = heapNow();
  const { index, decode, build } = coldLoad(records, sites);
  const heap = heapNow() - before;

  // The background's whole check of the page: fingerprint, match, read the records of the
  // few articles the page may reuse (decoded from their bytes here; IndexedDB reads them
  // there, in a few milliseconds not counted), report (article-store.ts).
  const keys = new TextDecoder();
  const database = new Map(records.map(([url, value]) => [keys.decode(url), value]));
  const checks: number[] = [];
  const matches: number[] = [];
  let reported = '';
  for (let i = 0; i < 60; i++) {
    const began = performance.now();
    const fingerprints = fingerprintText(page.text);
    const matchBegan = performance.now();
    const hits = index.match(fingerprints.hashes, MIN_SHARED_FINGERPRINTS);
    matches.push(performance.now() - matchBegan);
    const candidates = hits.map((hit) => {
      const stored = database.get(hit.article.url);
      const card = stored && (deserialize(stored) as StoredArticle);
      return { ...hit, article: completeArticle(hit.article, card) };
    });
    const report = buildPageReport(page.url, page.text, fingerprints, candidates, page.links, 0);
    checks.push(performance.now() - began);
    reported = `${candidates.length} articles share ${MIN_SHARED_FINGERPRINTS} fingerprints or more; reported ${report.articles
      .map((a) => `${a.url.replace(/^.*\//, '')}:${a.linkStatus}`)
      .join(' ')}`;
  }

  // One more article read, on a full index: the oldest goes.
  const siteById = new Map(
    sites.map((record) => {
      const site = deserialize(record) as StoredSite;
      return [site.id, site];
    }),
  );
  const adds = next.map(([url, value]) => {
    const { article, fingerprints } = entryOfStored(
      keys.decode(url),
      deserialize(value) as StoredArticle,
      siteById,
    );
    const began = performance.now();
    index.add(article, fingerprints, bound);
    return performance.now() - began;
  });
  return {
    decode,
    build,
    heap,
    checks: checks.slice(10),
    matches: matches.slice(10),
    adds,
    reported,
  };
}

function describeTimes(times: readonly number[]): string {
  return `median ${median(times).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`;
}

/** Share of quotes of `words` words from indexed articles that a check reports. */
function recall(
  index: ArticleIndex,
  articles: readonly Article[],
  words: number,
  trials = 200,
): number {
  let found = 0;
  for (let t = 0; t < trials; t++) {
    const a = (t * 7_919) % articles.length;
    const body = bodyOf(a).split(/\s+/);
    const from = (t * 37) % (body.length - words);
    const quote = body.slice(from, from + words).join(' ');
    const around = (seed: number) => prose(80_000_000 + seed, 60).replace(/\n\n/g, ' ');
    const text = `${around(2 * t)}\n\n${quote}\n\n${around(2 * t + 1)}`;
    const page = fingerprintText(text);
    const hits = index.match(page.hashes).map((hit) => ({
      ...hit,
      article: completeArticle(hit.article, undefined),
    }));
    const report = buildPageReport('https://blog.example/', text, page, hits, [], 0);
    if (report.articles.some((article) => article.url === articles[a]!.card.url)) found++;
  }
  return found / trials;
}

export function articleIndexFigures(page: TestPage = testPage(), sizes = SIZES): Figure[] {
  const figures: Figure[] = [];
  const largest = Math.max(...sizes.map((size) => size.articles));
  // The ones beyond the largest index are the articles read next, for the cost of adding.
  const everything = readArticles(largest + largest / 100 + 100);
  for (const { articles: count, label } of sizes) {
    const articles = everything.slice(0, count);
    const readNext = everything.slice(largest, largest + count / 100 + 100);
    const { records, next, sites, bytes } = storedRecords(articles, readNext);

    // Fresh processes, one after the other, each a restarted background.
    const file = join(mkdtempSync(join(tmpdir(), 'linkback-bench-')), 'background');
    const input: BackgroundInput = {
      records,
      sites,
      next,
      page,
      bound: count,
    };
    writeFileSync(file, serialize(input));
    const runs = Array.from({ length: count >= 100_000 ? 3 : 5 }, () => inFreshBackground(file));
    rmSync(dirname(file), { recursive: true });
    const loads = runs.map(({ decode, build }) => decode + build);
    const heapDelta = median(runs.map(({ heap }) => heap));
    const checked = runs.flatMap((run) => run.checks);
    const matched = runs.flatMap((run) => run.matches);
    const adds = runs.flatMap((run) => run.adds);
    note(
      `${label}: ${count} articles; stored ${bytes} B (${(bytes / count).toFixed(0)} B an article, ` +
        `${sites.length} sites); heap ${heapDelta} B; cold loads in fresh processes ` +
        `${loads.map((t) => t.toFixed(0)).join(', ')} ms (records decoded: median ` +
        `${median(runs.map(({ decode }) => decode)).toFixed(0)} ms, index built: median ` +
        `${median(runs.map(({ build }) => build)).toFixed(0)} ms)`,
    );
    note(
      `${label}: check ${describeTimes(checked)}; match ${describeTimes(matched)}; ${runs[0]!.reported}`,
    );
    // 1% of the bound and more: the slots the evictions empty are compacted at least once.
    note(`${label}: ${adds.length} additions to the full index, ${describeTimes(adds)}`);

    if (count === 10_000) {
      const index = coldLoad(records, sites).index;
      const shares = [20, 25, 30, 40, 60].map(
        (words) => `${words} words ${(100 * recall(index, articles, words)).toFixed(0)}%`,
      );
      note(`${label}: quotes found, by length: ${shares.join(', ')}`);
    }

    figures.push(
      print(`republication.background-check.node.median.${label}`, median(checked), 'ms', 10),
      print(`republication.background-check.node.p95.${label}`, quantile(checked, 0.95), 'ms', 10),
      print(`republication.background-match.node.median.${label}`, median(matched), 'ms', 10),
      print(`republication.background-match.node.p95.${label}`, quantile(matched, 0.95), 'ms', 10),
      print(`republication.index-cold-load.${label}`, median(loads), 'ms', 1_500),
      print(`republication.index-footprint.${label}`, bytes, 'bytes', MIB_64),
      print(`republication.index-heap-delta.node.${label}`, heapDelta, 'bytes', MIB_64),
      print(`republication.index-add.node.p95.${label}`, quantile(adds, 0.95), 'ms', 50),
    );
  }
  return figures;
}

// Alone: `npx tsx tests/bench/article-index.ts [1k] [10k] [100k]` (all three by default).
if (process.argv[2] === '--background' && process.argv[3]) {
  process.stdout.write(JSON.stringify(runBackground(process.argv[3])));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const began = performance.now();
  const asked = SIZES.filter((size) => process.argv.slice(2).includes(size.label));
  articleIndexFigures(testPage(), asked.length ? asked : SIZES);
  note(`measured in ${((performance.now() - began) / 1000).toFixed(1)} s`);
}
