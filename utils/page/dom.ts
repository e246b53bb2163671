/**
 * The element an event target or DOM node stands for: itself, or the parent of a text
 * node. Tested by nodeType, not instanceof, so nodes of a same-origin frame (another
 * realm, other constructors) count too; anything that is not a node gives null.
 */
export function elementOf(target: EventTarget | Node | null | undefined): Element | null {
  if (!target || typeof (target as Node).nodeType !== 'number') return null;
  const node = target as Node;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/**
 * Code editors and code blocks, on any site. A copy inside one is not attributed (code must
 * copy byte for byte, an appended link would break it), and a paste into one gets plain text
 * only. One list for both, so that what counts as code for a copy counts for a paste too:
 * `[class*="code" i]` covers code-block and codeblock classes; `[data-language]` is how
 * Lexical and Prism mark a code block; Ace, CodeMirror and Monaco by their root classes.
 */
const CODE_CONTAINERS =
  'pre, code, kbd, samp, [class*="code" i], [data-language], .CodeMirror, .cm-editor, .monaco-editor, .ace_editor';

/** True inside a code editor or a code block (see CODE_CONTAINERS). */
export function isInCode(node: EventTarget | Node | null | undefined): boolean {
  return !!elementOf(node)?.closest(CODE_CONTAINERS);
}
