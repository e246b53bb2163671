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
 * Chromium's IndexedDB writes, before any compression) and their keys (URLs) as UTF-8.
 */
function storedRecords(articles: readonly Article[]): {
  records: [url: Buffer, value: Buffer][];
  sites: Buffer[];
  bytes: number;
} {
  const siteOf = createSiteIds([]);
  const sites = new Map<number, StoredSite>();
  const records = articles.map(({ card, fingerprints }): [Buffer, Buffer] => {
    const site = siteOf(card);
    sites.set(site.id, site);
    return [Buffer.from(card.url), serialize(storedArticleOf(card, site.id, fingerprints))];
  });
  const siteRecords = [...sites.values()].map((site) => serialize(site));
  const bytes =
    records.reduce((sum, [url, value]) => sum + url.length + value.length, 0) +
    siteRecords.reduce((sum, value) => sum + value.length + 4, 0);
  return { records, sites: siteRecords, bytes };
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

interface ColdLoad {
  decode: number;
  build: number;
  /** What the index holds once the decoded records are gone. */
  heap: number;
}

/**
 * A restarted service worker, as near as Node comes: a fresh process (cold JIT, a heap with
 * nothing else in it) that has the records' bytes, as IndexedDB hands them over, decodes
 * them and builds the index. Not measured: reading them from disk and passing them from
 * the browser's storage process to the worker.
 */
function coldLoadInFreshProcess(file: string): ColdLoad {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--cold-load', file],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`cold load failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as ColdLoad;
}

/** The fresh process's side of coldLoadInFreshProcess. */
function measureColdLoad(file: string): ColdLoad {
  const { records, sites } = deserialize(readFileSync(file)) as {
    records: [Uint8Array, Uint8Array][];
    sites: Uint8Array[];
  };
  const before = heapNow();
  const { index, decode, build } = coldLoad(records, sites);
  const heap = heapNow() - before;
  if (!index.size) throw new Error('nothing loaded');
  return { decode, build, heap };
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
    const { records, sites, bytes } = storedRecords(articles);

    // Cold load: what a restarted service worker pays once IndexedDB has read the records.
    const file = join(mkdtempSync(join(tmpdir(), 'linkback-bench-')), 'records');
    writeFileSync(file, serialize({ records, sites }));
    const cold = Array.from({ length: count >= 100_000 ? 3 : 5 }, () =>
      coldLoadInFreshProcess(file),
    );
    rmSync(dirname(file), { recursive: true });
    const loads = cold.map(({ decode, build }) => decode + build);
    const heapDelta = median(cold.map(({ heap }) => heap));
    let { index } = coldLoad(records, sites);
    note(
      `${label}: ${index.size} articles; stored ${bytes} B (${(bytes / count).toFixed(0)} B an article, ` +
        `${sites.length} sites); postings ${index.postingsByteLength} B; heap ${heapDelta} B; ` +
        `cold loads in fresh processes ${loads.map((t) => t.toFixed(0)).join(', ')} ms (records decoded: median ` +
        `${median(cold.map(({ decode }) => decode)).toFixed(0)} ms, index built: median ` +
        `${median(cold.map(({ build }) => build)).toFixed(0)} ms)`,
    );

    // The background's whole check of the page: fingerprint, match, complete the cards of
    // the few articles the page may reuse (from a map here; an IndexedDB read there, not
    // counted), report (article-store.ts).
    const database = new Map(
      records.map(([url, value]) => [url.toString(), deserialize(value) as StoredArticle]),
    );
    const checks: number[] = [];
    const matches: number[] = [];
    let reported = '';
    for (let i = 0; i < 60; i++) {
      const began = performance.now();
      const fingerprints = fingerprintText(page.text);
      const matchBegan = performance.now();
      const hits = index.match(fingerprints.hashes);
      matches.push(performance.now() - matchBegan);
      const candidates = hits
        .filter((hit) => hit.sharedFingerprints >= MIN_SHARED_FINGERPRINTS)
        .map((hit) => ({
          ...hit,
          article: completeArticle(hit.article, database.get(hit.article.url)),
        }));
      const report = buildPageReport(page.url, page.text, fingerprints, candidates, page.links, 0);
      checks.push(performance.now() - began);
      reported = `${hits.length} articles share fingerprints, ${candidates.length} at least ${MIN_SHARED_FINGERPRINTS}; reported ${report.articles
        .map((a) => `${a.url.replace(/^.*\//, '')}:${a.linkStatus}`)
        .join(' ')}`;
    }
    database.clear();
    const checked = checks.slice(10);
    const matched = matches.slice(10);
    note(`${label}: check ${describeTimes(checked)}; match ${describeTimes(matched)}; ${reported}`);

    if (count === 10_000) {
      const shares = [20, 25, 30, 40, 60].map(
        (words) => `${words} words ${(100 * recall(index, articles, words)).toFixed(0)}%`,
      );
      note(`${label}: quotes found, by length: ${shares.join(', ')}`);
    }

    // One more article read, on a full index: the oldest goes. 1% of the bound and more, so
    // that the slots it empties are compacted at least once.
    const adds: number[] = [];
    const next = everything.slice(largest, largest + count / 100 + 100);
    for (const { card, fingerprints } of next) {
      const began = performance.now();
      index.add(card, fingerprints, count);
      adds.push(performance.now() - began);
    }
    note(`${label}: ${adds.length} additions to the full index, ${describeTimes(adds)}`);
    index = new ArticleIndex();

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
if (process.argv[2] === '--cold-load' && process.argv[3]) {
  process.stdout.write(JSON.stringify(measureColdLoad(process.argv[3])));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const began = performance.now();
  const asked = SIZES.filter((size) => process.argv.slice(2).includes(size.label));
  articleIndexFigures(testPage(), asked.length ? asked : SIZES);
  note(`measured in ${((performance.now() - began) / 1000).toFixed(1)} s`);
}
