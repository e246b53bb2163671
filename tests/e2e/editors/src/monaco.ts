/**
 * Monaco: only the editor core (`monaco-editor/editor/editor.api`), no languages, no
 * contributions bundle, workers replaced by an empty blob worker. Model:
 * `editor.getModel().getValue(EndOfLinePreference.LF)`; no links.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import { clampOffset, editorRoot, expose } from './contract.ts';

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

self.MonacoEnvironment = {
  getWorker: () => new Worker(URL.createObjectURL(new Blob([''], { type: 'text/javascript' }))),
};

const host = document.createElement('div');
host.style.width = '640px';
host.style.height = '240px';
host.style.border = '1px solid #888';
editorRoot().append(host);

const editor = monaco.editor.create(host, {
  value: '',
  language: 'plaintext',
  automaticLayout: false,
  minimap: { enabled: false },
  wordWrap: 'on',
  ariaLabel: 'monaco under test',
});
const model = editor.getModel();
if (!model) throw new Error('monaco has no model');
model.setEOL(monaco.editor.EndOfLineSequence.LF);

const text = () => model.getValue(monaco.editor.EndOfLinePreference.LF);

expose({
  name: 'monaco',
  kind: 'code',
  model: () => ({ text: text(), links: [] }),
  setText(value) {
    // setValue replaces the buffer and drops the undo stack.
    model.setValue(value);
  },
  placeCaret(where) {
    editor.focus();
    editor.setPosition(model.getPositionAt(clampOffset(where, text().length)));
  },
  focus: () => editor.focus(),
});
