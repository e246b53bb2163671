/**
 * Quill 2, snow theme, default modules (clipboard, history, keyboard) and a toolbar with
 * bold / link / code-block. Model: `quill.getContents()` (a Delta).
 *   text: `quill.getText()` minus the final "\n" Quill always keeps (Quill already separates
 *     blocks with "\n").
 *   links: insert ops with `attributes.link`; consecutive ops with the same link merged.
 *   html: `quill.getSemanticHTML()`.
 */
import 'quill/dist/quill.snow.css';
import Quill from 'quill';
import { clampOffset, editorRoot, expose, type EditorLink } from './contract.ts';

const container = document.createElement('div');
editorRoot().append(container);
const quill = new Quill(container, {
  theme: 'snow',
  modules: { toolbar: ['bold', 'link', 'code-block'] },
});

const textOf = () => quill.getText().replace(/\n$/, '');

expose({
  name: 'quill',
  kind: 'rich',
  model() {
    const links: EditorLink[] = [];
    let prevLink: string | null = null;
    for (const op of quill.getContents().ops) {
      const link = op.attributes?.link;
      const href = typeof link === 'string' ? link : null;
      if (href !== null && typeof op.insert === 'string') {
        const last = links[links.length - 1];
        if (prevLink === href && last) last.text += op.insert;
        else links.push({ href, text: op.insert });
      }
      prevLink = href;
    }
    return { text: textOf(), links, html: quill.getSemanticHTML() };
  },
  setText(text) {
    quill.setText(text, 'api');
    quill.history.clear();
  },
  placeCaret(where) {
    quill.focus();
    quill.setSelection(clampOffset(where, textOf().length), 0, 'api');
  },
  focus: () => quill.focus(),
  insertCodeBlock() {
    quill.focus();
    const range = quill.getSelection(true);
    quill.formatLine(range.index, range.length, 'code-block', true, 'user');
  },
});
