// What the republication figures read and check: deterministic article bodies and cards,
// and a 200 kB page that reuses passages of three of them (republication.ts scans it in
// Chromium, article-index.ts checks it against the index).
import type { IndexedArticle } from '../../utils/core/republication/article-index';
import { escapeHtml, passage, prose, rng } from './shared';

const PAGE_TEXT_CHARS = 200_000;
/** Articles whose passages the test page reuses. */
export const REUSED = [17, 4_242, 9_001];

/**
 * Where a seed's text starts in mulberry32's one cycle of 2^32 states (shared.ts): prose()
 * hashes the seed to a state, and each draw adds 0x6d2b79f5. Two texts whose starts are
 * closer than the draws they make are, from some word on, the same words.
 */
const startOf = (() => {
  let inverse = 0x6d2b79f5; // of the step, modulo 2^32 (Newton's iteration)
  for (let i = 0; i < 5; i++) inverse = Math.imul(inverse, 2 - Math.imul(0x6d2b79f5, inverse));
  // As prose() computes the state: a float product, which loses low bits above 3.4 million.
  return (seed: number) => Math.imul((seed * 2654435761 + 1) >>> 0, inverse) >>> 0;
})();
/** More draws than prose() makes for `words` words (a word takes at most four). */
const drawsFor = (words: number) => 5 * words + 100;

/** Where the test page's own paragraphs and the recall check's fillers start, sorted. */
const OTHER_TEXTS = Array.from({ length: 4_000 }, (_, i) => [
  startOf(90_000_000 + i),
  startOf(80_000_000 + i),
])
  .flat()
  .sort((a, b) => a - b);
const OTHER_DRAWS = drawsFor(120);

/** Whether a text starting at `start`, of `draws` draws, overlaps one of OTHER_TEXTS. */
function overlapsOthers(start: number, draws: number): boolean {
  // The first other text starting after start − OTHER_DRAWS (on the cycle).
  const from = (start - OTHER_DRAWS) >>> 0;
  let lo = 0;
  let hi = OTHER_TEXTS.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (OTHER_TEXTS[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  const next = OTHER_TEXTS[lo % OTHER_TEXTS.length]!;
  return (next - from) >>> 0 < OTHER_DRAWS + draws;
}

export function bodyOf(article: number): string {
  const words = 600 + ((article * 7919) % 401); // 600–1,000, ~800 on average
  // The first 10,000 keep the seeds the figures were first measured with. The others are
  // seeded away from the test page's paragraphs: some, seeded like the first ones were,
  // were word for word paragraphs of the page, and a big index "found" them on it.
  if (article < 10_000) return prose(article + 5_000_000, words);
  let seed = article + 1_000_000;
  while (overlapsOthers(startOf(seed), drawsFor(words))) seed += 1_200_000;
  return prose(seed, words);
}

export function cardOf(article: number): Omit<IndexedArticle, 'fingerprintCount'> {
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
  };
}

export interface TestPage {
  html: string;
  url: string;
  /** The main text as the page scan collects it, near enough: for checks run without a browser. */
  text: string;
  links: string[];
}

/**
 * A 200 kB-text article page: header and nav, a <main> of many paragraphs (some inline
 * links and emphasis; passages of three indexed articles among fresh text), an aside with
 * related links, a footer, scripts and a hidden block.
 */
export function testPage(): TestPage {
  const random = rng(4242);
  const paragraphs: string[] = [];
  const texts: string[] = ['Ministers agree on a new plan'];
  const links: string[] = [];
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
    let shown = text;
    if (random() < 0.2) inner = inner.replace(/(\S+) (\S+)/, '<em>$1 $2</em>');
    if (random() < 0.15) {
      const href = `https://elsewhere${paragraphs.length}.example/x`;
      inner += ` <a href="${href}">more</a>`;
      shown += ' more';
      links.push(href);
    }
    paragraphs.push(`<p>${inner}</p>`);
    texts.push(shown);
    if (paragraphs.length % 30 === 0) {
      paragraphs.push(`<h2>${escapeHtml(passage(text, 0, 6))}</h2>`);
      texts.push(passage(text, 0, 6));
    }
  }
  const linkList = (n: number, prefix: string) =>
    Array.from(
      { length: n },
      (_, i) => `<li><a href="/${prefix}/${i}">${prefix} ${i}</a></li>`,
    ).join('');
  // The page links to the first reused article's site, not the article.
  const site = `https://${cardOf(REUSED[0]!).hosts[0]}/`;
  const siteLink = `<p>Source: <a href="${site}">Press</a></p>`;
  texts.push('Source: Press');
  links.push(site);
  const html = `<!doctype html><html><head><title>Republished</title>
<style>.hidden{display:none} main p{line-height:1.5}</style></head><body>
<header><nav><ul>${linkList(40, 'section')}</ul></nav></header>
<main><article><h1>Ministers agree on a new plan</h1>${paragraphs.join('\n')}${siteLink}
<div class="hidden"><p>Hidden teaser text that is never read by the scan.</p></div></article></main>
<aside><h3>Related</h3><ul>${linkList(30, 'related')}</ul></aside>
<footer><ul>${linkList(60, 'footer')}</ul><p>© Republisher</p></footer>
<script>window.analytics = { queue: [] };</script>
</body></html>`;
  return {
    html,
    url: 'https://republisher.example/2025/07/ministers-agree',
    text: texts.join('\n\n'),
    links,
  };
}
