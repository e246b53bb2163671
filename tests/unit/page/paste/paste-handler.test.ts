import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClipboardPayload } from '../../../../utils/core/attribution/format';
import {
  createPasteHandler,
  linksToHosts,
  type DeliverPaste,
  type PasteOutcome,
} from '../../../../utils/page/paste/paste-handler';
import { addCopyToIndex } from '../../../../utils/core/paste-index/build';
import { createPasteIndex } from '../../../../utils/core/paste-index/match';
import { EMPTY_PASTE_INDEX } from '../../../../utils/core/paste-index/snapshot';
import {
  buildPastePayload,
  plainTextToHtml,
  type PasteSpot,
} from '../../../../utils/core/attribution/paste-payload';
import { classifyPasteTarget } from '../../../../utils/page/paste/paste-target';
import type { AttributedTargetKind } from '../../../../utils/core/attribution/paste-payload';
import { DEFAULT_SETTINGS, type Settings } from '../../../../utils/core/records/settings';

const URL_ = 'https://caliber.az/en/post/story';
const SOURCE = {
  url: URL_,
  language: 'en',
  placement: 'end' as const,
  hosts: ['caliber.az', 'www.caliber.az'],
};
const COPIED =
  'Special Envoy Steve Witkoff and Jared Kushner are scheduled to meet Russian President Vladimir Putin on December 2 in Moscow.';

describe('classifyPasteTarget', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <input id="text"><input id="typed" type="text"><textarea id="ta"></textarea>
      <input id="password" type="password"><input id="search" type="search"><input id="url" type="url">
      <input id="email" type="email"><input id="number" type="number"><input id="tel" type="tel">
      <form role="search"><input id="q"></form><input id="user" autocomplete="username">
      <div id="rich" contenteditable="true"><p id="para">text</p><pre><code id="code">x</code></pre></div>
      <div id="plaintext" contenteditable="plaintext-only"></div>
      <div class="cm-editor"><div id="cm" contenteditable="true"></div></div>
      <p id="static">not editable</p><div id="host"></div>
      <input id="box" type="checkbox"><textarea id="readonly" readonly></textarea>
      <div role="search"><textarea id="query"></textarea></div>
      <div id="searchbox" role="searchbox" contenteditable="true"></div>
      <input id="mode" inputmode="search">`;
  });
  const kind = (id: string) => classifyPasteTarget(document.getElementById(id));

  it('never touches single-datum fields, search boxes or static text', () => {
    for (const id of ['password', 'search', 'url', 'email', 'number', 'tel', 'q', 'user']) {
      expect(kind(id), id).toBe('quiet');
    }
    for (const id of ['static', 'box', 'readonly']) expect(kind(id), id).toBe('excluded');
    expect(classifyPasteTarget(null)).toBe('excluded');
  });

  it('counts any field the page marks as a search or query as quiet', () => {
    for (const id of ['query', 'searchbox', 'mode']) expect(kind(id), id).toBe('quiet');
  });

  it('tells plain fields, rich editors and code apart', () => {
    expect(kind('text')).toBe('plain');
    expect(kind('typed')).toBe('plain');
    expect(kind('ta')).toBe('plain');
    expect(kind('plaintext')).toBe('plain');
    expect(kind('rich')).toBe('rich');
    expect(kind('para')).toBe('rich');
    expect(kind('code')).toBe('code');
    expect(kind('cm')).toBe('code');
  });

  it('knows a code block inside a rich editor from the caret, when paste targets the editor', () => {
    const code = document.getElementById('code')!;
    expect(classifyPasteTarget(document.getElementById('rich'), code.firstChild)).toBe('code');
    expect(
      classifyPasteTarget(document.getElementById('rich'), document.getElementById('para')),
    ).toBe('rich');
    // A caret outside the target does not count.
    expect(classifyPasteTarget(document.getElementById('ta'), code)).toBe('plain');
  });

  it('takes the code containers the copy policy knows as code too (one shared list)', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      `<kbd><span id="in-kbd" contenteditable="true"></span></kbd>
      <div class="hljs-code"><div id="in-class" contenteditable="true"></div></div>
      <div class="my-codeblock"><div id="in-codeblock" contenteditable="true"></div></div>
      <div data-language="js"><div id="in-lang" contenteditable="true"></div></div>
      <div class="ace_editor"><textarea id="in-ace"></textarea></div>`,
    );
    for (const id of ['in-kbd', 'in-class', 'in-codeblock', 'in-lang', 'in-ace']) {
      expect(kind(id)).toBe('code');
    }
    expect(kind('rich')).toBe('rich');
  });

  it('classifies an editor inside a shadow root by the element itself', () => {
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div contenteditable="true"><p>inside</p></div>';
    expect(classifyPasteTarget(root.querySelector('p'))).toBe('rich');
  });
});

describe('buildPastePayload', () => {
  const pasted: ClipboardPayload = {
    plain: 'First.\n\nSecond.',
    html: '<html><body><!--StartFragment--><p>First.</p><p>Second.</p><!--EndFragment--></body></html>',
  };

  it('puts the attribution inside the clipboard fragment for rich editors', () => {
    const out = buildPastePayload(pasted, SOURCE, 'end', spot('rich'));
    expect(out.plain).toBe(`First.\n\nSecond.\n\nSource: ${URL_}`);
    expect(out.html).toContain(
      `<p>Second.</p><p data-linkback="attribution">Source: <a href="${URL_}">${URL_}</a></p><!--EndFragment-->`,
    );
    const start = buildPastePayload(pasted, SOURCE, 'start', spot('rich'));
    expect(start.html).toContain('<!--StartFragment--><p data-linkback="attribution">Source:');
    expect(start.plain.startsWith(`Source: ${URL_}\n\nFirst.`)).toBe(true);
  });

  it('builds HTML from the text when the clipboard had none, so the link is real', () => {
    const out = buildPastePayload(
      { plain: 'A <b>\nline\n\nNext', html: '' },
      SOURCE,
      'end',
      spot('rich'),
    );
    expect(out.html).toBe(
      `<p>A &lt;b&gt;<br>line</p><p>Next</p><p data-linkback="attribution">Source: <a href="${URL_}">${URL_}</a></p>`,
    );
    expect(plainTextToHtml('\n\n')).toBe('');
  });

  it('gives plain fields and code text only', () => {
    for (const kind of ['plain', 'code'] as const) {
      expect(buildPastePayload(pasted, SOURCE, 'end', spot(kind))).toMatchObject({
        plain: `First.\n\nSecond.\n\nSource: ${URL_}`,
        html: '',
      });
    }
  });

  it('keeps a one-line field on one line', () => {
    expect(
      buildPastePayload(pasted, SOURCE, 'end', spot('plain', { singleLine: true })),
    ).toMatchObject({
      plain: `First.\n\nSecond. Source: ${URL_}`,
      html: '',
    });
  });

  it('ends with a separator when text follows the caret, so the URL never joins it', () => {
    const follows = { textFollows: true };
    expect(buildPastePayload(pasted, SOURCE, 'end', spot('plain', follows)).plain).toBe(
      `First.\n\nSecond.\n\nSource: ${URL_}\n`,
    );
    expect(buildPastePayload(pasted, SOURCE, 'end', spot('code', follows)).plain).toBe(
      `First.\n\nSecond.\n\nSource: ${URL_}\n`,
    );
    expect(
      buildPastePayload(pasted, SOURCE, 'end', spot('plain', { ...follows, singleLine: true }))
        .plain,
    ).toBe(`First.\n\nSecond. Source: ${URL_} `);
    const rich = buildPastePayload(pasted, SOURCE, 'end', spot('rich', follows));
    expect(rich.html).toContain(`${URL_}</a></p><p><br></p><!--EndFragment-->`);
    // At the start, the pasted text itself follows the attribution, after a blank line.
    expect(buildPastePayload(pasted, SOURCE, 'start', spot('plain', follows)).plain).toBe(
      `Source: ${URL_}\n\nFirst.\n\nSecond.`,
    );
  });
});

function spot(kind: AttributedTargetKind, options: Partial<PasteSpot> = {}): PasteSpot {
  return { kind, singleLine: false, textFollows: false, ...options };
}

describe('linksToHosts', () => {
  it('finds links to the publisher in either flavour', () => {
    expect(linksToHosts({ plain: 'see https://caliber.az/', html: '' }, SOURCE.hosts)).toBe(true);
    expect(
      linksToHosts({ plain: '', html: '<a href="http://www.caliber.az/en">x</a>' }, SOURCE.hosts),
    ).toBe(true);
    expect(linksToHosts({ plain: 'https://notcaliber.az/x', html: '' }, SOURCE.hosts)).toBe(false);
  });
});

describe('the paste handler', () => {
  let settings: Settings;
  let outcomes: PasteOutcome[];
  let deliver: ReturnType<typeof vi.fn<DeliverPaste>>;
  let restore: ReturnType<
    typeof vi.fn<(target: Element, payload: ClipboardPayload, kind: string) => void>
  >;
  let onError: ReturnType<typeof vi.fn<(error: unknown) => void>>;
  let insertText: ReturnType<typeof vi.fn<(target: Element, text: string) => void>>;
  let host: string;

  const index = createPasteIndex(addCopyToIndex(EMPTY_PASTE_INDEX, SOURCE, COPIED, 1));

  function handler() {
    return createPasteHandler({
      getIndex: () => index,
      getSettings: () => settings,
      pageHost: () => host,
      deliver,
      insertText,
      restoreOriginal: restore,
      onPasted: (outcome) => outcomes.push(outcome),
      onError,
    });
  }

  function paste(target: Element, data: Partial<ClipboardPayload>, trusted = true) {
    const clipboardData = new DataTransfer();
    if (data.plain !== undefined) clipboardData.setData('text/plain', data.plain);
    if (data.html !== undefined) clipboardData.setData('text/html', data.html);
    const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
    Object.defineProperty(event, 'isTrusted', { value: trusted });
    Object.defineProperty(event, 'composedPath', { value: () => [target] });
    const spy = vi.spyOn(event, 'stopImmediatePropagation');
    handler()(event);
    return { event, stopped: spy.mock.calls.length > 0 };
  }

  beforeEach(() => {
    document.body.innerHTML =
      '<textarea id="ta"></textarea><div id="ce" contenteditable="true"></div><input id="pw" type="password">' +
      '<input id="q" type="search"><input id="line">';
    settings = { ...DEFAULT_SETTINGS };
    outcomes = [];
    deliver = vi.fn<DeliverPaste>((_target, _payload, _kind, cancelOriginal) => {
      cancelOriginal?.();
      return 'paste';
    });
    restore = vi.fn<(target: Element, payload: ClipboardPayload, kind: string) => void>();
    onError = vi.fn<(error: unknown) => void>();
    insertText = vi.fn<(target: Element, text: string) => void>();
    host = 'cms.example';
  });

  const ta = () => document.getElementById('ta')!;
  const ce = () => document.getElementById('ce')!;

  it('replaces a paste of recorded article text with the same text plus the link', () => {
    const { event, stopped } = paste(ce(), { plain: COPIED, html: `<p>${COPIED}</p>` });
    expect(event.defaultPrevented).toBe(true);
    expect(stopped).toBe(true);
    expect(deliver).toHaveBeenCalledOnce();
    const [target, payload, kind] = deliver.mock.calls[0]!;
    expect(target).toBe(ce());
    expect(kind).toBe('rich');
    expect(payload.plain).toBe(`${COPIED}\n\nSource: ${URL_}`);
    expect(payload.html.startsWith(`<p>${COPIED}</p>`)).toBe(true);
    expect(outcomes).toMatchObject([
      { added: true, delivery: 'paste', match: { source: { url: URL_ } } },
    ]);
  });

  it('gives textareas the text only', () => {
    paste(ta(), { plain: COPIED });
    expect(deliver.mock.calls[0]![2]).toBe('plain');
    expect(deliver.mock.calls[0]![1].html).toBe('');
  });

  it('writes the attribution in the user’s template when one is set', () => {
    settings = { ...settings, template: { plain: '{label} ({accessed}) → {url}', html: null } };
    paste(ce(), { plain: COPIED });
    const payload = deliver.mock.calls[0]![1];
    expect(payload.plain).toMatch(
      new RegExp(`^${COPIED}\\n\\nSource \\(\\d{4}-\\d{2}-\\d{2}\\) → ${URL_}$`),
    );
    expect(payload.html).toContain(`<p data-linkback="attribution">Source: <a href="${URL_}">`);
  });

  it('leaves pastes alone that already link to the article or the publisher, and records them', () => {
    for (const data of [
      { plain: `${COPIED}\n\nSource: ${URL_}` },
      { plain: COPIED, html: `<p>${COPIED} <a href="https://caliber.az/">Caliber.az</a></p>` },
    ]) {
      const { event } = paste(ce(), data);
      expect(event.defaultPrevented).toBe(false);
    }
    expect(deliver).not.toHaveBeenCalled();
    expect(outcomes.map((o) => o.added)).toEqual([false, false]);
  });

  it('leaves unrelated text, short text, excluded fields, untrusted events and the publisher alone', () => {
    const untouched = [
      paste(ce(), { plain: 'Some unrelated words that nobody copied from any article at all.' }),
      paste(ce(), { plain: 'Witkoff and Kushner' }),
      paste(document.getElementById('pw')!, { plain: COPIED }),
      paste(ce(), { plain: COPIED }, false),
    ];
    host = 'caliber.az';
    untouched.push(paste(ce(), { plain: COPIED }));
    host = 'cms.example';
    settings = { ...settings, attributeOnPaste: false };
    untouched.push(paste(ce(), { plain: COPIED }));
    for (const { event } of untouched) expect(event.defaultPrevented).toBe(false);
    expect(deliver).not.toHaveBeenCalled();
    expect(outcomes).toHaveLength(0);
  });

  it('fails open: an error before cancelling leaves the paste to the browser', () => {
    const broken = createPasteHandler({
      getIndex: () => {
        throw new Error('index broke');
      },
      getSettings: () => settings,
      pageHost: () => host,
      deliver,
      insertText,
      restoreOriginal: restore,
      onPasted: () => undefined,
      onError,
    });
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', COPIED);
    const event = new ClipboardEvent('paste', { clipboardData, cancelable: true });
    Object.defineProperty(event, 'isTrusted', { value: true });
    Object.defineProperty(event, 'composedPath', { value: () => [ce()] });
    broken(event);
    expect(event.defaultPrevented).toBe(false);
    expect(onError).toHaveBeenCalledOnce();
  });

  it('puts the user’s own paste back when delivery fails after cancelling', () => {
    deliver.mockImplementation((_target, _payload, _kind, cancelOriginal) => {
      cancelOriginal?.();
      throw new Error('no editor took it');
    });
    const original = { plain: COPIED, html: `<p>${COPIED}</p>` };
    const { event } = paste(ce(), original);
    expect(event.defaultPrevented).toBe(true);
    expect(restore).toHaveBeenCalledWith(ce(), original, 'rich');
    expect(onError).toHaveBeenCalledOnce();
  });

  const attributed = `${COPIED}\n\nSource: ${URL_}`;

  it('gives a quiet field the copied selection without Linkback’s attribution', () => {
    for (const id of ['q', 'pw']) {
      const { event } = paste(document.getElementById(id)!, {
        plain: attributed,
        html: `<p>${COPIED}</p><p>Source: <a href="${URL_}">${URL_}</a></p>`,
      });
      expect(event.defaultPrevented, id).toBe(true);
    }
    expect(insertText.mock.calls.map(([, text]) => text)).toEqual([COPIED, COPIED]);
    expect(deliver).not.toHaveBeenCalled();
    expect(outcomes).toHaveLength(0);
  });

  it('never changes text that did not come through Linkback in a quiet field', () => {
    const other = 'https://caliber.az/en/post/another-story';
    const untouched = [
      // Bare article text: nothing of Linkback's to take away.
      paste(document.getElementById('q')!, { plain: COPIED }),
      // A line like Linkback's, but not the one it wrote for this copy.
      paste(document.getElementById('q')!, { plain: `${COPIED}\n\nSource: ${other}` }),
      // Unknown text that merely ends like an attribution.
      paste(document.getElementById('q')!, {
        plain: `Words nobody ever copied from any article here.\n\nSource: ${URL_}`,
      }),
    ];
    for (const { event } of untouched) expect(event.defaultPrevented).toBe(false);
    expect(insertText).not.toHaveBeenCalled();
  });

  it('adds a line break after an attribution pasted before existing text', () => {
    const area = ta() as HTMLTextAreaElement;
    area.value = 'Hello world';
    area.setSelectionRange(6, 6);
    const { event } = paste(area, { plain: attributed });
    expect(event.defaultPrevented).toBe(true);
    expect(deliver).toHaveBeenCalledWith(
      area,
      expect.objectContaining({ plain: `${attributed}\n`, html: '' }),
      'plain',
      expect.any(Function),
    );
    expect(outcomes).toMatchObject([{ added: false, delivery: 'paste' }]);
  });

  it('adds a space in a one-line field, and an empty block in a rich editor', () => {
    const line = document.getElementById('line') as HTMLInputElement;
    line.value = 'Hello world';
    line.setSelectionRange(0, 0);
    paste(line, { plain: attributed });
    expect(deliver.mock.calls[0]![1].plain).toBe(`${attributed} `);

    ce().innerHTML = '<p>Hello <b>world</b></p>';
    const text = ce().querySelector('p')!.firstChild!;
    document.getSelection()!.setBaseAndExtent(text, 6, text, 6);
    const html = `<p>${COPIED}</p><p data-linkback="attribution">Source: <a href="${URL_}">${URL_}</a></p>`;
    paste(ce(), { plain: attributed, html });
    expect(deliver.mock.calls[1]![1]).toMatchObject({
      plain: `${attributed}\n`,
      html: `${html}<p><br></p>`,
    });
  });

  it('leaves an attributed paste alone when nothing follows the caret', () => {
    const area = ta() as HTMLTextAreaElement;
    area.value = 'Hello world';
    area.setSelectionRange(11, 11);
    const atEnd = paste(area, { plain: attributed });
    area.setSelectionRange(5, 5); // before " world": a space already separates
    const beforeSpace = paste(area, { plain: attributed });
    for (const { event } of [atEnd, beforeSpace]) expect(event.defaultPrevented).toBe(false);
    expect(deliver).not.toHaveBeenCalled();
  });
});
