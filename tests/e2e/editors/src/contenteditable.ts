/**
 * Bare `<div contenteditable>`: the DOM is the model. `text` is `domText` (blocks and
 * `<br>` as "\n"), `links` are its `<a href>` (attribute value, not resolved).
 */
import { editorRoot, expose } from './contract.ts';
import { domModel, placeDomCaret } from './lib/dom-model.ts';

const el = document.createElement('div');
el.contentEditable = 'true';
el.className = 'ce';
el.setAttribute('aria-label', 'contenteditable under test');
editorRoot().append(el);

expose({
  name: 'contenteditable',
  kind: 'rich',
  model: () => domModel(el),
  setText(text) {
    const p = document.createElement('p');
    p.textContent = text;
    el.replaceChildren(p);
  },
  placeCaret(where) {
    el.focus();
    placeDomCaret(el, where === 'start' ? 0 : where === 'end' ? 'end' : where.offset);
  },
  focus: () => el.focus(),
});
