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
