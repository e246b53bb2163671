import type { PasteTargetKind } from '../../core/attribution/paste-payload';
import { elementOf, isInCode } from '../dom';

/** Input types whose value is free text; every other type holds a single datum. */
const TEXT_INPUT_TYPES = new Set(['', 'text']);

/** Input types that take no typed text at all (a paste cannot land there). */
const NON_TEXT_INPUT_TYPES = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'image',
  'file',
  'hidden',
  'range',
  'color',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
]);

/**
 * `caret` is where the selection starts: Firefox fires paste at the editing host (a rich
 * editor's body), so a code block inside it is known only from the caret.
 */
export function classifyPasteTarget(
  target: EventTarget | null,
  caret: Node | null = null,
): PasteTargetKind {
  const element = elementOf(target);
  if (!element) return 'excluded';
  const tag = element.localName;
  if (tag === 'input') {
    const input = element as HTMLInputElement;
    const type = (input.getAttribute('type') ?? '').toLowerCase();
    if (input.readOnly || input.disabled || NON_TEXT_INPUT_TYPES.has(type)) return 'excluded';
    return TEXT_INPUT_TYPES.has(type) && !isMarkedQuiet(input) ? 'plain' : 'quiet';
  }
  if (tag === 'textarea') {
    const area = element as HTMLTextAreaElement;
    if (area.readOnly || area.disabled) return 'excluded';
    if (isMarkedQuiet(area)) return 'quiet';
    return isInCode(element) ? 'code' : 'plain';
  }
  // Code editors built on EditContext (Monaco in Chromium) take input in an element that is
  // not contenteditable.
  if (isInCode(element)) return 'code';
  if (!(element as HTMLElement).isContentEditable) return 'excluded';
  if (isMarkedQuiet(element)) return 'quiet';
  const caretElement = elementOf(caret);
  if (caretElement && element.contains(caretElement) && isInCode(caretElement)) {
    return 'code';
  }
  return element.closest('[contenteditable="plaintext-only"]') ? 'plain' : 'rich';
}

/**
 * Fields the page marks as a search, a query or a single datum (an address, a user name, a
 * one-time code): a pasted query must stay a query.
 */
function isMarkedQuiet(field: Element): boolean {
  const role = field.getAttribute('role');
  const autocomplete = (field.getAttribute('autocomplete') ?? '').toLowerCase();
  const inputMode = (field.getAttribute('inputmode') ?? '').toLowerCase();
  return (
    role === 'searchbox' ||
    role === 'combobox' ||
    !!field.closest('form[role="search"], [role="search"], search') ||
    /\b(email|url|tel|username|current-password|new-password|one-time-code|cc-)/.test(
      autocomplete,
    ) ||
    ['email', 'url', 'tel', 'numeric', 'decimal', 'search'].includes(inputMode)
  );
}
