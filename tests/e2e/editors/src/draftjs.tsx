/** @jsxImportSource react */
/**
 * Draft.js 0.11 on React 18 with its default paste handling (`editOnPaste`: HTML through
 * `convertFromHTMLToContentBlocks`, which turns `<a href>` into LINK entities).
 * Model: `convertToRaw(editorState.getCurrentContent())`.
 *   text: the raw blocks' `text`, joined with "\n".
 *   links: entity ranges whose entity has type LINK; href = `data.url` (or `data.href`),
 *     text = the block text under the range.
 *   html: none.
 */
import 'draft-js/dist/Draft.css';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import {
  ContentState,
  convertToRaw,
  Editor,
  EditorState,
  SelectionState,
  type ContentBlock,
} from 'draft-js';
import { editorRoot, expose, type EditorLink } from './contract.ts';

let latest = EditorState.createEmpty();
let setLatest: (state: EditorState) => void = (state) => {
  latest = state;
};
let draftEditor: Editor | null = null;

function App() {
  const [state, setState] = useState(latest);
  setLatest = (next) => {
    latest = next;
    flushSync(() => setState(next));
  };
  return (
    <Editor
      ref={(e) => {
        draftEditor = e;
      }}
      editorState={state}
      ariaLabel="draft-js under test"
      onChange={(next) => {
        latest = next;
        setState(next);
      }}
    />
  );
}

createRoot(editorRoot()).render(<App />);

function caretAt(offset: number | 'end'): SelectionState {
  const blocks: ContentBlock[] = latest.getCurrentContent().getBlocksAsArray();
  let remaining = offset === 'end' ? Number.POSITIVE_INFINITY : offset;
  let target = blocks[blocks.length - 1]!;
  let at = target.getLength();
  for (const block of blocks) {
    if (remaining <= block.getLength()) {
      target = block;
      at = remaining;
      break;
    }
    remaining -= block.getLength() + 1;
  }
  return SelectionState.createEmpty(target.getKey()).merge({
    anchorOffset: at,
    focusOffset: at,
    hasFocus: true,
  });
}

expose({
  name: 'draftjs',
  kind: 'rich',
  model() {
    const raw = convertToRaw(latest.getCurrentContent());
    const links: EditorLink[] = [];
    for (const block of raw.blocks) {
      for (const range of block.entityRanges) {
        const entity = raw.entityMap[range.key];
        if (!entity || entity.type !== 'LINK') continue;
        const data = entity.data as { url?: string; href?: string };
        links.push({
          href: data.url ?? data.href ?? '',
          text: block.text.slice(range.offset, range.offset + range.length),
        });
      }
    }
    return { text: raw.blocks.map((b) => b.text).join('\n'), links };
  },
  setText(text) {
    // A new EditorState: new content, empty undo stack.
    setLatest(EditorState.createWithContent(ContentState.createFromText(text)));
  },
  placeCaret(where) {
    const selection = caretAt(where === 'start' ? 0 : where === 'end' ? 'end' : where.offset);
    setLatest(EditorState.forceSelection(latest, selection));
    draftEditor?.focus();
  },
  focus: () => draftEditor?.focus(),
});
