import { elementOf } from '../dom';

/**
 * What kind of field a paste lands in:
 * - excluded: never touched (password, search, URL, e-mail, number, telephone…; not editable);
 * - code: code editors and code blocks get plain text only, or the code would break;
 * - plain: textarea and text inputs, plain-text only by nature;
 * - rich: contenteditable editors, which get both flavours and a real link.
 */
export type PasteTargetKind = 'excluded' | 'code' | 'plain' | 'rich';

/** Input types whose value is a single datum, where an appended source line would corrupt it. */
const TEXT_INPUT_TYPES = new Set(['', 'text']);

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
  if (element.closest(CODE_CONTAINERS)) return 'code';
  const caretElement = elementOf(caret);
  if (caretElement && element.contains(caretElement) && caretElement.closest(CODE_CONTAINERS)) {
    return 'code';
  }
  const tag = element.localName;
  if (tag === 'input') {
    const input = element as HTMLInputElement;
    if (!TEXT_INPUT_TYPES.has((input.getAttribute('type') ?? '').toLowerCase())) return 'excluded';
    if (isSearchOrAddressField(input)) return 'excluded';
    return input.readOnly || input.disabled ? 'excluded' : 'plain';
  }
  if (tag === 'textarea') {
    const area = element as HTMLTextAreaElement;
    return area.readOnly || area.disabled ? 'excluded' : 'plain';
  }
  if ((element as HTMLElement).isContentEditable) {
    return element.closest('[contenteditable="plaintext-only"]') ? 'plain' : 'rich';
  }
  return 'excluded';
}

/** Text inputs used as search boxes or for addresses: a pasted query must stay a query. */
function isSearchOrAddressField(input: HTMLInputElement): boolean {
  const role = input.getAttribute('role');
  const autocomplete = (input.getAttribute('autocomplete') ?? '').toLowerCase();
  const inputMode = (input.getAttribute('inputmode') ?? '').toLowerCase();
  return (
    role === 'searchbox' ||
    role === 'combobox' ||
    !!input.closest('form[role="search"], [role="search"]') ||
    /\b(email|url|tel|username|current-password|new-password|one-time-code|cc-)/.test(
      autocomplete,
    ) ||
    ['email', 'url', 'tel', 'numeric', 'decimal', 'search'].includes(inputMode)
  );
}
