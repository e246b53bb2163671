/**
 * ProseMirror: schema-basic nodes + schema-list (bullet/ordered lists) and schema-basic's
 * marks (incl. `link`), with prosemirror-example-setup (keymaps, history, input rules; no
 * menu bar). Model: `view.state.doc`, read by lib/pm-model.ts.
 */
import 'prosemirror-view/style/prosemirror.css';
import { exampleSetup } from 'prosemirror-example-setup';
import { Schema } from 'prosemirror-model';
import { schema as basicSchema } from 'prosemirror-schema-basic';
import { addListNodes } from 'prosemirror-schema-list';
import { setBlockType } from 'prosemirror-commands';
import { EditorState, Selection, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { editorRoot, expose } from './contract.ts';
import { pmModel, pmPosForOffset } from './lib/pm-model.ts';

const schema = new Schema({
  nodes: addListNodes(basicSchema.spec.nodes, 'paragraph block*', 'block'),
  marks: basicSchema.spec.marks,
});
const plugins = exampleSetup({ schema, menuBar: false });

const docOf = (text: string) =>
  schema.node('doc', null, [schema.node('paragraph', null, text ? [schema.text(text)] : [])]);

const view = new EditorView(editorRoot(), {
  state: EditorState.create({ doc: docOf(''), plugins }),
});

expose({
  name: 'prosemirror',
  kind: 'rich',
  model: () => pmModel(view.state.doc),
  setText(text) {
    // A fresh state: new doc and empty history.
    view.updateState(EditorState.create({ doc: docOf(text), plugins }));
  },
  placeCaret(where) {
    view.focus();
    const { doc } = view.state;
    const selection =
      where === 'start'
        ? Selection.atStart(doc)
        : where === 'end'
          ? Selection.atEnd(doc)
          : TextSelection.create(doc, pmPosForOffset(doc, where.offset));
    view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
  },
  focus: () => view.focus(),
  insertCodeBlock() {
    const codeBlock = schema.nodes.code_block;
    if (codeBlock) setBlockType(codeBlock)(view.state, view.dispatch);
    view.focus();
  },
});
