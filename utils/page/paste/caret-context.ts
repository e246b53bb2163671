/**
 * Whether text follows the caret where a paste lands, in the same line or block: an
 * attribution pasted there would end glued to it ("…/post/storyworld", a dead link). Read
 * from the field's value or the DOM selection; what cannot be read counts as nothing.
 */
export function textFollowsCaret(target: Element): boolean {
  if (target.localName === 'textarea' || target.localName === 'input') {
    const field = target as HTMLTextAreaElement;
    const end = field.selectionEnd;
    return typeof end === 'number' && isGlue(field.value.charAt(end));
  }
  // EditContext editors (Monaco in Chromium) keep their text and caret there, not in the DOM.
  const editContext = (target as EditContextHost).editContext;
  if (editContext) return isGlue(editContext.text.charAt(editContext.selectionEnd));
  const range = selectionRangeIn(target);
  return !!range && isGlue(firstCharacterAfter(range.endContainer, range.endOffset));
}

/** The part of the EditContext API read here (Chromium 121+; not in TypeScript's DOM types yet). */
interface EditContextHost {
  editContext?: { text: string; selectionEnd: number } | null;
}

/** Anything but white space would join the URL before it. */
function isGlue(char: string): boolean {
  return char !== '' && !/\s/.test(char);
}

type SelectionRoot = Document | (ShadowRoot & { getSelection?(): Selection | null });

/** The selection the user pasted over, read from the target's own root (shadow roots too). */
function selectionRangeIn(target: Element): Range | null {
  const root = target.getRootNode() as SelectionRoot;
  const selection =
    (typeof root.getSelection === 'function' ? root.getSelection() : null) ??
    target.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const end = range.endContainer;
  return target.contains(end) || end.contains(target) ? range : null;
}

/** Elements that end a line or a block: text after them does not touch the caret's text. */
const LINE_ENDS = new Set(
  (
    'address article aside blockquote br dd details div dl dt figcaption figure footer h1 h2 ' +
    'h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul'
  ).split(' '),
);

/** Plenty for the inline markup editors put between a caret and the next character. */
const MAX_NODES = 200;

/** Zero-width characters that editors keep as caret anchors: they join nothing. */
const ZERO_WIDTH = /[\u200b\ufeff]/g;

/**
 * The first character after a DOM position inside an editable area; '' when the line or
 * block ends first, or the editable area does.
 */
function firstCharacterAfter(container: Node, offset: number): string {
  let node: Node | null;
  if (container.nodeType === Node.TEXT_NODE) {
    const rest = (container as Text).data.slice(offset).replace(ZERO_WIDTH, '');
    if (rest) return rest.charAt(0);
    node = nextOutside(container);
  } else {
    node = container.childNodes[offset] ?? nextOutside(container);
  }
  for (let visited = 0; node && visited < MAX_NODES; visited++) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node as Text).data.replace(ZERO_WIDTH, '');
      if (text) return text.charAt(0);
      node = nextOutside(node);
    } else if (node.nodeType === Node.ELEMENT_NODE && LINE_ENDS.has((node as Element).localName)) {
      return '';
    } else {
      node = node.firstChild ?? nextOutside(node);
    }
  }
  return '';
}

/**
 * The node after `from` and its subtree, climbing out of inline elements; null when that
 * would leave a line or block, or the editable area.
 */
function nextOutside(from: Node): Node | null {
  for (let current: Node = from; ;) {
    if (current.nextSibling) return current.nextSibling;
    const parent = current.parentElement;
    if (!parent || !parent.isContentEditable || LINE_ENDS.has(parent.localName)) return null;
    current = parent;
  }
}
