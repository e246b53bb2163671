import { hasAtLeastWords } from '../../core/text/words';
import { elementOf, isInCode } from '../dom';

/** Why a copy is left exactly as the browser made it. */
export type SkipReason = 'empty' | 'too-short' | 'in-field' | 'in-code' | 'outside-article';

export type CopyDecision = { attribute: true } | { attribute: false; reason: SkipReason };

/** Form fields and editable regions belong to the user: what they copy there is theirs. */
export function isInEditableArea(node: Node | null): boolean {
  const element = elementOf(node);
  if (!element) return false;
  if (element.closest('input, textarea, select')) return true;
  return (
    (element as HTMLElement).isContentEditable === true ||
    !!element.closest(
      '[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]',
    )
  );
}

/** Generic article-body containers, for when a publisher's own selector finds nothing. */
const GENERIC_BODY = '[itemprop="articleBody"], article';

/**
 * The elements whose text counts as the article: the publisher's body selector, else
 * generic containers. Empty when the page has neither, and then any text counts: a
 * redesigned site must not silently lose attribution.
 */
export function findArticleBodies(doc: Document, bodySelector: string | undefined): Element[] {
  for (const selector of [bodySelector, GENERIC_BODY]) {
    if (!selector) continue;
    const found = Array.from(doc.querySelectorAll(selector));
    if (found.length) return found;
  }
  return [];
}

/**
 * Decides whether a copy gets the attribution. `eventTarget` is where the copy event
 * started (the focused field when copying inside an input); `articleBodies` are the
 * elements whose text is the article (none: any text counts).
 */
export function decideCopy(
  selection: Selection | null,
  eventTarget: EventTarget | null,
  minWords: number,
  articleBodies: readonly Element[] = [],
): CopyDecision {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
    return { attribute: false, reason: 'empty' };
  }
  const target = eventTarget instanceof Node ? eventTarget : null;
  const range = selection.getRangeAt(0);
  const ends = [target, range.startContainer, range.endContainer, range.commonAncestorContainer];
  if (ends.some(isInEditableArea)) return { attribute: false, reason: 'in-field' };
  if (ends.slice(1).some(isInCode) || containsCode(range))
    return { attribute: false, reason: 'in-code' };
  if (articleBodies.length && !articleBodies.some((body) => range.intersectsNode(body))) {
    return { attribute: false, reason: 'outside-article' };
  }
  if (!hasAtLeastWords(selection.toString(), minWords)) {
    return { attribute: false, reason: 'too-short' };
  }
  return { attribute: true };
}

function containsCode(range: Range): boolean {
  const root = elementOf(range.commonAncestorContainer);
  if (!root) return false;
  for (const block of root.querySelectorAll('pre')) {
    if (range.intersectsNode(block)) return true;
  }
  return false;
}
