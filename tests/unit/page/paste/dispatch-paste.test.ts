import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createPasteDelivery,
  createPasteEventFactory,
  pageEventWorld,
} from '../../../../utils/page/paste/dispatch-paste';

const SOURCE_LINE = 'Source: https://caliber.az/en/post/x';
const PAYLOAD = {
  plain: `Pasted text.\n\n${SOURCE_LINE}`,
  html: '',
  additions: { before: { plain: '', html: '' }, after: { plain: `\n\n${SOURCE_LINE}`, html: '' } },
};

describe('createPasteDelivery', () => {
  const removers: Array<() => void> = [];
  let execCommand: ReturnType<typeof vi.fn>;

  /** A listener the page registers on the window, in the capture phase. */
  function pageListens(type: string, listener: (event: Event) => void) {
    window.addEventListener(type, listener, true);
    removers.push(() => window.removeEventListener(type, listener, true));
  }

  beforeEach(() => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"></div>';
    // happy-dom has no execCommand: the browser's own insertion, as a spy.
    execCommand = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
  });

  afterEach(() => {
    while (removers.length) removers.pop()?.();
  });

  let cancelled: boolean;
  const deliver = (payload = PAYLOAD) => {
    cancelled = false;
    return createPasteDelivery(createPasteEventFactory(pageEventWorld(window)))(
      document.getElementById('ed')!,
      payload,
      'plain',
      () => (cancelled = true),
    );
  };

  it('counts a paste the editor cancelled at its element as delivered', () => {
    const editor = document.getElementById('ed')!;
    editor.addEventListener('paste', (event) => event.preventDefault());
    expect(deliver()).toBe('paste');
    expect(cancelled).toBe(true);
    expect(execCommand).not.toHaveBeenCalled();
  });

  it('goes on to beforeinput, then the native insertion, when nobody takes the paste', () => {
    expect(deliver()).toBe('native');
    expect(cancelled).toBe(true);
    expect(execCommand).toHaveBeenCalledWith('insertText', false, PAYLOAD.plain);
  });

  it('leaves a large paste nobody took to the browser, and adds the attribution after it', () => {
    const text = 'Word and more words. '.repeat(1_000);
    const large = { ...PAYLOAD, plain: `${text}\n\n${SOURCE_LINE}` };
    expect(deliver(large)).toBe('around-native');
    expect(cancelled).toBe(false);
    expect(execCommand).not.toHaveBeenCalled();
    // The browser's own paste lands and says so.
    document
      .getElementById('ed')!
      .dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    expect(execCommand).toHaveBeenCalledWith('insertText', false, `\n\n${SOURCE_LINE}`);
    // Only once, and only for that paste.
    document
      .getElementById('ed')!
      .dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    expect(execCommand).toHaveBeenCalledOnce();
  });

  describe('a large paste into a text field', () => {
    const text = 'Word and more words. '.repeat(1_000);
    const large = { ...PAYLOAD, plain: `${text}\n\n${SOURCE_LINE}` };
    let field: HTMLTextAreaElement;

    beforeEach(() => {
      document.body.innerHTML = '<textarea id="ta">Before. After.</textarea>';
      field = document.getElementById('ta') as HTMLTextAreaElement;
      field.setSelectionRange(8, 8);
      // The browser's insertText: replaces the selection, caret after what it put in.
      execCommand.mockImplementation((_command: string, _ui: boolean, inserted: string) => {
        field.setRangeText(inserted, field.selectionStart!, field.selectionEnd!, 'end');
        return true;
      });
    });

    const deliverInto = () =>
      createPasteDelivery(createPasteEventFactory(pageEventWorld(window)))(
        field,
        large,
        'plain',
        () => (cancelled = true),
      );

    /** The browser's native paste: the text at the caret, then its input event. */
    function nativePasteLands() {
      field.setRangeText(text, field.selectionStart!, field.selectionEnd!, 'end');
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }

    it('puts the attribution in first and the caret in front of it, where the paste lands', async () => {
      cancelled = false;
      expect(deliverInto()).toBe('around-native');
      expect(cancelled).toBe(false);
      expect(field.value).toBe(`Before. \n\n${SOURCE_LINE}After.`);
      expect(field.selectionStart).toBe(8);
      nativePasteLands();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(field.value).toBe(`Before. ${text}\n\n${SOURCE_LINE}After.`);
    });

    it('takes the attribution out again when the paste never lands', async () => {
      deliverInto();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(field.value).toBe('Before. After.');
    });
  });

  it('does not count a paste that a page refused on its way to the editor', () => {
    for (const type of ['paste', 'beforeinput']) {
      pageListens(type, (event) => {
        if (event.isTrusted) return;
        event.preventDefault();
        event.stopImmediatePropagation();
      });
    }
    expect(deliver()).toBe('native');
    expect(execCommand).toHaveBeenCalledOnce();
  });

  it('does not count a paste the page cancelled without stopping it (the editor saw it cancelled)', () => {
    pageListens('paste', (event) => event.preventDefault());
    pageListens('beforeinput', (event) => event.preventDefault());
    expect(deliver()).toBe('native');
  });

  it('reads defaultPrevented with its own getter, not one the page redefined', () => {
    const original = Object.getOwnPropertyDescriptor(Event.prototype, 'defaultPrevented')!;
    Object.defineProperty(Event.prototype, 'defaultPrevented', {
      get: () => true,
      configurable: true,
    });
    try {
      expect(deliver()).toBe('native');
    } finally {
      Object.defineProperty(Event.prototype, 'defaultPrevented', original);
    }
  });
});
