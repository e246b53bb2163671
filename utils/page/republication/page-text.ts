/**
 * The visible main text of a page, collected in slices so that a long page never blocks
 * the main thread, with a map from text offsets back to DOM text nodes (for highlighting).
 * Navigation, page chrome, scripts, hidden nodes and anything the user can edit (form
 * fields, editors with unsaved contents) are never read.
 */
import { MAX_PAGE_TEXT } from '../../core/republication/report';

export interface PageText {
  text: string;
  /** Text nodes in document order, and the offset in `text` where each starts. */
  nodes: Text[];
  starts: number[];
}

const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'input',
  'textarea',
  'select',
  'button',
  'option',
  'code',
  'pre',
]);

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'blockquote',
  'td',
  'th',
  'tr',
  'table',
  'br',
  'hr',
  'figcaption',
  'figure',
  'main',
  'dd',
  'dt',
]);

/** Inline text tags: pages hide whole blocks, rarely a word, so these skip the style check. */
const INLINE_TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'span',
  'sup',
  'sub',
  'small',
  'mark',
  'abbr',
  'cite',
  'q',
  'time',
  'code',
  'br',
  'wbr',
  'font',
]);

function isSkipped(element: Element): boolean {
  const tag = element.localName;
  if (SKIPPED_TAGS.has(tag)) return true;
  // Most elements have no attributes at all: one call instead of four.
  if (element.hasAttributes() && hasSkippingAttribute(element)) return true;
  if (INLINE_TAGS.has(tag)) return false;
  // checkVisibility (Chrome 105, Firefox 106) answers display:none/visibility:hidden without a
  // forced layout of the whole page; where missing, the element counts as visible.
  const visible = (element as Element & { checkVisibility?: (o?: object) => boolean })
    .checkVisibility;
  return visible ? !visible.call(element, { visibilityProperty: true }) : false;
}

/** Hidden, editable, or navigation and page chrome by its role. */
function hasSkippingAttribute(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  // An editable region starts at an element that says so; its subtree is skipped with it.
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = element.getAttribute('role');
  return role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'textbox';
}

/**
 * Walks the page in steps. `step(deadline)` reads until `deadline()` says stop and returns
 * true when the page is done; `result()` is what has been read so far.
 */
export function createPageTextCollector(root: Element) {
  const doc = root.ownerDocument;
  // No filter callback: the walk skips subtrees itself, which spares a call from the browser
  // into script for every node (most of the scan's cost on a cold page).
  const walker = doc.createTreeWalker(root, 5 /* SHOW_ELEMENT | SHOW_TEXT */);
  /** The node after the walker's current one in document order, its subtree left out if asked. */
  function advance(skipSubtree: boolean): Node | null {
    if (!skipSubtree) {
      const child = walker.firstChild();
      if (child) return child;
    }
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      if (!walker.parentNode()) return null; // back at the root: done
    }
  }
  let skipSubtree = false;
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let done = false;

  function append(text: string) {
    parts.push(text);
    length += text.length;
  }

  return {
    step(deadline: () => boolean): boolean {
      let count = 0;
      while (!done) {
        // Checking the clock every node would cost more than the nodes.
        if ((++count & 63) === 0 && deadline()) return false;
        const node = advance(skipSubtree);
        skipSubtree = false;
        if (!node || length >= MAX_PAGE_TEXT) {
          done = true;
          break;
        }
        if (node.nodeType === 1) {
          if (isSkipped(node as Element)) skipSubtree = true;
          else if (BLOCK_TAGS.has((node as Element).localName)) append('\n');
          continue;
        }
        const data = (node as Text).data;
        if (!data.trim()) {
          if (data) append(' ');
          continue;
        }
        nodes.push(node as Text);
        starts.push(length);
        append(data);
      }
      return true;
    },
    result(): PageText {
      return { text: parts.join(''), nodes, starts };
    },
  };
}

/** The DOM range of `[start, end)` in the collected text, for highlighting. */
export function rangeOfText(page: PageText, start: number, end: number): Range | null {
  const locate = (offset: number): [Text, number] | null => {
    let lo = 0;
    let hi = page.starts.length - 1;
    if (hi < 0) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (page.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const node = page.nodes[lo]!;
    return [node, Math.min(Math.max(offset - page.starts[lo]!, 0), node.data.length)];
  };
  const from = locate(start);
  const to = locate(end);
  if (!from || !to || !from[0].isConnected || !to[0].isConnected) return null;
  const range = from[0].ownerDocument.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}
