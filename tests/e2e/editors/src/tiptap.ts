/**
 * Tiptap 3: StarterKit (its bundled Link turned off) + @tiptap/extension-link with its
 * defaults (autolink, linkOnPaste, openOnClick). Model: `editor.state.doc` (a ProseMirror
 * doc) read by lib/pm-model.ts; `html` is `editor.getHTML()`.
 */
import { Editor } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import { editorRoot, expose } from './contract.ts';
import { pmModel, pmPosForOffset } from './lib/pm-model.ts';

const editor = new Editor({
  element: editorRoot(),
  extensions: [StarterKit.configure({ link: false }), Link],
  content: '<p></p>',
});

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

expose({
  name: 'tiptap',
  kind: 'rich',
  model: () => ({ ...pmModel(editor.state.doc), html: editor.getHTML() }),
  setText(text) {
    editor
      .chain()
      .setMeta('addToHistory', false)
      .setContent(`<p>${escapeHtml(text)}</p>`, { emitUpdate: false })
      .run();
  },
  placeCaret(where) {
    const pos =
      where === 'start'
        ? 'start'
        : where === 'end'
          ? 'end'
          : pmPosForOffset(editor.state.doc, where.offset);
    editor.commands.focus(pos);
  },
  focus: () => editor.commands.focus(),
  insertCodeBlock() {
    editor.chain().focus().setCodeBlock().run();
  },
});
