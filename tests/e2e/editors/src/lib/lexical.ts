/**
 * Shared by the Lexical pages: a vanilla (no React) Lexical editor on a contenteditable div,
 * with @lexical/history and either registerRichText or registerPlainText.
 *
 * Model: `editor.getEditorState().read(...)`.
 *   text: the root's top-level children, each `getTextContent()` (line breaks inside a
 *     block are "\n"), joined with "\n". (`$getRoot().getTextContent()` would join blocks
 *     with "\n\n".)
 *   links: every LinkNode / AutoLinkNode in document order: `getURL()` and its text.
 *   html: `$generateHtmlFromNodes(editor)`.
 */
import { $generateHtmlFromNodes } from '@lexical/html';
import { $isLinkNode } from '@lexical/link';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  createEditor,
  type Klass,
  type LexicalEditor,
  type LexicalNode,
  type LexicalNodeReplacement,
} from 'lexical';
import type { CaretPlace, EditorLink, EditorModel, EditorUnderTest } from '../contract.ts';

export interface LexicalPage {
  editor: LexicalEditor;
  handle: EditorUnderTest;
}

export function mountLexical(opts: {
  name: string;
  kind: 'plain' | 'rich';
  nodes: ReadonlyArray<Klass<LexicalNode> | LexicalNodeReplacement>;
  register: (editor: LexicalEditor) => () => void;
  root: HTMLElement;
}): LexicalPage {
  const contentEditable = document.createElement('div');
  contentEditable.contentEditable = 'true';
  contentEditable.className = 'lexical-root';
  contentEditable.setAttribute('aria-label', `${opts.name} under test`);
  opts.root.append(contentEditable);

  const editor = createEditor({
    namespace: opts.name,
    nodes: [...opts.nodes],
    onError(error) {
      console.error(error);
      throw error;
    },
    theme: { link: 'lexical-link', code: 'lexical-code' },
  });
  editor.setRootElement(contentEditable);
  opts.register(editor);
  const history = createEmptyHistoryState();
  registerHistory(editor, history, 300);

  const model = (): EditorModel =>
    editor.getEditorState().read(() => {
      const root = $getRoot();
      const links: EditorLink[] = [];
      const visit = (node: LexicalNode): void => {
        if ($isLinkNode(node)) {
          links.push({ href: node.getURL(), text: node.getTextContent() });
          return;
        }
        if ($isElementNode(node)) node.getChildren().forEach(visit);
      };
      visit(root);
      return {
        text: root
          .getChildren()
          .map((block) => block.getTextContent())
          .join('\n'),
        links,
        html: $generateHtmlFromNodes(editor, null),
      };
    });

  const placeCaret = (where: CaretPlace): void => {
    contentEditable.focus({ preventScroll: true });
    editor.update(
      () => {
        const root = $getRoot();
        if (where === 'start') {
          root.selectStart();
          return;
        }
        if (where === 'end') {
          root.selectEnd();
          return;
        }
        // Walk text nodes block by block; each block boundary counts one "\n".
        let remaining = where.offset;
        const blocks = root.getChildren();
        for (let b = 0; b < blocks.length; b++) {
          const block = blocks[b]!;
          const len = block.getTextContentSize();
          if (remaining <= len && $isElementNode(block)) {
            for (const text of block.getAllTextNodes()) {
              const size = text.getTextContentSize();
              if (remaining <= size && $isTextNode(text)) {
                text.select(remaining, remaining);
                return;
              }
              remaining -= size;
            }
            block.selectEnd();
            return;
          }
          remaining -= len + 1;
        }
        root.selectEnd();
      },
      { discrete: true },
    );
    editor.focus();
  };

  const handle: EditorUnderTest = {
    name: opts.name,
    kind: opts.kind,
    model,
    setText(text) {
      editor.update(
        () => {
          const root = $getRoot();
          root.clear();
          const paragraph = $createParagraphNode();
          if (text) paragraph.append($createTextNode(text));
          root.append(paragraph);
        },
        { discrete: true },
      );
      // Forget the undo stack; the new text becomes the state undo returns to.
      history.undoStack = [];
      history.redoStack = [];
      history.current = { editor, editorState: editor.getEditorState() };
    },
    placeCaret,
    focus: () => editor.focus(),
  };
  return { editor, handle };
}
