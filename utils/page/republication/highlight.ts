/**
 * The popup's "Highlight on page": the passages a page reuses, marked with the CSS Custom
 * Highlight API, so the page's DOM is not touched.
 */
import type { PageReport } from '../../core/republication/report';
import { rangeOfText, type PageText } from './page-text';

const HIGHLIGHT_NAME = 'linkback-reuse';

/**
 * Marks the passages reused from one article (or all, for null) and scrolls to the first;
 * returns how many were marked (0 where the browser has no Custom Highlight API).
 */
export function highlightPassages(
  win: Window & typeof globalThis,
  page: PageText,
  report: PageReport,
  articleUrl: string | null,
): number {
  const registry = (win.CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const HighlightClass = (win as unknown as { Highlight?: new (...ranges: Range[]) => unknown })
    .Highlight;
  if (!registry || !HighlightClass) return 0;
  const ranges: Range[] = [];
  for (const article of report.articles) {
    if (articleUrl && article.url !== articleUrl) continue;
    for (const passage of article.passages) {
      const range = rangeOfText(page, passage.start, passage.end);
      if (range) ranges.push(range);
    }
  }
  ensureHighlightStyle(win);
  registry.set(HIGHLIGHT_NAME, new HighlightClass(...ranges));
  ranges[0]?.startContainer.parentElement?.scrollIntoView({
    block: 'center',
    behavior: 'smooth',
  });
  return ranges.length;
}

const HIGHLIGHT_RULE = `::highlight(${HIGHLIGHT_NAME}) { background-color: #ffe08a; color: inherit; }`;

/** Whether a style sheet is the one below (compared by its rule: sheets differ per world). */
function isHighlightStyle(sheet: CSSStyleSheet): boolean {
  try {
    return Array.prototype.some.call(sheet.cssRules, (rule: CSSRule) =>
      rule.cssText.includes(`::highlight(${HIGHLIGHT_NAME})`),
    );
  } catch {
    return false;
  }
}

/**
 * The highlight's colours, as an adopted style sheet: no element is added to the page. Put
 * back whenever it is gone: a page may empty its adopted style sheets at any time.
 */
function ensureHighlightStyle(win: Window & typeof globalThis): void {
  const doc = win.document as Document & { wrappedJSObject?: Document };
  const makeSheet = () => {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_RULE);
    return sheet;
  };
  try {
    if (!doc.adoptedStyleSheets.some(isHighlightStyle)) {
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, makeSheet()];
    }
  } catch {
    // Firefox ESR 140 does not let a content script read the page's list (it is not
    // iterable through the Xray view): look and append through the page's own list instead.
    const pageSheets = doc.wrappedJSObject?.adoptedStyleSheets;
    if (pageSheets && !Array.prototype.some.call(pageSheets, isHighlightStyle)) {
      pageSheets.push(makeSheet());
    }
  }
}
