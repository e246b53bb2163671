/**
 * The uniform handle every editor test page exposes as `window.editorUnderTest`.
 *
 * `model()` reads the editor's OWN model (ProseMirror doc, Lexical editor state, Quill
 * Delta, CKEditor model, Slate `editor.children`, Draft.js ContentState, CodeMirror /
 * Monaco text model, …), not the DOM, except where the DOM is the model (textarea, input,
 * bare and shadow-root contenteditable). See tests/e2e/editors/README.md for how each
 * editor's `text` and `links` are derived.
 */

export interface EditorLink {
  href: string;
  text: string;
}

export interface EditorModel {
  /** Blocks (paragraphs, code blocks, list items) joined with "\n"; no trailing "\n". */
  text: string;
  /** Links in document order; adjacent runs with the same href are merged into one. */
  links: EditorLink[];
  /** The editor's own HTML serialisation, where it has one. */
  html?: string;
}

export type CaretPlace = 'start' | 'end' | { offset: number };

export type EditorKind = 'plain' | 'rich' | 'code';

export interface EditorUnderTest {
  name: string;
  /** plain: textarea/input/lexical-plain; code: codemirror/monaco; rich: the rest. */
  kind: EditorKind;
  model(): EditorModel;
  /** Replaces the content with one paragraph of `text` through the editor's API; resets undo. */
  setText(text: string): void;
  /**
   * Focuses the editor and collapses the selection. `{ offset }` counts characters of
   * `model().text` (block separators count as one character).
   */
  placeCaret(where: CaretPlace): void;
  focus(): void;
  /** Rich editors with code blocks: turn the caret's block into a code block. */
  insertCodeBlock?(): void;
}

declare global {
  interface Window {
    editorUnderTest?: EditorUnderTest;
  }
}

/** Publishes the handle and marks the page ready (`<html data-editor-ready="name">`). */
export function expose(editor: EditorUnderTest): void {
  window.editorUnderTest = editor;
  document.documentElement.dataset.editorReady = editor.name;
}

/** The mount point every page has. */
export function editorRoot(): HTMLElement {
  const el = document.getElementById('editor');
  if (!el) throw new Error('#editor missing');
  return el;
}

/** Appends `{href,text}` to `links`, merging with the previous entry when it is the same link run. */
export function pushLink(links: EditorLink[], href: string, text: string, adjacent: boolean): void {
  const last = links[links.length - 1];
  if (adjacent && last && last.href === href) last.text += text;
  else links.push({ href, text });
}

/** Clamps an offset to [0, length]. */
export function clampOffset(where: CaretPlace, length: number): number {
  if (where === 'start') return 0;
  if (where === 'end') return length;
  return Math.max(0, Math.min(length, where.offset));
}
