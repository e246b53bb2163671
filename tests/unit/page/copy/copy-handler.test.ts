/**
 * @vitest-environment-options { "url": "https://caliber.az/en/post/story" }
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCopyHandler, type CopyContext } from '../../../../utils/page/copy/copy-handler';
import { decideCopy } from '../../../../utils/page/copy/copy-policy';
import type { NewCopyRecord } from '../../../../utils/core/records/records';
import { DEFAULT_SETTINGS, type Settings } from '../../../../utils/core/records/settings';
import type { RequestedCopy } from '../../../../utils/platform/messaging';

const ARTICLE_URL = 'https://caliber.az/en/post/story';
const CONTEXT: CopyContext = {
  source: { url: ARTICLE_URL, title: 'The story', siteName: 'Caliber.az', language: 'en' },
  articleUrl: ARTICLE_URL,
  placement: 'end',
  publisherId: 'caliber',
};

function setUpPage() {
  document.body.innerHTML = `
    <input id="search" value="one two three four five six seven eight">
    <h1 id="headline">CNN: Trump sends unconventional negotiating team to Moscow for peace talks</h1>
    <article class="post_body">
      <p id="p1">Special Envoy Steve Witkoff and Jared Kushner are <b>scheduled to meet</b> Russian President.</p>
      <p id="p2" onclick="steal()" style="color:red">Read more in <a href="/en/category/world">world news</a> and <a href="javascript:alert(1)">this</a>.<script>evil()</script></p>
      <p id="p3">Short.</p>
      <pre id="code"><code>const answer = fetch(one, two, three, four, five, six, seven);</code></pre>
      <p id="p4">Already linked text goes on for several words here, see <a href="${ARTICLE_URL}">the story</a>.</p>
    </article>
    <footer id="footer">Any use of materials is allowed only if there is a hyperlink to Caliber.az</footer>`;
}

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number) {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

function selectElements(first: string, last = first) {
  const a = document.getElementById(first)!;
  const b = document.getElementById(last)!;
  select(a, 0, b, b.childNodes.length);
}

function copyEvent(target: EventTarget = document.body) {
  const event = new ClipboardEvent('copy', {
    clipboardData: new DataTransfer(),
    bubbles: true,
    cancelable: true,
  });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

function makeHandler(
  overrides: {
    settings?: Partial<Settings>;
    context?: CopyContext | null;
    interfaceLanguage?: string;
    /** What the user asked for (context menu, shortcut), and the context a request gets. */
    request?: RequestedCopy;
    requestedContext?: CopyContext;
  } = {},
) {
  let request = overrides.request ?? null;
  const records: NewCopyRecord[] = [];
  const onError = vi.fn();
  const handler = createCopyHandler({
    getContext: (requested) =>
      requested && overrides.requestedContext
        ? overrides.requestedContext
        : overrides.context === undefined
          ? CONTEXT
          : overrides.context,
    takeRequest: () => {
      const taken = request;
      request = null;
      return taken;
    },
    getSettings: () => ({ ...DEFAULT_SETTINGS, ...overrides.settings }),
    interfaceLanguage: () => overrides.interfaceLanguage ?? null,
    // DOMPurify misbehaves under happy-dom (it keeps <script>); the real one is exercised
    // in the end-to-end tests. This double strips what DOMPurify's config strips.
    sanitize: (html) => {
      const template = document.createElement('template');
      template.innerHTML = html
        .replace(/<script[\s\S]*?<\/script>/gi, '')
        .replace(/\s(?:on\w+|style|id|class)="[^"]*"/gi, '');
      return template.content;
    },
    onCopied: (record) => records.push(record),
    onError,
    now: () => 1_700_000_000_000,
  });
  return { handler, records, onError };
}

beforeEach(setUpPage);

describe('the copy handler', () => {
  it('adds the link to both flavours and keeps the selection formatting', () => {
    const { handler, records } = makeHandler();
    selectElements('p1', 'p2');
    const event = copyEvent();
    handler(event);

    expect(event.defaultPrevented).toBe(true);
    const plain = event.clipboardData!.getData('text/plain');
    expect(plain).toMatch(/^Special Envoy Steve Witkoff/);
    expect(plain.endsWith(`\n\nSource: ${ARTICLE_URL}`)).toBe(true);

    const html = event.clipboardData!.getData('text/html');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('b')?.textContent).toBe('scheduled to meet');
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://caliber.az/en/category/world', ARTICLE_URL]);
    expect(html).not.toMatch(/<script|onclick|style=|javascript:/i);
    expect(doc.body.textContent).toContain('and this.');

    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      articleUrl: ARTICLE_URL,
      title: 'The story',
      attributed: true,
      publisherId: 'caliber',
    });
    expect(records[0]!.text).toBe(plain.slice(0, records[0]!.textLength));
  });

  it('leaves a short selection to the browser', () => {
    const { handler, records } = makeHandler();
    const text = document.getElementById('p1')!.firstChild!;
    select(text, 0, text, 'Special Envoy'.length);
    const event = copyEvent();
    handler(event);
    expect(event.defaultPrevented).toBe(false);
    expect(event.clipboardData!.getData('text/plain')).toBe('');
    expect(records).toHaveLength(0);
  });

  it('respects the configured minimum and the copy mode', () => {
    selectElements('p3');
    const lenient = makeHandler({ settings: { minWords: 1 } });
    const event = copyEvent();
    lenient.handler(event);
    expect(event.defaultPrevented).toBe(true);

    selectElements('p1');
    const off = makeHandler({ settings: { attributeOnCopy: false } });
    const offEvent = copyEvent();
    off.handler(offEvent);
    expect(offEvent.defaultPrevented).toBe(false);
    // Still recorded, so that pasting it elsewhere can add the link then.
    expect(off.records).toMatchObject([{ attributed: false, articleUrl: ARTICLE_URL }]);
  });

  it('copies a headline, the footer or other text outside the article body clean', () => {
    const { handler } = makeHandler({ context: { ...CONTEXT, bodySelector: '.post_body' } });
    for (const id of ['headline', 'footer']) {
      selectElements(id);
      const event = copyEvent();
      handler(event);
      expect(event.defaultPrevented).toBe(false);
    }
    selectElements('headline', 'p1');
    const intoBody = copyEvent();
    handler(intoBody);
    expect(intoBody.defaultPrevented).toBe(true);
  });

  it('attributes any text when the page has no recognisable body (a redesigned site)', () => {
    const { handler } = makeHandler({ context: { ...CONTEXT, bodySelector: '.no-such-body' } });
    document.querySelector('article')!.outerHTML =
      `<div>${document.querySelector('article')!.innerHTML}</div>`;
    selectElements('p1');
    const event = copyEvent();
    handler(event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('does nothing inside form fields and code', () => {
    const { handler } = makeHandler();
    selectElements('p1');
    const fromField = copyEvent(document.getElementById('search')!);
    handler(fromField);
    expect(fromField.defaultPrevented).toBe(false);

    selectElements('code');
    const fromCode = copyEvent();
    handler(fromCode);
    expect(fromCode.defaultPrevented).toBe(false);

    selectElements('p3', 'code');
    const acrossCode = copyEvent();
    handler(acrossCode);
    expect(acrossCode.defaultPrevented).toBe(false);
  });

  it('does not add a second link to text that already carries it, but records the copy', () => {
    const { handler, records } = makeHandler();
    selectElements('p4');
    const event = copyEvent();
    handler(event);
    expect(event.defaultPrevented).toBe(false);
    expect(records[0]?.attributed).toBe(false);
  });

  it('is idempotent when the same text is copied twice', () => {
    const { handler } = makeHandler();
    selectElements('p1');
    const first = copyEvent();
    handler(first);
    const second = copyEvent();
    handler(second);
    expect(second.clipboardData!.getData('text/plain')).toBe(
      first.clipboardData!.getData('text/plain'),
    );
    expect(second.clipboardData!.getData('text/plain').match(/Source:/g)).toHaveLength(1);
  });

  it('does nothing off an article, or when the page already wrote the clipboard', () => {
    selectElements('p1');
    const offArticle = makeHandler({ context: null });
    const event = copyEvent();
    offArticle.handler(event);
    expect(event.defaultPrevented).toBe(false);

    const { handler, records } = makeHandler();
    const handled = copyEvent();
    handled.preventDefault();
    handled.clipboardData!.setData('text/plain', 'the page’s own text');
    handler(handled);
    expect(handled.clipboardData!.getData('text/plain')).toBe('the page’s own text');
    expect(records).toMatchObject([
      { attributed: false, text: document.getSelection()!.toString() },
    ]);
  });

  it('fails open: an error leaves the browser’s copy untouched and is reported', () => {
    selectElements('p1');
    const { handler, onError } = makeHandler({
      context: { ...CONTEXT, source: { ...CONTEXT.source, url: 'javascript:alert(1)' } },
    });
    const event = copyEvent();
    handler(event);
    expect(event.defaultPrevented).toBe(false);
    expect(event.clipboardData!.getData('text/plain')).toBe('');
    expect(onError).toHaveBeenCalledOnce();
  });
});

describe('the copy settings', () => {
  const copied = (overrides: Parameters<typeof makeHandler>[0]) => {
    const { handler, records } = makeHandler(overrides);
    selectElements('p1');
    const event = copyEvent();
    handler(event);
    return {
      plain: event.clipboardData!.getData('text/plain'),
      html: event.clipboardData!.getData('text/html'),
      records,
    };
  };

  it('puts the link first where the rule lets it go anywhere and the user prefers the start', () => {
    const anywhere = { ...CONTEXT, placement: 'any' as const };
    expect(copied({ context: anywhere }).plain).toMatch(/\n\nSource: \S+$/);
    const { plain, records } = copied({ context: anywhere, settings: { placement: 'start' } });
    expect(plain.startsWith(`Source: ${ARTICLE_URL}\n\n`)).toBe(true);
    expect(records[0]?.placement).toBe('start');
    // A rule that says where wins over the preference.
    expect(copied({ settings: { placement: 'start' } }).plain).toMatch(/\n\nSource: \S+$/);
  });

  it('writes the label in the browser’s language when asked, the article’s by default', () => {
    const ru = { ...CONTEXT, source: { ...CONTEXT.source, language: 'ru' } };
    expect(copied({ context: ru, interfaceLanguage: 'az' }).plain).toMatch(/Источник: \S+$/);
    const { plain, records } = copied({
      context: ru,
      interfaceLanguage: 'az',
      settings: { labelLanguage: 'interface' },
    });
    expect(plain).toMatch(/Mənbə: \S+$/);
    // The record keeps the article's language: a later paste repair labels it as the article.
    expect(records[0]?.language).toBe('ru');
  });

  it('links to the exact passage when asked, and files the copy under the plain address', () => {
    const { plain, html, records } = copied({ settings: { deepLink: true } });
    const link = `${ARTICLE_URL}#:~:text=Special%20Envoy%20Steve%20Witkoff,to%20meet%20Russian%20President.`;
    expect(plain.endsWith(`Source: ${link}`)).toBe(true);
    expect(html).toContain(`href="${link}"`);
    expect(records[0]?.articleUrl).toBe(ARTICLE_URL);
  });

  it('writes the user’s template, with the copy’s date, the user’s label and the placement', () => {
    const dated = {
      ...CONTEXT,
      placement: 'any' as const,
      source: { ...CONTEXT.source, authors: ['Ann Lee'], publishedAt: '2025-04-01T10:00:00+04:00' },
    };
    const template = {
      plain: '“{title}” by {author}, {site} ({published}; seen {accessed}): {url}',
      html: '{label} — {title}: {url}',
    };
    const { plain, html } = copied({ context: dated, settings: { template, placement: 'start' } });
    const day = new Date(1_700_000_000_000);
    const accessed = [day.getFullYear(), day.getMonth() + 1, day.getDate()]
      .map((part) => String(part).padStart(2, '0'))
      .join('-');
    expect(
      plain.startsWith(
        `“The story” by Ann Lee, Caliber.az (2025-04-01; seen ${accessed}): ${ARTICLE_URL}\n\nSpecial Envoy`,
      ),
    ).toBe(true);
    expect(
      html.startsWith(
        `<p data-linkback="attribution">Source — The story: <a href="${ARTICLE_URL}">${ARTICLE_URL}</a></p>`,
      ),
    ).toBe(true);

    const labelled = { ...CONTEXT, source: { ...CONTEXT.source, label: 'Via Caliber' } };
    expect(copied({ context: labelled, settings: { template } }).html).toContain(
      '>Via Caliber — The story: <a',
    );
  });
});

describe('decideCopy', () => {
  it('says why a copy is skipped', () => {
    document.getSelection()!.removeAllRanges();
    expect(decideCopy(document.getSelection(), null, 6)).toEqual({
      attribute: false,
      reason: 'empty',
    });
    selectElements('p3');
    expect(decideCopy(document.getSelection(), null, 6)).toEqual({
      attribute: false,
      reason: 'too-short',
    });
    selectElements('code');
    expect(decideCopy(document.getSelection(), null, 6)).toEqual({
      attribute: false,
      reason: 'in-code',
    });
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div id="ed" contenteditable="true">one two three four five six seven</div>',
    );
    selectElements('ed');
    expect(decideCopy(document.getSelection(), null, 6)).toEqual({
      attribute: false,
      reason: 'in-field',
    });
  });

  it('leaves copies inside any code container of the shared list clean', () => {
    // The list the paste side uses too (page/dom.ts): a code block is code for both.
    for (const [wrapper, id] of [
      ['<kbd id="k">one two three four five six seven</kbd>', 'k'],
      ['<samp id="s">one two three four five six seven</samp>', 's'],
      ['<div class="hljs-code-block"><p id="c">one two three four five six seven</p></div>', 'c'],
      ['<div data-language="js"><p id="l">one two three four five six seven</p></div>', 'l'],
      ['<div class="ace_editor"><p id="a">one two three four five six seven</p></div>', 'a'],
      ['<div class="monaco-editor"><p id="m">one two three four five six seven</p></div>', 'm'],
    ] as const) {
      document.body.insertAdjacentHTML('beforeend', wrapper);
      selectElements(id);
      expect(decideCopy(document.getSelection(), null, 6)).toEqual({
        attribute: false,
        reason: 'in-code',
      });
    }
  });
});

describe('a copy the user asked for (context menu, shortcut)', () => {
  const PAGE: CopyContext = {
    source: {
      url: 'https://plain.example/news/1',
      title: 'Council approves a lane',
      siteName: 'Plain Daily',
      authors: ['Tom Baker'],
      publishedAt: '2025-06-20T08:00:00+01:00',
      language: 'en',
    },
    articleUrl: 'https://plain.example/news/1',
    placement: 'any',
    publisherId: 'plain.example',
  };

  it('links a one-word selection on a page without a rule, with copy mode off, once', () => {
    const text = document.getElementById('p1')!.firstChild!;
    select(text, 0, text, 'Special'.length);
    const { handler, records } = makeHandler({
      request: 'attribution',
      context: null,
      requestedContext: PAGE,
      settings: { attributeOnCopy: false },
    });
    const asked = copyEvent();
    handler(asked);
    expect(asked.clipboardData!.getData('text/plain')).toBe(
      'Special\n\nSource: https://plain.example/news/1',
    );
    expect(records).toMatchObject([{ articleUrl: PAGE.articleUrl, attributed: true }]);
    // The next copy is an ordinary one: no rule here, so it is left to the browser.
    const next = copyEvent();
    handler(next);
    expect(next.defaultPrevented).toBe(false);
  });

  it('writes the page’s citation in the style asked, and records no copy', () => {
    const { handler, records } = makeHandler({ request: 'apa', requestedContext: PAGE });
    const event = copyEvent();
    handler(event);
    expect(event.defaultPrevented).toBe(true);
    expect(event.clipboardData!.getData('text/plain')).toBe(
      'Baker, T. (2025, June 20). Council approves a lane. Plain Daily. https://plain.example/news/1',
    );
    expect(records).toEqual([]);
  });
});
