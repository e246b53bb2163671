/**
 * Property: whatever the clipboard holds and wherever the caret is, what lands in the field
 * is the user's text, whole and in order, plus at most one attribution (and its separator);
 * in a quiet field, a copy Linkback attributed arrives without it. The handler runs as on a
 * page, with a textarea, an input or a search box whose value shows what landed: the
 * browser's own paste when Linkback lets it through, Linkback's payload when it delivers.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClipboardPayload } from '../../../../utils/core/attribution/format';
import { createPasteHandler, type DeliverPaste } from '../../../../utils/page/paste/paste-handler';
import { addCopyToIndex } from '../../../../utils/core/paste-index/build';
import { createPasteIndex, type PasteIndex } from '../../../../utils/core/paste-index/match';
import { EMPTY_PASTE_INDEX } from '../../../../utils/core/paste-index/snapshot';
import { DEFAULT_SETTINGS } from '../../../../utils/core/records/settings';

const SOURCES = [
  { url: 'https://caliber.az/en/post/story-one', language: 'en' },
  { url: 'https://caliber.az/post/istoriya-dva', language: 'ru' },
  { url: 'https://caliber.az/az/post/hekaye-uc', language: 'az' },
];
const LABELS: Record<string, string> = { en: 'Source', ru: 'Источник', az: 'Mənbə' };

const COPIES = [
  'Special Envoy Steve Witkoff and Jared Kushner are scheduled to meet Russian President Vladimir Putin on December 2 in Moscow.',
  'Спецпосланник Стив Уиткофф и Джаред Кушнер должны встретиться с президентом России Владимиром Путиным 2 декабря в Москве.',
  'Xüsusi elçi Stiv Uitkoff və Cared Kuşner dekabrın 2-də Moskvada Rusiya Prezidenti Vladimir Putinlə görüşməlidirlər.',
];

let index: PasteIndex;
beforeAll(() => {
  let snapshot = EMPTY_PASTE_INDEX;
  COPIES.forEach((text, i) => {
    const source = { ...SOURCES[i]!, placement: 'end' as const, hosts: ['caliber.az'] };
    snapshot = addCopyToIndex(snapshot, source, text, 1_000 + i);
  });
  index = createPasteIndex(snapshot);
});

/** Variants a clipboard really carries: other line ends, spaces, invisible characters. */
const noise = fc.constantFrom(
  (t: string) => t,
  (t: string) => t.replace(/ /g, '\u00a0'),
  (t: string) => t.replace(/\n/g, '\r\n'),
  (t: string) => `${t}\n`,
  (t: string) => t.replace(/ /g, ' \u200b'),
  (t: string) => `🙂 ${t} 🙂`,
);

const clipboard = fc
  .record({
    base: fc.oneof(
      fc.integer({ min: 0, max: COPIES.length - 1 }).map((i) => ({ i, text: COPIES[i]! })),
      fc.string({ unit: 'grapheme', maxLength: 200 }).map((text) => ({ i: -1, text })),
    ),
    attributed: fc.boolean(),
    noise,
    html: fc.boolean(),
  })
  .map(({ base, attributed, noise: vary, html }): ClipboardPayload => {
    let plain = vary(base.text);
    if (attributed && base.i >= 0) {
      const source = SOURCES[base.i]!;
      plain = `${plain.replace(/\s+$/, '')}\n\n${LABELS[source.language]}: ${source.url}`;
    }
    return { plain, html: html ? `<p>${plain.replace(/</g, '&lt;')}</p>` : '' };
  });

const field = fc.record({
  tag: fc.constantFrom('textarea', 'input', 'search'),
  before: fc.string({ maxLength: 30 }),
  after: fc.string({ maxLength: 30 }),
});

const ATTRIBUTION = /(?:Source|Источник|Mənbə): https?:\/\/\S+/g;

describe('no paste loses or reorders the user’s text', () => {
  // 10,000 runs take a few seconds, more on a loaded machine: a generous limit, not a timing.
  it('holds for 10,000 random clipboards, fields and carets', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(clipboard, field, (copied, { tag, before, after }) => {
        document.body.innerHTML =
          tag === 'textarea'
            ? '<textarea></textarea>'
            : `<input type="${tag === 'input' ? 'text' : 'search'}">`;
        const el = document.body.firstElementChild as HTMLInputElement;
        el.value = before + after;
        el.setSelectionRange(before.length, before.length);
        let landed: string | null = null;
        const deliver: DeliverPaste = (_target, payload, _kind, cancel) => {
          cancel?.();
          landed = payload.plain;
          return 'native';
        };
        const handler = createPasteHandler({
          getIndex: () => index,
          getSettings: () => DEFAULT_SETTINGS,
          pageHost: () => 'cms.example',
          deliver,
          insertText: (_target, text) => (landed = text),
          restoreOriginal: (_target, original) => (landed = original.plain),
          onPasted: () => undefined,
        });
        const data = new DataTransfer();
        data.setData('text/plain', copied.plain);
        if (copied.html) data.setData('text/html', copied.html);
        const event = new ClipboardEvent('paste', { clipboardData: data, cancelable: true });
        Object.defineProperty(event, 'isTrusted', { value: true });
        Object.defineProperty(event, 'composedPath', { value: () => [el] });
        handler(event);
        // Not cancelled: the browser pastes the clipboard as it is.
        const result = event.defaultPrevented ? landed : copied.plain;
        expect(result).not.toBeNull();
        const text = result as unknown as string;
        const userLines = copied.plain.match(ATTRIBUTION) ?? [];
        const lines = text.match(ATTRIBUTION) ?? [];
        // At most one attribution more than the user's own text had; a quiet field may get one less.
        expect(lines.length).toBeLessThanOrEqual(userLines.length + 1);
        if (tag === 'search') expect(lines.length).toBeLessThanOrEqual(userLines.length);
        // Without the attributions, the user's words are all there, in order.
        const words = (t: string) => t.replace(ATTRIBUTION, ' ').split(/\s+/).filter(Boolean);
        expect(words(text)).toEqual(words(copied.plain));
      }),
      { numRuns: 10_000 },
    );
  });
});
