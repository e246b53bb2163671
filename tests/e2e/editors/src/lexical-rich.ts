/**
 * Lexical rich text (vanilla, no React): registerRichText + @lexical/history, with
 * HeadingNode, QuoteNode, LinkNode, AutoLinkNode, CodeNode and CodeHighlightNode registered
 * so pasted HTML keeps those (no list nodes). Model: see lib/lexical.ts.
 */
import { $createCodeNode, CodeHighlightNode, CodeNode } from '@lexical/code';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getSelection } from 'lexical';
import { editorRoot, expose } from './contract.ts';
import { mountLexical } from './lib/lexical.ts';

const { editor, handle } = mountLexical({
  name: 'lexical-rich',
  kind: 'rich',
  nodes: [HeadingNode, QuoteNode, LinkNode, AutoLinkNode, CodeNode, CodeHighlightNode],
  register: (e) => registerRichText(e),
  root: editorRoot(),
});

expose({
  ...handle,
  insertCodeBlock() {
    editor.update(() => $setBlocksType($getSelection(), () => $createCodeNode()), {
      discrete: true,
    });
    editor.focus();
  },
});
