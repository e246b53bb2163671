import { afterEach, describe, expect, it } from 'vitest';
import { watchCopyIntent } from '../../../../utils/page/copy/copy-intent';

function setUp(articleScriptHere = false) {
  document.body.innerHTML = `
    <p id="text">Reporters in the port city said the terminal opened on Monday.</p>
    <textarea id="field">draft text of my own</textarea>`;
  const requests: number[] = [];
  let fail = false;
  const removers: Array<() => void> = [];
  watchCopyIntent({
    doc: document,
    isArticleScriptHere: () => articleScriptHere,
    requestArticleScript: async () => {
      requests.push(Date.now());
      if (fail) throw new Error('Could not establish connection. Receiving end does not exist.');
    },
    listen: (target, type, listener) => {
      target.addEventListener(type, listener);
      removers.push(() => target.removeEventListener(type, listener));
    },
    onError: () => undefined,
  });
  const selectIn = (id: string) => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById(id)!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
  };
  return {
    requests,
    selectIn,
    failNext: () => (fail = true),
    cleanUp: () => removers.forEach((remove) => remove()),
  };
}

let cleanUp = () => {};
afterEach(() => cleanUp());

describe('asking for the article script when a copy may follow', () => {
  it('asks once, when page text is selected, not for a caret or a field', async () => {
    const page = setUp();
    cleanUp = page.cleanUp;
    document.getSelection()!.removeAllRanges();
    document.dispatchEvent(new Event('selectionchange'));
    page.selectIn('field');
    expect(page.requests).toHaveLength(0);
    page.selectIn('text');
    page.selectIn('text');
    await Promise.resolve();
    expect(page.requests).toHaveLength(1);
  });

  it('asks on the context menu over page text', () => {
    const page = setUp();
    cleanUp = page.cleanUp;
    document.getElementById('field')!.dispatchEvent(new Event('contextmenu', { bubbles: true }));
    expect(page.requests).toHaveLength(0);
    document.getElementById('text')!.dispatchEvent(new Event('contextmenu', { bubbles: true }));
    expect(page.requests).toHaveLength(1);
  });

  it('asks again after a failed request (the background was restarting)', async () => {
    const page = setUp();
    cleanUp = page.cleanUp;
    page.failNext();
    page.selectIn('text');
    await new Promise((resolve) => setTimeout(resolve, 0));
    page.selectIn('text');
    expect(page.requests).toHaveLength(2);
  });

  it('never asks where the article script already runs', () => {
    const page = setUp(true);
    cleanUp = page.cleanUp;
    page.selectIn('text');
    expect(page.requests).toHaveLength(0);
  });
});
