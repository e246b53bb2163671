/**
 * Lexical plain text (vanilla, no React): registerPlainText + @lexical/history; no extra
 * nodes, so pasted HTML arrives as its text/plain flavour. One paragraph whose line
 * breaks are LineBreakNodes. Model: see lib/lexical.ts.
 */
import { registerPlainText } from '@lexical/plain-text';
import { editorRoot, expose } from './contract.ts';
import { mountLexical } from './lib/lexical.ts';

const { handle } = mountLexical({
  name: 'lexical-plain',
  kind: 'plain',
  nodes: [],
  register: (e) => registerPlainText(e),
  root: editorRoot(),
});

expose(handle);
