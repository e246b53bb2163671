/**
 * The text a reader sees in one region of a page, split into lines at block boundaries,
 * read with DOM methods only (core has no window). Computed style is not available here,
 * so hidden means what the markup says: `hidden`, `aria-hidden="true"`, an inline
 * `display:none` / `visibility:hidden`, and elements that never render (script, style,
 * noscript, template). A page runtime that has a window passes `isVisible` to add the real
 * check (e.g. `el => el.checkVisibility()`); it is called once per element walked.
 */

export type VisibilityCheck = (element: Element) => boolean;

const NEVER_RENDERED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'SELECT',
  'TEXTAREA',
  'HEAD',
]);

/** Lines break at these: a notice is one paragraph, not the footer's whole text run together. */
const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'BR',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'SECTION',
  'FOOTER',
  'ARTICLE',
  'ASIDE',
  'NAV',
  'HEADER',
  'TABLE',
  'TR',
  'TD',
  'DD',
  'DT',
  'BLOCKQUOTE',
  'FIGURE',
  'ADDRESS',
]);

const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * Regions whose text is never the publisher's own notice, whatever it says: readers'
 * comments (they quote other sites), cookie and consent banners, photo captions and credits.
 */
const FOREIGN_REGION = /comment|disqus|cookie|consent|gdpr|caption|photo-?credit/i;

export function isMarkedHidden(element: Element): boolean {
  if (NEVER_RENDERED.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && INLINE_HIDDEN.test(style);
}

/** Another party's words or a banner: see FOREIGN_REGION. */
export function isForeignRegion(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (tag === 'FIGCAPTION') return true;
  const marker = `${element.getAttribute('class') ?? ''} ${element.id}`;
  return marker.length > 1 && FOREIGN_REGION.test(marker);
}

/**
 * The visible lines of `root`, at most `maxChars` characters in all (the rest is not read:
 * a notice sits in a footer's first few kilobytes, and copy time has a budget).
 */
export function visibleLines(
  root: Element,
  maxChars: number,
  isVisible?: VisibilityCheck,
): string[] {
  const lines: string[] = [];
  let current = '';
  let total = 0;
  const breakLine = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && total < maxChars; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        current += text;
        total += text.length;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      if (isMarkedHidden(element) || isForeignRegion(element)) continue;
      if (isVisible && !isVisible(element)) continue;
      const block = BLOCK_TAGS.has(element.tagName.toUpperCase());
      if (block) breakLine();
      walk(element);
      if (block) breakLine();
    }
  };
  if (!isMarkedHidden(root) && !isForeignRegion(root) && (!isVisible || isVisible(root))) {
    walk(root);
  }
  breakLine();
  return lines;
}

/** True when `element` or an ancestor up to `stop` is hidden by markup (or by `isVisible`). */
export function isHiddenWithin(
  element: Element,
  stop: Element | null,
  isVisible?: VisibilityCheck,
): boolean {
  for (let el: Element | null = element; el && el !== stop; el = el.parentElement) {
    if (isMarkedHidden(el) || (isVisible && !isVisible(el))) return true;
  }
  return false;
}
