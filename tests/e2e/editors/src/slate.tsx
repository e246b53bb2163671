/** @jsxImportSource react */
/**
 * Slate + slate-react + slate-history on React 18, with Slate's DEFAULT paste handling:
 * `ReactEditor.insertData` takes Slate's own fragment (application/x-slate-fragment) or
 * else `text/plain` (split into paragraphs on line breaks); no withHtml, so pasted HTML
 * keeps no links or formatting. That is the real behaviour of a stock Slate editor.
 * Model: `editor.children` (Slate's value).
 *   text: each top-level element's `Node.string`, joined with "\n".
 *   links: elements with `type: 'link'` and `url` (none unless some plugin makes them).
 *   html: none.
 */
import { createRoot } from 'react-dom/client';
import {
  createEditor,
  Editor,
  Element as SlateElement,
  Node as SlateNode,
  Transforms,
  type BaseEditor,
  type Descendant,
} from 'slate';
import { HistoryEditor, withHistory } from 'slate-history';
import { Editable, ReactEditor, Slate, withReact } from 'slate-react';
import { editorRoot, expose, type EditorLink } from './contract.ts';

interface ParagraphElement {
  type: string;
  url?: string;
  children: Descendant[];
}
interface PlainText {
  text: string;
}

declare module 'slate' {
  interface CustomTypes {
    Editor: BaseEditor & ReactEditor & HistoryEditor;
    Element: ParagraphElement;
    Text: PlainText;
  }
}

const editor = withHistory(withReact(createEditor()));
const initialValue: Descendant[] = [{ type: 'paragraph', children: [{ text: '' }] }];

function App() {
  return (
    <Slate editor={editor} initialValue={initialValue}>
      <Editable aria-label="slate under test" className="slate-editable" />
    </Slate>
  );
}

createRoot(editorRoot()).render(<App />);

function pointAt(offset: number) {
  let remaining = offset;
  for (const [node, path] of SlateNode.nodes(editor)) {
    if (path.length !== 1) continue;
    const len = SlateNode.string(node).length;
    if (remaining <= len) {
      // Find the text leaf inside this block.
      for (const [leaf, leafPath] of SlateNode.texts(node)) {
        if (remaining <= leaf.text.length)
          return { path: [...path, ...leafPath], offset: remaining };
        remaining -= leaf.text.length;
      }
      return Editor.end(editor, path);
    }
    remaining -= len + 1;
  }
  return Editor.end(editor, []);
}

expose({
  name: 'slate',
  kind: 'rich',
  model() {
    const links: EditorLink[] = [];
    for (const [node] of SlateNode.nodes(editor)) {
      if (SlateElement.isElement(node) && node.type === 'link' && node.url) {
        links.push({ href: node.url, text: SlateNode.string(node) });
      }
    }
    return { text: editor.children.map((n) => SlateNode.string(n)).join('\n'), links };
  },
  setText(text) {
    HistoryEditor.withoutSaving(editor, () => {
      Editor.withoutNormalizing(editor, () => {
        Transforms.deselect(editor);
        for (let i = editor.children.length - 1; i >= 0; i--) {
          Transforms.removeNodes(editor, { at: [i] });
        }
        Transforms.insertNodes(editor, { type: 'paragraph', children: [{ text }] }, { at: [0] });
      });
    });
    editor.history.undos = [];
    editor.history.redos = [];
  },
  placeCaret(where) {
    ReactEditor.focus(editor);
    const point =
      where === 'start'
        ? Editor.start(editor, [])
        : where === 'end'
          ? Editor.end(editor, [])
          : pointAt(where.offset);
    Transforms.select(editor, point);
  },
  focus: () => ReactEditor.focus(editor),
});
