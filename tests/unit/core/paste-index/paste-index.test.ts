import { describe, expect, it, vi } from 'vitest';
import {
  addCopyToIndex,
  addToIndex,
  MAX_READ_SOURCES,
} from '../../../../utils/core/paste-index/build';
import { createPasteIndex } from '../../../../utils/core/paste-index/match';
import {
  decodePairs,
  EMPTY_PASTE_INDEX,
  encodePairs,
  type PasteIndexSnapshot,
  type PasteSource,
} from '../../../../utils/core/paste-index/snapshot';

const SOURCE: Omit<PasteSource, 'lastCopiedAt'> = {
  url: 'https://caliber.az/en/post/story',
  language: 'en',
  placement: 'end',
  hosts: ['caliber.az', 'www.caliber.az'],
};

const COPIED =
  'Special Envoy Steve Witkoff, a former Trump business associate, and Jared Kushner, the president’s son-in-law, are scheduled to meet Russian President Vladimir Putin on December 2. Neither man has been confirmed by the US Senate, yet both have emerged as central figures in Trump’s unconventional diplomatic strategy.';

const OTHER =
  'The festival opened on Friday with a concert in the old harbour, and organisers expect more than forty thousand visitors over the long weekend, the city council said in a statement.';

function indexOf(...copies: [Omit<PasteSource, 'lastCopiedAt'>, string][]): PasteIndexSnapshot {
  return copies.reduce<PasteIndexSnapshot>(
    (snapshot, [source, text], i) => addCopyToIndex(snapshot, source, text, 1000 + i),
    EMPTY_PASTE_INDEX,
  );
}

describe('the paste index', () => {
  const index = createPasteIndex(
    indexOf([SOURCE, COPIED], [{ ...SOURCE, url: 'https://caliber.az/en/post/other' }, OTHER]),
  );

  it('recognises the copied text exactly', () => {
    expect(index.match(COPIED)).toMatchObject({ source: { url: SOURCE.url }, exact: true });
    expect(index.match(OTHER)?.source.url).toBe('https://caliber.az/en/post/other');
  });

  it('recognises it through whitespace, line breaks, quotes, dashes and case', () => {
    const edited = COPIED.replace(/’/g, "'")
      .replace(/, /g, ' — ')
      .replace(/\. /g, '.\n\n')
      .toUpperCase();
    expect(index.match(edited)?.source.url).toBe(SOURCE.url);
  });

  it('recognises a part of the copy, with other text around it', () => {
    const part = COPIED.split(' ').slice(8, 30).join(' ');
    expect(index.match(part)?.source.url).toBe(SOURCE.url);
    expect(index.match(`My own intro sentence here. ${part} And my own ending.`)?.source.url).toBe(
      SOURCE.url,
    );
  });

  it('does not match unrelated text, or a long text sharing one stock phrase', () => {
    expect(
      index.match('A completely different article about football results and the weather.'),
    ).toBeNull();
    const stock = `${'Weather and sport notes of no consequence fill this long paragraph today. '.repeat(4)} are scheduled to meet Russian President ${'More unrelated words follow in this long text. '.repeat(4)}`;
    expect(index.match(stock)).toBeNull();
  });

  it('needs an exact copy for a short paste: one stock phrase is not enough', () => {
    // 10 words of the copy, not the whole copy: too short to hold a guaranteed run.
    const part = COPIED.split(' ').slice(8, 18).join(' ');
    expect(index.match(part)).toBeNull();
    const short = 'Witkoff and Kushner will meet Putin on Tuesday in Moscow.';
    const shortIndex = createPasteIndex(addCopyToIndex(EMPTY_PASTE_INDEX, SOURCE, short, 1));
    expect(shortIndex.match(short.toLowerCase())).toMatchObject({ exact: true });
    expect(shortIndex.match('Witkoff and Kushner will meet Putin on Friday in Paris.')).toBeNull();
  });

  it('is empty before any copy and survives an empty paste', () => {
    const empty = createPasteIndex(EMPTY_PASTE_INDEX);
    expect(empty.match(COPIED)).toBeNull();
    expect(index.match('')).toBeNull();
    expect(index.match('   \n ')).toBeNull();
  });

  it('keeps one source per article and refreshes its recency', () => {
    const snapshot = indexOf([SOURCE, COPIED], [SOURCE, COPIED.slice(0, 120)]);
    expect(snapshot.sources).toHaveLength(1);
    expect(snapshot.sources[0]!.lastCopiedAt).toBe(1001);
  });

  it('evicts the least recently copied articles beyond its bound', () => {
    const words = (seed: number, n: number) =>
      Array.from({ length: n }, (_, i) => `w${seed}x${i}`).join(' ');
    const bound = 300;
    let snapshot = EMPTY_PASTE_INDEX;
    for (let a = 0; a < 12; a++) {
      const source = { ...SOURCE, url: `https://caliber.az/post/${a}` };
      snapshot = addCopyToIndex(snapshot, source, words(a, 400), a, bound);
    }
    const entries =
      (decodePairs(snapshot.shingles).length + decodePairs(snapshot.exact).length) / 2;
    expect(entries).toBeLessThanOrEqual(bound);
    expect(entries).toBeGreaterThan(bound / 2);
    const urls = snapshot.sources.map((s) => s.url);
    expect(urls).not.toContain('https://caliber.az/post/0');
    expect(urls).toContain('https://caliber.az/post/11');
    const index = createPasteIndex(snapshot);
    expect(index.match(words(11, 40))?.source.url).toBe('https://caliber.az/post/11');
    expect(index.match(words(0, 40))).toBeNull();
  });

  it('round-trips its pairs through base64', () => {
    const pairs = Uint32Array.of(0, 1, 0xffffffff, 2, 123456789, 65535);
    expect(Array.from(decodePairs(encodePairs(pairs)))).toEqual(Array.from(pairs));
    expect(decodePairs('')).toHaveLength(0);
  });

  it('decodes alike with the platform’s base64 decoder (the browsers’), a stray tail left out', async () => {
    const pairs = Uint32Array.of(7, 0, 0xfffffffe, 3, 99, 1);
    const encoded = encodePairs(pairs);
    const withTail = btoa(atob(encoded) + 'abc');
    vi.resetModules();
    const fromBase64 = vi.fn((text: string) => new Uint8Array(Buffer.from(text, 'base64')));
    Object.defineProperty(Uint8Array, 'fromBase64', { value: fromBase64, configurable: true });
    try {
      const fresh = await import('../../../../utils/core/paste-index/snapshot');
      expect(Array.from(fresh.decodePairs(encoded))).toEqual(Array.from(pairs));
      expect(Array.from(fresh.decodePairs(withTail))).toEqual(Array.from(pairs));
      expect(fromBase64).toHaveBeenCalledTimes(2);
    } finally {
      delete (Uint8Array as { fromBase64?: unknown }).fromBase64;
    }
    expect(Array.from(decodePairs(withTail))).toEqual(Array.from(pairs));
  });
});

describe('the same text under two addresses', () => {
  it('comes from the article copied most recently', () => {
    const http = { ...SOURCE, url: 'http://caliber.az/en/post/story' };
    const older = addCopyToIndex(EMPTY_PASTE_INDEX, SOURCE, COPIED, 10);
    const both = addCopyToIndex(older, http, COPIED, 20);
    expect(createPasteIndex(both).match(COPIED)?.source.url).toBe(http.url);
    const part = COPIED.split(' ').slice(5, 30).join(' ');
    expect(createPasteIndex(both).match(part)?.source.url).toBe(http.url);
    const again = addCopyToIndex(both, SOURCE, COPIED, 30);
    expect(createPasteIndex(again).match(COPIED)?.source.url).toBe(SOURCE.url);
  });
});

describe('articles only read', () => {
  const words = (seed: number, n: number) =>
    Array.from({ length: n }, (_, i) => `w${seed}x${i}`).join(' ');
  const BODY = `${words(1, 300)} ${COPIED} ${words(2, 300)}`;

  it('are matched when their text reaches the clipboard some other way', () => {
    const index = createPasteIndex(addToIndex(EMPTY_PASTE_INDEX, SOURCE, BODY, 5, 'read'));
    const match = index.match(`From a mirror site: ${COPIED} (shared by a friend)`);
    expect(match).toMatchObject({ source: { url: SOURCE.url, readOnly: true }, exact: false });
    expect(index.match(words(1, 60))?.source.url).toBe(SOURCE.url);
  });

  it('need two shared shingles even for a short paste, where a copy needs one', () => {
    // 20 words: the article's first 16 (which share one fingerprint with it), then the user's.
    const paste = `${COPIED.split(' ').slice(0, 16).join(' ')} and my own four words`;
    const copied = createPasteIndex(addCopyToIndex(EMPTY_PASTE_INDEX, SOURCE, COPIED, 5));
    expect(copied.match(paste)).toMatchObject({ source: { url: SOURCE.url }, sharedShingles: 1 });
    const read = createPasteIndex(addToIndex(EMPTY_PASTE_INDEX, SOURCE, COPIED, 5, 'read'));
    expect(read.match(paste)).toBeNull();
  });

  it('are not taken for the source of a long text of ones own that shares a few phrases', () => {
    // 400 words of one's own and four 12-word runs of the article: 4 shared shingles.
    const runs = [0, 12, 24, 36].map((at) =>
      COPIED.split(' ')
        .slice(at, at + 12)
        .join(' '),
    );
    const own = runs.map((run, i) => `${words(20 + i, 100)} ${run}`).join(' ');
    const read = createPasteIndex(addToIndex(EMPTY_PASTE_INDEX, SOURCE, BODY, 5, 'read'));
    expect(read.match(own)).toBeNull();
    // Had the user copied from the article, that would be enough.
    const copied = createPasteIndex(addToIndex(EMPTY_PASTE_INDEX, SOURCE, BODY, 5, 'copy'));
    expect(copied.match(own)).toMatchObject({ source: { url: SOURCE.url }, sharedShingles: 4 });
  });

  it('do not hide a copied article that shares enough, by sharing more but not enough', () => {
    const paste = words(9, 100);
    const copiedFrom = { ...SOURCE, url: 'https://caliber.az/post/copied' };
    const readOnly = { ...SOURCE, url: 'https://caliber.az/post/read' };
    let snapshot = addToIndex(EMPTY_PASTE_INDEX, copiedFrom, words(9, 18), 1, 'copy');
    snapshot = addToIndex(snapshot, readOnly, words(9, 20), 2, 'read');
    // The copy shares 2 of the paste's shingles (enough); the read article 3 (4 needed).
    expect(createPasteIndex(snapshot).match(paste)).toMatchObject({
      source: { url: copiedFrom.url },
      sharedShingles: 2,
    });
  });

  it('keep their body apart from what was copied: the copy rules hold for the copy only', () => {
    const read = addToIndex(EMPTY_PASTE_INDEX, SOURCE, BODY, 5, 'read');
    const copied = addToIndex(read, SOURCE, COPIED, 6, 'copy');
    expect(copied.sources).toEqual([
      { ...SOURCE, lastCopiedAt: 5, readOnly: true },
      { ...SOURCE, lastCopiedAt: 6 },
    ]);
    const index = createPasteIndex(copied);
    expect(index.match(COPIED)).toMatchObject({ source: { lastCopiedAt: 6 }, exact: true });
    expect(index.match(COPIED)?.source.readOnly).toBeUndefined();
    // Own text with runs of the body's filler (not of the copy): the read rules apply.
    const runs = [0, 50, 100, 150].map((at) =>
      words(1, 300)
        .split(' ')
        .slice(at, at + 12)
        .join(' '),
    );
    const own = runs.map((run, i) => `${words(20 + i, 100)} ${run}`).join(' ');
    expect(index.match(own)).toBeNull();
  });

  it('lose to a copy of the same story under another address', () => {
    const other = { ...SOURCE, url: 'https://caliber.az/en/post/story-again' };
    let snapshot = addToIndex(EMPTY_PASTE_INDEX, SOURCE, BODY, 1, 'read');
    snapshot = addToIndex(snapshot, SOURCE, COPIED, 2, 'copy');
    snapshot = addToIndex(snapshot, other, BODY, 3, 'read');
    const part = COPIED.split(' ').slice(3, 40).join(' ');
    expect(createPasteIndex(snapshot).match(part)?.source).toEqual({ ...SOURCE, lastCopiedAt: 2 });
  });

  it('read under two addresses are named by the one the user copied from', () => {
    const other = { ...SOURCE, url: 'https://caliber.az/en/post/story-again' };
    let snapshot = addToIndex(EMPTY_PASTE_INDEX, SOURCE, BODY, 1, 'read');
    snapshot = addToIndex(snapshot, SOURCE, COPIED, 2, 'copy');
    snapshot = addToIndex(snapshot, other, BODY, 3, 'read');
    // Text of the body that was never copied: both reads share it alike.
    expect(createPasteIndex(snapshot).match(words(2, 80))?.source).toEqual({
      ...SOURCE,
      lastCopiedAt: 1,
      readOnly: true,
    });
  });

  it('are not added when their body gives no fingerprint, and are bounded in number', () => {
    expect(addToIndex(EMPTY_PASTE_INDEX, SOURCE, 'Watch the video', 5, 'read')).toBe(
      EMPTY_PASTE_INDEX,
    );
    let snapshot = EMPTY_PASTE_INDEX;
    for (let a = 0; a <= MAX_READ_SOURCES; a++) {
      const source = { ...SOURCE, url: `https://caliber.az/post/${a}` };
      snapshot = addToIndex(snapshot, source, words(a, 6), a, 'read');
    }
    expect(snapshot.sources).toHaveLength(MAX_READ_SOURCES);
    expect(snapshot.sources.map((s) => s.url)).not.toContain('https://caliber.az/post/0');
  });

  it('leave a full index before copied articles, however recent', () => {
    const bound = 300;
    let snapshot = addCopyToIndex(EMPTY_PASTE_INDEX, SOURCE, words(0, 400), 1, bound);
    for (let a = 1; a <= 6; a++) {
      const source = { ...SOURCE, url: `https://caliber.az/post/${a}` };
      snapshot = addToIndex(snapshot, source, words(a, 400), 100 + a, 'read', bound);
    }
    const urls = snapshot.sources.map((s) => s.url);
    expect(urls).toContain(SOURCE.url);
    expect(urls).toContain('https://caliber.az/post/6');
    expect(urls).not.toContain('https://caliber.az/post/1');
    expect(createPasteIndex(snapshot).match(words(0, 40))?.source.url).toBe(SOURCE.url);
  });
});
