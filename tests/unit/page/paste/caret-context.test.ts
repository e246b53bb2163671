import { describe, expect, it } from 'vitest';
import { textFollowsCaret } from '../../../../utils/page/paste/caret-context';

/** Puts the caret at `offset` of the text node found by `find` in a fresh editor. */
function editorWithCaret(html: string, find: (root: HTMLElement) => Node, offset: number) {
  document.body.innerHTML = `<div id="ed" contenteditable="true">${html}</div>`;
  const root = document.getElementById('ed')!;
  const node = find(root);
  document.getSelection()!.setBaseAndExtent(node, offset, node, offset);
  return root;
}

describe('textFollowsCaret', () => {
  it('reads a textarea or an input by its selection end', () => {
    document.body.innerHTML = '<textarea>Hello world</textarea><input value="a b">';
    const area = document.querySelector('textarea')!;
    for (const [at, follows] of [
      [0, true],
      [5, false],
      [6, true],
      [11, false],
    ] as const) {
      area.setSelectionRange(at, at);
      expect(textFollowsCaret(area), `at ${at}`).toBe(follows);
    }
    const input = document.querySelector('input')!;
    input.setSelectionRange(0, 1);
    expect(textFollowsCaret(input)).toBe(false);
  });

  it('looks through inline markup to the next character of the same block', () => {
    const root = editorWithCaret(
      '<p>Hello <b><i>world</i></b></p>',
      (r) => r.querySelector('p')!.firstChild!,
      6,
    );
    expect(textFollowsCaret(root)).toBe(true);
    editorWithCaret(
      '<p>Hello<span>\u200b</span> world</p>',
      (r) => r.querySelector('p')!.firstChild!,
      5,
    );
    expect(textFollowsCaret(document.getElementById('ed')!)).toBe(false);
  });

  it('stops at the end of the block, a line break or the editor', () => {
    const cases: Array<[string, (r: HTMLElement) => Node, number]> = [
      ['<p>Hello</p><p>world</p>', (r) => r.querySelector('p')!.firstChild!, 5],
      ['<p>Hello<br>world</p>', (r) => r.querySelector('p')!.firstChild!, 5],
      [
        '<div class="cm-line">Hello</div><div class="cm-line">world</div>',
        (r) => r.firstChild!.firstChild!,
        5,
      ],
      ['Hello', (r) => r.firstChild!, 5],
    ];
    for (const [html, find, offset] of cases) {
      const root = editorWithCaret(html, find, offset);
      expect(textFollowsCaret(root), html).toBe(false);
    }
    document.body.innerHTML = '<div id="ed" contenteditable="true">Hello</div><p>world</p>';
    const text = document.getElementById('ed')!.firstChild!;
    document.getSelection()!.setBaseAndExtent(text, 5, text, 5);
    expect(textFollowsCaret(document.getElementById('ed')!)).toBe(false);
  });

  it('takes a caret given as an element and offset (an empty line, a position between nodes)', () => {
    const root = editorWithCaret(
      '<p><b>Hello</b><i>world</i></p>',
      (r) => r.querySelector('p')!,
      1,
    );
    expect(textFollowsCaret(root)).toBe(true);
    editorWithCaret('<p><b>Hello</b></p>', (r) => r.querySelector('p')!, 1);
    expect(textFollowsCaret(document.getElementById('ed')!)).toBe(false);
  });

  it('ignores a selection outside the target', () => {
    document.body.innerHTML =
      '<p id="out">Hello world</p><div id="ed" contenteditable="true">x</div>';
    const text = document.getElementById('out')!.firstChild!;
    document.getSelection()!.setBaseAndExtent(text, 2, text, 2);
    expect(textFollowsCaret(document.getElementById('ed')!)).toBe(false);
  });
});
