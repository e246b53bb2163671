/** `<input type=text>`: the model is `value` (one line; the browser strips pasted line breaks). */
import { clampOffset, editorRoot, expose } from './contract.ts';

const el = document.createElement('input');
el.type = 'text';
el.size = 70;
el.setAttribute('aria-label', 'input under test');
editorRoot().append(el);

expose({
  name: 'input',
  kind: 'plain',
  model: () => ({ text: el.value, links: [] }),
  setText(text) {
    el.value = text;
  },
  placeCaret(where) {
    el.focus();
    const at = clampOffset(where, el.value.length);
    el.setSelectionRange(at, at);
  },
  focus: () => el.focus(),
});
