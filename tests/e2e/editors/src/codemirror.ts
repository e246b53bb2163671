/**
 * CodeMirror 6: @codemirror/state + view + commands (default keymap, history keymap,
 * history()). Model: `view.state.doc.toString()` (lines joined with "\n"); no links.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { clampOffset, editorRoot, expose } from './contract.ts';

const extensions = [
  history(),
  keymap.of([...defaultKeymap, ...historyKeymap]),
  EditorView.lineWrapping,
  EditorView.contentAttributes.of({ 'aria-label': 'codemirror under test' }),
];
const view = new EditorView({
  state: EditorState.create({ doc: '', extensions }),
  parent: editorRoot(),
});

expose({
  name: 'codemirror',
  kind: 'code',
  model: () => ({ text: view.state.doc.toString(), links: [] }),
  setText(text) {
    // A fresh state: new doc, empty history.
    view.setState(EditorState.create({ doc: text, extensions }));
  },
  placeCaret(where) {
    view.focus();
    const anchor = clampOffset(where, view.state.doc.length);
    view.dispatch({ selection: { anchor }, scrollIntoView: true });
  },
  focus: () => view.focus(),
});
