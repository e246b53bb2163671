/**
 * Pages built to hurt: the huge and pathological inputs of the "proof under faults" issue,
 * generated on request by the test server. The end-to-end stress suite checks that Linkback
 * still works on each (the popup opens, copies and pastes are whole and attributed); the
 * benchmark measures the longest task Linkback causes on each against the page without it.
 *
 * On the publisher's host (`/en/post/pathological-<name>`) the article script runs too, so
 * the metadata extractor meets the JSON-LD and title attacks; elsewhere only the all-pages
 * script does (republication check, paste guard).
 */

/** The generic pages, on `editor.test` (and `frames.test` for the cross-origin frames). */
export const GENERIC_PATHOLOGICAL_PAGES = {
  /** 100,000 paragraphs, about 10 MB of HTML, with a search box and a comment box. */
  'paragraphs-10mb': () => paragraphsPage(100_000),
  /**
   * 50,000 nested elements, built by the page's script (parsers cap nesting at 512). Chromium
   * alone crashes laying out more than about 3,000 levels (156, measured without Linkback), so
   * the nest is kept out of the layout (`display: none`): its DOM is there for every walker,
   * selector and ancestor loop to meet.
   */
  'nested-50000': () => nestedPage(50_000, false),
  /** 2,000 nested elements, shown: about the deepest that Chromium itself still renders. */
  'nested-2000-shown': () => nestedPage(2_000, true),
  /** 200 iframes, half same-origin and half cross-origin, each with a text field. */
  'iframes-200': () => iframesPage(200),
} as const;

/** The article pages, on `caliber.az`, where the extractor reads them. */
export const ARTICLE_PATHOLOGICAL_PAGES = {
  /** A 5 MB JSON-LD block next to the article's own. */
  'json-ld-5mb': (article: string) => withHead(article, jsonLdBlock(hugeJsonLd(5 * 1024 * 1024))),
  /** JSON-LD nested 10,000 deep. */
  'json-ld-deep': (article: string) => withHead(article, jsonLdBlock(deepJsonLd(10_000))),
  /** A 1 MB `<title>` and og:title. */
  'title-1mb': (article: string) => hugeTitle(article, 1024 * 1024),
} as const;

export type GenericPathologicalPage = keyof typeof GENERIC_PATHOLOGICAL_PAGES;
export type ArticlePathologicalPage = keyof typeof ARTICLE_PATHOLOGICAL_PAGES;

export const FRAMES_HOST = 'frames.test';

export function genericPathologicalUrl(name: GenericPathologicalPage): string {
  return `http://editor.test/pathological/${name}`;
}

export function articlePathologicalUrl(name: ArticlePathologicalPage): string {
  return `http://caliber.az/en/post/pathological-${name}`;
}

/** The small page each frame of `iframes-200` loads. */
export function framePage(index: number): string {
  return `<!doctype html><meta charset="utf-8"><title>frame ${index}</title>
<textarea aria-label="Field ${index}" rows="2"></textarea><p>Frame ${index}: a widget with its own field.</p>`;
}

const FIELDS = `<form role="search"><input type="search" name="q" aria-label="Search"></form>
<textarea id="ta" aria-label="Comment" rows="4" cols="60"></textarea>`;

/** Deterministic, varied sentences: no two paragraphs alike, as on a real long page. */
function sentence(n: number): string {
  const words = ['market', 'council', 'river', 'winter', 'school', 'harbour', 'budget', 'road'];
  const pick = (k: number) => words[(n * 7 + k * 13) % words.length];
  return `Paragraph ${n} tells of the ${pick(1)} and the ${pick(2)} near the ${pick(3)}, as reported on day ${n % 365}.`;
}

function paragraphsPage(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`<p>${sentence(i)} ${sentence(i + 1)}</p>`);
  return `<!doctype html><meta charset="utf-8"><title>${count} paragraphs</title>
${FIELDS}<main>${parts.join('\n')}</main>`;
}

function nestedPage(depth: number, shown: boolean): string {
  return `<!doctype html><meta charset="utf-8"><title>${depth} levels</title>
${FIELDS}<p>A page whose content is nested ${depth} levels deep.</p>
<div id="root"${shown ? '' : ' style="display: none"'}></div>
<script>
  let node = document.getElementById('root');
  for (let i = 0; i < ${depth}; i++) {
    const child = document.createElement('div');
    if (i % 1000 === 0) child.append('Level ' + i + ' of a deeply nested page. ');
    node.append(child);
    node = child;
  }
  node.append('The innermost text of the nested page.');
  document.documentElement.dataset.built = 'yes';
</script>`;
}

function iframesPage(count: number): string {
  const frames: string[] = [];
  for (let i = 0; i < count; i++) {
    const host = i % 2 ? FRAMES_HOST : 'editor.test';
    frames.push(
      `<iframe src="http://${host}/pathological/frame-${i}" width="200" height="120" title="frame ${i}"></iframe>`,
    );
  }
  return `<!doctype html><meta charset="utf-8"><title>${count} iframes</title>
${FIELDS}<p>A page of ${count} embedded widgets.</p>${frames.join('')}`;
}

function withHead(article: string, extra: string): string {
  return article.replace('</head>', `${extra}</head>`);
}

function jsonLdBlock(json: string): string {
  return `<script type="application/ld+json">${json.replace(/</g, '\\u003c')}</script>`;
}

/** A WebPage with a huge `hasPart` list: valid JSON, `bytes` long. */
function hugeJsonLd(bytes: number): string {
  const item = JSON.stringify({ '@type': 'WebPageElement', name: 'A part of the page '.repeat(8) });
  const count = Math.ceil(bytes / (item.length + 1));
  return `{"@context":"https://schema.org","@type":"WebPage","hasPart":[${Array(count).fill(item).join(',')}]}`;
}

function deepJsonLd(depth: number): string {
  return `${'{"@type":"Thing","about":'.repeat(depth)}{"name":"bottom"}${'}'.repeat(depth)}`;
}

function hugeTitle(article: string, chars: number): string {
  const title = 'A very long title '.repeat(Math.ceil(chars / 18)).slice(0, chars);
  return article
    .replace(/<title>[\s\S]*?<\/title>/, `<title>${title}</title>`)
    .replace('</head>', `<meta property="og:title" content="${title}"></head>`);
}
