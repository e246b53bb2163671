import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showPasteNotice, NOTICE_STAYS_FOR } from '../../../../utils/page/paste/paste-notice';
import {
  canUndoAttribution,
  undoAttribution,
  type AttributedPaste,
  type UndoTools,
} from '../../../../utils/page/paste/undo-attribution';
import { MAX_NATIVE_INSERTION } from '../../../../utils/page/paste/dispatch-paste';

const URL_ = 'https://caliber.az/en/post/x';
const LINE = `Source: ${URL_}`;
const ORIGINAL = { plain: 'Pasted text. ', html: '' };
const NOTHING = { plain: '', html: '' };
const PAYLOAD = {
  // Trimmed: the attribution follows the text, not its trailing space.
  plain: `Pasted text.\n\n${LINE}`,
  html: '',
  additions: { before: NOTHING, after: { plain: `\n\n${LINE}`, html: '' } },
};

function openRoot(host: HTMLElement): ShadowRoot {
  return host.attachShadow({ mode: 'open' });
}

describe('the paste notice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('announces what happened, as text, with buttons that never take the focus', () => {
    const undo = vi.fn();
    showPasteNotice(
      document,
      new DOMRect(20, 40, 200, 20),
      {
        text: 'Source link added — <b>caliber.az</b>.',
        actions: [{ label: 'Undo', shortcut: 'Alt+Shift+Z', run: undo }],
      },
      openRoot,
    );
    vi.advanceTimersByTime(0);
    const host = document.querySelector('linkback-notice') as HTMLElement;
    const status = host.shadowRoot?.querySelector('[role="status"]');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(status?.querySelector('.text')?.textContent).toBe(
      'Source link added — <b>caliber.az</b>.',
    );
    expect(status?.querySelector('b')).toBeNull();
    const button = status?.querySelector('button') as HTMLButtonElement;
    expect(button.tabIndex).toBe(-1);
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+Z');
    const press = new MouseEvent('mousedown', { cancelable: true, bubbles: true });
    button.dispatchEvent(press);
    expect(press.defaultPrevented).toBe(true);
    button.click();
    expect(undo).toHaveBeenCalledOnce();
    // Its place is set with !important, below the caret, so page styles cannot move it.
    expect(host.style.getPropertyPriority('top')).toBe('important');
    expect(host.style.top).toBe('68px');
  });

  it('goes after a few seconds, and stays while the pointer is on it', () => {
    showPasteNotice(document, new DOMRect(0, 0, 10, 10), { text: 'x', actions: [] }, openRoot);
    const host = document.querySelector('linkback-notice') as HTMLElement;
    host.dispatchEvent(new MouseEvent('mouseenter'));
    vi.advanceTimersByTime(NOTICE_STAYS_FOR + 3_000);
    expect(document.querySelector('linkback-notice')).not.toBeNull();
    host.dispatchEvent(new MouseEvent('mouseleave'));
    vi.advanceTimersByTime(1_000);
    expect(document.querySelector('linkback-notice')).toBeNull();
  });

  it('lives in a closed shadow root by default', () => {
    showPasteNotice(document, new DOMRect(0, 0, 10, 10), { text: 'x', actions: [] });
    expect(document.querySelector('linkback-notice')?.shadowRoot).toBeNull();
  });
});

function pasteIn(target: Element, overrides: Partial<AttributedPaste> = {}): AttributedPaste {
  return {
    target,
    kind: 'plain',
    original: ORIGINAL,
    payload: PAYLOAD,
    delivery: 'native',
    fieldStart: 4,
    url: URL_,
    ...overrides,
  };
}

function tools(overrides: Partial<UndoTools> = {}): UndoTools {
  return {
    deliver: vi.fn(() => 'paste' as const),
    historyStep: vi.fn(() => true),
    settle: async () => {},
    ...overrides,
  };
}

describe('undoing an attribution', () => {
  beforeEach(() => {
    // happy-dom has no execCommand: the field falls back to setRangeText.
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
  });

  it('takes only Linkback’s part out of a field, giving back what trimming took', async () => {
    document.body.innerHTML = '<textarea></textarea>';
    const field = document.querySelector('textarea')!;
    field.value = `Hi! ${PAYLOAD.plain} Bye.`;
    expect(await undoAttribution(pasteIn(field), tools())).toBe(true);
    expect(field.value).toBe(`Hi! ${ORIGINAL.plain} Bye.`);
    expect(field.selectionStart).toBe(4 + ORIGINAL.plain.length);
  });

  it('changes nothing in a field edited since, where the paste is no longer where it was', async () => {
    document.body.innerHTML = '<textarea></textarea>';
    const field = document.querySelector('textarea')!;
    field.value = `Hi! typed ${PAYLOAD.plain}`;
    expect(await undoAttribution(pasteIn(field), tools())).toBe(false);
    expect(field.value).toBe(`Hi! typed ${PAYLOAD.plain}`);
  });

  it('in an editor, undoes the paste and gives the user’s own paste back', async () => {
    document.body.innerHTML = `<div contenteditable="true"><p>Pasted text.</p><p>${LINE}</p></div>`;
    const editor = document.querySelector('div')!;
    const undo = tools({
      historyStep: vi.fn(() => {
        editor.innerHTML = '';
        return true;
      }),
      // The editor takes the user's paste into its model and draws it.
      deliver: vi.fn(() => {
        editor.innerHTML = '<p>Pasted text.</p>';
        return 'paste' as const;
      }),
    });
    const paste = pasteIn(editor, { kind: 'rich', delivery: 'paste', fieldStart: null });
    expect(await undoAttribution(paste, undo)).toBe(true);
    expect(undo.historyStep).toHaveBeenCalledWith(editor, 'undo');
    expect(undo.deliver).toHaveBeenCalledWith(
      editor,
      { ...ORIGINAL, additions: { before: NOTHING, after: NOTHING } },
      'rich',
      // No paste of the user's is under way: nothing native comes to insert around.
      null,
    );
  });

  it('delivers nothing when the editor’s undo did not take the link out', async () => {
    document.body.innerHTML = `<div contenteditable="true"><p>Pasted text.</p><p>${LINE}</p></div>`;
    const editor = document.querySelector('div')!;
    const undo = tools();
    const paste = pasteIn(editor, { kind: 'rich', delivery: 'paste', fieldStart: null });
    expect(await undoAttribution(paste, undo)).toBe(false);
    expect(undo.deliver).not.toHaveBeenCalled();
  });

  it('brings the attributed paste back when the user’s own cannot be delivered', async () => {
    document.body.innerHTML = `<div contenteditable="true"><p>${LINE}</p></div>`;
    const editor = document.querySelector('div')!;
    const undo = tools({
      historyStep: vi.fn((_target, step) => {
        editor.innerHTML = step === 'undo' ? '' : `<p>${LINE}</p>`;
        return true;
      }),
      deliver: vi.fn(() => {
        throw new Error('refused');
      }),
    });
    const paste = pasteIn(editor, { kind: 'rich', delivery: 'native', fieldStart: null });
    await expect(undoAttribution(paste, undo)).rejects.toThrow('refused');
    expect(undo.historyStep).toHaveBeenLastCalledWith(editor, 'redo');
    expect(editor.textContent).toContain(URL_);
  });

  it('brings the attributed paste back when the editor dropped the user’s own', async () => {
    document.body.innerHTML = `<div contenteditable="true"><p>Pasted text.</p><p>${LINE}</p></div>`;
    const editor = document.querySelector('div')!;
    const undo = tools({
      historyStep: vi.fn((_target, step) => {
        editor.innerHTML = step === 'undo' ? '' : `<p>Pasted text.</p><p>${LINE}</p>`;
        return true;
      }),
      // Taken, then dropped: nothing of it shows (Slate reverting an insertion it did not make).
      deliver: vi.fn(() => 'native' as const),
    });
    const paste = pasteIn(editor, { kind: 'rich', delivery: 'paste', fieldStart: null });
    expect(await undoAttribution(paste, undo)).toBe(false);
    expect(undo.historyStep).toHaveBeenLastCalledWith(editor, 'redo');
    expect(editor.textContent).toContain('Pasted text.');
  });

  it('is not offered for a huge paste into a rich editor, which could not be given back', () => {
    const editor = document.createElement('div');
    const huge = { plain: 'word '.repeat(MAX_NATIVE_INSERTION), html: '' };
    expect(canUndoAttribution(pasteIn(editor, { kind: 'rich', original: huge }))).toBe(false);
    const field = document.createElement('textarea');
    expect(canUndoAttribution(pasteIn(field, { original: huge, delivery: 'around-native' }))).toBe(
      true,
    );
  });
});
