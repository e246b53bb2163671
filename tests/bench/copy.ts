// Copy-time figures for any publisher (issue 11): what the article script does inside one
// copy event on a 200 kB news article whose footer states a reuse rule — read the rule and the
// article (first copy on the page: notice detection and metadata extraction included), then
// serialise, sanitise and attribute the selection — measured in headless Chromium on the
// production modules, with the clipboard written within the event as the browser requires.
import {
  bundleForPage,
  escapeHtml,
  launchChromium,
  median,
  note,
  openPage,
  print,
  prose,
  quantile,
  type Figure,
} from './shared';

const RUNS = 60;
const ARTICLE_URL = 'https://vesti-bench.example/news/2025/terminal';

/** A news article of about 200 kB of HTML with a Russian notice in its footer. */
export function articlePage(bytes = 200_000): string {
  const parts = [
    `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Терминал | Вести</title>`,
    `<link rel="canonical" href="${ARTICLE_URL}"><meta property="og:type" content="article">`,
    `<meta property="article:published_time" content="2025-04-01T10:15:00+03:00">`,
    `<meta name="author" content="Анна Смирнова"></head><body>`,
    '<header><nav>' +
      Array.from({ length: 30 }, (_, i) => `<a href="/s/${i}">Раздел ${i}</a>`).join(' ') +
      '</nav></header><main><article><h1>В Каспийске открыли терминал</h1><div class="body">',
  ];
  let size = parts.join('').length;
  for (let seed = 1; size < bytes - 1_500; seed++) {
    const paragraph = `<p id="p${seed}">${escapeHtml(prose(seed, 60))} <b>${escapeHtml(prose(seed + 7, 4))}</b>.</p>`;
    parts.push(paragraph);
    size += paragraph.length;
  }
  parts.push(
    '</div></article></main><footer><p>© 2025 «Вести». Все права защищены. ',
    'При использовании материалов гиперссылка на vesti-bench.example обязательна.</p></footer></body></html>',
  );
  return parts.join('');
}

const PAGE_SOURCE = `
  import DOMPurify from 'dompurify';
  import { createArticlePageModel } from './utils/page/article/article-page';
  import { createCopyHandler } from './utils/page/copy/copy-handler';
  import { SELECTION_SANITIZE_CONFIG } from './utils/page/copy/selection-html';
  import { DEFAULT_SETTINGS } from './utils/core/records/settings';
  export function copyOnce(url, cold) {
    const model = createArticlePageModel(document, () => url, {
      isVisible: (element) => element.checkVisibility?.({ visibilityProperty: true }) ?? true,
    });
    if (!cold) model.copyContext();
    let recorded = null;
    const handler = createCopyHandler({
      getContext: model.copyContext,
      getSettings: () => DEFAULT_SETTINGS,
      sanitize: (html) => DOMPurify.sanitize(html, { ...SELECTION_SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true }),
      onCopied: (record) => (recorded = record),
      onError: (error) => { throw error; },
    });
    const clipboardData = new DataTransfer();
    const event = new ClipboardEvent('copy', { clipboardData, bubbles: true, cancelable: true });
    const start = performance.now();
    handler(event);
    const elapsed = performance.now() - start;
    return { elapsed, plain: clipboardData.getData('text/plain'), recorded: !!recorded };
  }
`;

export async function copyFigures(): Promise<Figure[]> {
  const browser = await launchChromium();
  try {
    const html = articlePage();
    const script = await bundleForPage(PAGE_SOURCE);
    const page = await openPage(browser, ARTICLE_URL, html, script);
    // Three paragraphs in the middle of the article, as a reader would select them.
    await page.evaluate(() => {
      const range = document.createRange();
      range.setStartBefore(document.getElementById('p20')!);
      range.setEndAfter(document.getElementById('p22')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const figures: Figure[] = [];
    for (const cold of [true, false]) {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 5; i++) {
        const result = await page.evaluate(
          ({ url, cold }) =>
            (
              window as unknown as {
                __linkback: {
                  copyOnce(
                    url: string,
                    cold: boolean,
                  ): { elapsed: number; plain: string; recorded: boolean };
                };
              }
            ).__linkback.copyOnce(url, cold),
          { url: ARTICLE_URL, cold },
        );
        if (!result.plain.endsWith(`Источник: ${ARTICLE_URL}`) || !result.recorded) {
          throw new Error(`the bench copy was not attributed: ${result.plain.slice(-120)}`);
        }
        if (i >= 5) times.push(result.elapsed);
      }
      const name = cold ? 'first' : 'next';
      note(
        `copy on any site (${name} copy on the page, ${(html.length / 1000).toFixed(0)} kB article): median ${median(times).toFixed(2)} ms over ${RUNS}`,
      );
      figures.push(print(`copy.any-site.${name}-copy.p95`, quantile(times, 0.95), 'ms', 10));
    }
    return figures;
  } finally {
    await browser.close();
  }
}

// `tsx tests/bench/copy.ts` on its own prints the figures.
if (import.meta.url === `file://${process.argv[1]}`) await copyFigures();
