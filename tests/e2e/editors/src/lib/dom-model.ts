/**
 * Text and links of a DOM tree, for editors whose model IS the DOM (bare / shadow-root
 * contenteditable) and for editors whose API hands back HTML (TinyMCE `getContent()`).
 *
 * Text rules: every block element (p, div, li, h1–h6, pre, blockquote, …) is its own line,
 * lines are joined with "\n"; `<br>` breaks a line unless it is the last thing in its
 * block (the placeholder `<br>` browsers put in empty blocks); whitespace outside `<pre>`
 * collapses to one space as HTML renders it; U+00A0 becomes a space.
 */
import type { EditorLink, EditorModel } from '../contract.ts';

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

export function isBlock(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && BLOCK_TAGS.has((node as Element).tagName);
}

/** True when nothing but whitespace text follows `node` inside its parent. */
function isLastInParent(node: Node): boolean {
  for (let n = node.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === Node.TEXT_NODE && !/\S/.test(n.nodeValue ?? '')) continue;
    return false;
  }
  return true;
}

export function domText(root: Node): string {
  const lines: string[] = [];
  let current: string | null = null;

  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      let text = node.nodeValue ?? '';
      if (!pre) {
        if (current === null && !/\S/.test(text)) return;
        text = text.replace(/[\t\n\r ]+/g, ' ');
      }
      current = (current ?? '') + text.replace(/\u00a0/g, ' ');
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) {
      return;
    }
    if (node.nodeType === Node.ELEMENT_NODE) {
      const tag = (node as Element).tagName;
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return;
      if (tag === 'BR') {
        const parent = node.parentNode;
        const trailing =
          isLastInParent(node) && parent !== null && (isBlock(parent) || parent === root);
        if (!trailing) {
          lines.push(current ?? '');
          current = '';
        } else if (current === null) {
          current = '';
        }
        return;
      }
    }
    const block = node !== root && isBlock(node);
    const linesBefore = lines.length;
    if (block) {
      if (current !== null && current !== '') lines.push(current);
      current = null;
    }
    const childPre =
      pre || (node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName === 'PRE');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, childPre);
    if (block) {
      if (current !== null) lines.push(current);
      else if (lines.length === linesBefore) lines.push('');
      current = null;
    }
  };

  walk(root, false);
  if (current !== null) lines.push(current);
  return lines.join('\n');
}

export function domLinks(root: ParentNode): EditorLink[] {
  return Array.from(root.querySelectorAll('a[href]')).map((a) => ({
    href: a.getAttribute('href') ?? '',
    text: (a.textContent ?? '').replace(/\u00a0/g, ' '),
  }));
}

export function domModel(root: HTMLElement | ShadowRoot, html?: string): EditorModel {
  return {
    text: domText(root),
    links: domLinks(root),
    html: html ?? (root instanceof ShadowRoot ? root.innerHTML : root.innerHTML),
  };
}

/** Model of an HTML string (parsed inertly). */
export function htmlModel(html: string): EditorModel {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return { text: domText(doc.body), links: domLinks(doc.body), html };
}

function closestBlock(node: Node, root: Node): Node {
  for (let n: Node | null = node.parentNode; n && n !== root; n = n.parentNode) {
    if (isBlock(n)) return n;
  }
  return root;
}

/**
 * A collapsed range in `root` at a `domText` offset (text nodes only; moving into another
 * block counts as the one "\n" separator). 'end' is the end of the last text node.
 */
export function domCaretRange(root: Node, offset: number | 'end'): Range {
  const doc = root.ownerDocument ?? document;
  const range = doc.createRange();
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  if (offset === 'end') {
    let last: Node | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n;
    if (last) range.setStart(last, (last.nodeValue ?? '').length);
    else range.selectNodeContents(root);
    range.collapse(last !== null);
    return range;
  }
  let remaining = offset;
  let prevBlock: Node | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const block = closestBlock(n, root);
    if (prevBlock !== null && block !== prevBlock) remaining -= 1;
    prevBlock = block;
    const len = (n.nodeValue ?? '').length;
    if (remaining <= len) {
      range.setStart(n, Math.max(0, remaining));
      range.collapse(true);
      return range;
    }
    remaining -= len;
  }
  range.selectNodeContents(root);
  range.collapse(false);
  return range;
}

/** Collapses the selection of `root`'s document at a `domText` offset (see domCaretRange). */
export function placeDomCaret(root: Node, offset: number | 'end'): void {
  const selection = (root.ownerDocument ?? document).getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  selection.addRange(domCaretRange(root, offset));
}
