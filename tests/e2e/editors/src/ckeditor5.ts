/**
 * CKEditor 5 (the `ckeditor5` package), ClassicEditor with Essentials (clipboard, enter,
 * typing, undo, select-all), Paragraph, Bold, Link, Clipboard, Undo and CodeBlock;
 * licenseKey 'GPL'. Model: `editor.model.document.getRoot()`.
 *   text: each root child (paragraph, codeBlock, …) is a line, joined with "\n"; inside a
 *     block `$text` contributes its data and `softBreak` a "\n".
 *   links: `$text` nodes with a `linkHref` attribute; consecutive same-href nodes merged.
 *   html: `editor.getData()`.
 */
import 'ckeditor5/ckeditor5.css';
import {
  Bold,
  ClassicEditor,
  Clipboard,
  CodeBlock,
  Essentials,
  Link,
  Paragraph,
  Undo,
  type ModelElement,
  type ModelNode,
} from 'ckeditor5';
import { editorRoot, expose, type EditorLink } from './contract.ts';

const host = document.createElement('div');
editorRoot().append(host);

const editor = await ClassicEditor.create(host, {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Bold, Link, Clipboard, Undo, CodeBlock],
  toolbar: ['undo', 'redo', '|', 'bold', 'link', 'codeBlock'],
});

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function blocks(): ModelElement[] {
  const root = editor.model.document.getRoot();
  if (!root) return [];
  return Array.from(root.getChildren()).filter((n): n is ModelElement => n.is('element'));
}

function blockText(block: ModelElement): string {
  let text = '';
  for (const child of block.getChildren() as Iterable<ModelNode>) {
    if (child.is('$text')) text += child.data;
    else if (child.is('element', 'softBreak')) text += '\n';
    else if (child.is('element')) text += blockText(child);
  }
  return text;
}

expose({
  name: 'ckeditor5',
  kind: 'rich',
  model() {
    const links: EditorLink[] = [];
    for (const block of blocks()) {
      let prev: string | null = null;
      for (const child of block.getChildren() as Iterable<ModelNode>) {
        const raw = child.is('$text') ? child.getAttribute('linkHref') : undefined;
        const href = typeof raw === 'string' ? raw : null;
        if (href !== null && child.is('$text')) {
          const last = links[links.length - 1];
          if (prev === href && last) last.text += child.data;
          else links.push({ href, text: child.data });
        }
        prev = href;
      }
    }
    return { text: blocks().map(blockText).join('\n'), links, html: editor.getData() };
  },
  setText(text) {
    // `setData` is not undoable, so undo stops at this text.
    editor.setData(`<p>${escapeHtml(text)}</p>`);
  },
  placeCaret(where) {
    editor.editing.view.focus();
    editor.model.change((writer) => {
      const all = blocks();
      if (where === 'start' || where === 'end') {
        const block = where === 'start' ? all[0] : all[all.length - 1];
        if (block) writer.setSelection(block, where === 'start' ? 0 : 'end');
        return;
      }
      let remaining = where.offset;
      for (const block of all) {
        const len = blockText(block).length;
        if (remaining <= len) {
          writer.setSelection(block, remaining);
          return;
        }
        remaining -= len + 1;
      }
      const last = all[all.length - 1];
      if (last) writer.setSelection(last, 'end');
    });
  },
  focus: () => editor.editing.view.focus(),
  insertCodeBlock() {
    editor.execute('codeBlock', { language: 'plaintext' });
    editor.editing.view.focus();
  },
});
