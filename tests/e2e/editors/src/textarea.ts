/** `<textarea>`: the model is `value` (line breaks normalised to "\n" by the browser). */
import { clampOffset, editorRoot, expose } from './contract.ts';

const el = document.createElement('textarea');
el.rows = 6;
el.cols = 70;
el.setAttribute('aria-label', 'textarea under test');
editorRoot().append(el);

expose({
  name: 'textarea',
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
