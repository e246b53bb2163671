/**
 * TinyMCE 8, self-hosted from node_modules and fully bundled: the dom model, silver theme,
 * default icons, the link plugin, and the oxide skin + default content CSS registered via
 * their `*.js` resource files (tinymce.Resource), so nothing is fetched at run time.
 * Classic (iframe) mode: the editable body lives in `#editor iframe`; license_key 'gpl'.
 * Model: `editor.getContent()` (TinyMCE's serialised HTML) parsed and read with
 * lib/dom-model.ts (blocks joined with "\n", `<a href>` attribute values).
 */
import tinymce from 'tinymce';
import 'tinymce/models/dom';
import 'tinymce/themes/silver';
import 'tinymce/icons/default';
import 'tinymce/plugins/link';
import 'tinymce/skins/ui/oxide/skin.js';
import 'tinymce/skins/ui/oxide/content.js';
import 'tinymce/skins/content/default/content.js';
import { editorRoot, expose } from './contract.ts';
import { domCaretRange, htmlModel } from './lib/dom-model.ts';

const target = document.createElement('textarea');
editorRoot().append(target);

const [editor] = await tinymce.init({
  target,
  license_key: 'gpl',
  skin: 'oxide',
  content_css: 'default',
  plugins: 'link',
  toolbar: 'undo redo | bold link | blocks',
  menubar: false,
  promotion: false,
  branding: false,
  height: 300,
});
if (!editor) throw new Error('tinymce.init gave no editor');

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

expose({
  name: 'tinymce',
  kind: 'rich',
  model: () => htmlModel(editor.getContent()),
  setText(text) {
    // setContent + a fresh undo stack whose first level is this text.
    editor.resetContent(`<p>${escapeHtml(text)}</p>`);
  },
  placeCaret(where) {
    editor.focus();
    const range = domCaretRange(
      editor.getBody(),
      where === 'start' ? 0 : where === 'end' ? 'end' : where.offset,
    );
    editor.selection.setRng(range);
    editor.nodeChanged();
  },
  focus: () => editor.focus(),
  insertCodeBlock() {
    editor.focus();
    editor.execCommand('FormatBlock', false, 'pre');
  },
});
