import { elementOf } from '../dom';

/**
 * What kind of field a paste lands in:
 * - excluded: not a field Linkback may write to (static text, read-only or disabled fields);
 * - quiet: takes text but never an attribution (password, search, URL, e-mail, number,
 *   telephone, user name, and any field the page marks as a search or query): a copy
 *   Linkback attributed arrives there as the user's selection alone;
 * - code: code editors and code blocks get plain text only, or the code would break;
 * - plain: textarea and text inputs, plain-text only by nature;
 * - rich: contenteditable editors, which get both flavours and a real link.
 */
export type PasteTargetKind = 'excluded' | 'quiet' | 'code' | 'plain' | 'rich';

/** The kinds that get an attribution. */
export type AttributedTargetKind = Exclude<PasteTargetKind, 'excluded' | 'quiet'>;

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

/** Code editors and code blocks. */
const CODE_CONTAINERS =
  '.cm-editor, .CodeMirror, .monaco-editor, .ace_editor, pre, code, [data-language], [class*="code-block" i], [class*="codeblock" i]';

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
    return element.closest(CODE_CONTAINERS) ? 'code' : 'plain';
  }
  // Code editors built on EditContext (Monaco in Chromium) take input in an element that is
  // not contenteditable.
  if (element.closest(CODE_CONTAINERS)) return 'code';
  if (!(element as HTMLElement).isContentEditable) return 'excluded';
  if (isMarkedQuiet(element)) return 'quiet';
  const caretElement = elementOf(caret);
  if (caretElement && element.contains(caretElement) && caretElement.closest(CODE_CONTAINERS)) {
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
