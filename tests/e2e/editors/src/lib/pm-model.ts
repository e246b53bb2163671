/**
 * Model reading shared by the ProseMirror and Tiptap pages (Tiptap's `editor.state.doc` is
 * a ProseMirror document).
 *
 * text: every textblock (paragraph, heading, code block, list-item paragraph) in document
 * order, joined with "\n"; inside a block, hard breaks are "\n".
 * links: inline text nodes carrying a mark named `link`, `href` from `mark.attrs.href`;
 * consecutive text nodes with the same href (e.g. "a " + bold "link") are one link.
 */
import { DOMSerializer, type Node as PMNode } from 'prosemirror-model';
import type { EditorLink, EditorModel } from '../contract.ts';

const leafText = (leaf: PMNode): string => (/break/i.test(leaf.type.name) ? '\n' : '');

export function pmTextblocks(doc: PMNode): { node: PMNode; pos: number }[] {
  const blocks: { node: PMNode; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      blocks.push({ node, pos });
      return false;
    }
    return true;
  });
  return blocks;
}

export function pmBlockText(block: PMNode): string {
  return block.textBetween(0, block.content.size, undefined, leafText);
}

export function pmModel(doc: PMNode): EditorModel {
  const blocks = pmTextblocks(doc);
  const links: EditorLink[] = [];
  for (const { node } of blocks) {
    let prevHref: string | null = null;
    node.forEach((child) => {
      const mark = child.marks.find((m) => m.type.name === 'link');
      const href = mark ? String(mark.attrs.href ?? '') : null;
      if (href !== null && child.isText) {
        const last = links[links.length - 1];
        if (prevHref === href && last) last.text += child.text ?? '';
        else links.push({ href, text: child.text ?? '' });
      }
      prevHref = href;
    });
  }
  const container = document.createElement('div');
  container.append(DOMSerializer.fromSchema(doc.type.schema).serializeFragment(doc.content));
  return {
    text: blocks.map(({ node }) => pmBlockText(node)).join('\n'),
    links,
    html: container.innerHTML,
  };
}

/** Document position for a character offset into `pmModel(doc).text`. */
export function pmPosForOffset(doc: PMNode, offset: number): number {
  const blocks = pmTextblocks(doc);
  let chars = 0;
  for (const { node, pos } of blocks) {
    const len = pmBlockText(node).length;
    if (offset <= chars + len) return pos + 1 + Math.max(0, offset - chars);
    chars += len + 1;
  }
  const last = blocks[blocks.length - 1];
  return last ? last.pos + 1 + last.node.content.size : 0;
}
