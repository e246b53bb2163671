/**
 * A `<div contenteditable>` inside an OPEN shadow root (host `#shadow-host` in `#editor`).
 * The DOM is the model, read exactly like the bare contenteditable page.
 */
import { editorRoot, expose } from './contract.ts';
import { domModel, placeDomCaret } from './lib/dom-model.ts';

const host = document.createElement('div');
host.id = 'shadow-host';
editorRoot().append(host);
const shadow = host.attachShadow({ mode: 'open' });
const style = document.createElement('style');
style.textContent =
  '.ce { min-height: 80px; border: 1px dashed #666; padding: 4px; } .ce p { margin: 0 0 4px; }';
const el = document.createElement('div');
el.contentEditable = 'true';
el.className = 'ce';
el.setAttribute('aria-label', 'contenteditable in a shadow root');
shadow.append(style, el);

expose({
  name: 'shadow',
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
