import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fingerprintText,
  guaranteedMatchWords,
  hashShingles,
  hashWords,
  locateWords,
  winnow,
} from '../../../../utils/core/fingerprint/fingerprint';
import { foldText } from '../../../../utils/core/fingerprint/fold';

/** The plain definition the fast path must agree with: FNV-1a of each folded word. */
function referenceWordHashes(text: string): number[] {
  const folded = foldText(text);
  if (!folded) return [];
  return folded.split(' ').map((word) => {
    let hash = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
    return hash >>> 0;
  });
}

/** Winnowing by its definition: the rightmost minimum of every window, each position once. */
function referenceWinnow(values: ArrayLike<number>, w: number): number[] {
  const picked: number[] = [];
  const windows = Math.max(values.length - w + 1, 1);
  for (let start = 0; start < windows && values.length; start++) {
    let min = start;
    for (let j = start; j < Math.min(start + w, values.length); j++) {
      if (values[j]! <= values[min]!) min = j;
    }
    if (picked[picked.length - 1] !== min) picked.push(min);
  }
  return picked;
}

/** Code units that exercise every rule: letters in three scripts, separators, vanishing units. */
const unit = fc.constantFrom(
  ...Array.from('aBéёЖəİı7ﬁＦ'), // letters and digits, folded
  ...Array.from(' \n\u00a0,«’—-.'), // separators
  ...['\u00ad', '\u200b', '\u0301', '\ufeff'], // units that vanish inside a word
  ...['\ud83d', '\ude00'], // surrogate halves, kept as they are
);

const PARAGRAPH =
  'Special Envoy Steve Witkoff, a former Trump business associate, and Jared Kushner, the president’s son-in-law, are scheduled to meet Russian President Vladimir Putin on December 2.';

describe('foldText', () => {
  it('folds case, quotes, dashes, spacing and compatibility forms', () => {
    expect(foldText('«Трамп» — ЁЛКА,\u00a0“quotes”  Ｆｕｌｌ')).toBe('трамп елка quotes full');
    expect(foldText('Azərbaycan İstinad IŞIQ')).toBe('azərbaycan istinad isiq');
    expect(foldText('soft\u00adhyphen zero\u200bwidth café cafe\u0301')).toBe(
      'softhyphen zerowidth cafe cafe',
    );
  });
});

describe('hashWords', () => {
  it('finds each word, and locateWords where it stands', () => {
    const text = '  «Hello», world—again ';
    expect(hashWords(text).count).toBe(3);
    const words = locateWords(text);
    const spans = Array.from({ length: words.count }, (_, i) =>
      text.slice(words.starts[i], words.ends[i]),
    );
    expect(spans).toEqual(['Hello', 'world', 'again']);
  });

  it('hashes the same word alike whatever its case or accents', () => {
    const a = hashWords('Witkoff ЁЛКА');
    const b = hashWords('witkoff елка');
    expect(Array.from(a.hashes.subarray(0, 2))).toEqual(Array.from(b.hashes.subarray(0, 2)));
  });

  it('grows past its first estimate on texts of very short words', () => {
    const text = 'a '.repeat(5000) + 'b';
    const words = hashWords(text);
    expect(words.count).toBe(5001);
    expect(Array.from(words.hashes.subarray(0, words.count))).toEqual(referenceWordHashes(text));
  });

  it('agrees with the plain definition on any text, across chunk boundaries', () => {
    const snippet = fc.array(unit, { maxLength: 60 }).map((units) => units.join(''));
    const texts = fc.oneof(
      snippet,
      // Words running up to a chunk boundary (4,096 units), then the snippet across it.
      fc
        .tuple(fc.integer({ min: 4056, max: 4096 }), snippet)
        .map(([at, tail]) => `${'ab '.repeat(at / 3)}${'c'.repeat(at % 3)}${tail}`),
      // Three chunks or so, vanishing units anywhere: the fast path, the one-unit path after
      // a chunk with one, and back.
      fc
        .array(fc.oneof(fc.constant('ab '), fc.constant('cde '), unit), {
          minLength: 2600,
          maxLength: 3600,
        })
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const words = hashWords(text);
        expect(Array.from(words.hashes.subarray(0, words.count))).toEqual(
          referenceWordHashes(text),
        );
        const located = locateWords(text);
        expect(located.count).toBe(words.count);
        const spans = Array.from({ length: located.count }, (_, i) =>
          foldText(text.slice(located.starts[i], located.ends[i])),
        );
        expect(spans.join(' ')).toBe(foldText(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a word whole when the next chunk opens with a unit that vanishes', () => {
    const text = `${' '.repeat(4095)}a\u200b b`; // "a" ends the first 4,096-unit chunk
    const words = hashWords(text);
    expect(Array.from(words.hashes.subarray(0, words.count))).toEqual(referenceWordHashes(text));
  });

  it('keeps the hashes that stored indexes hold', () => {
    // Fingerprints persist (IndexedDB, the paste index): a change here must come with a migration.
    expect(Array.from(hashWords('Witkoff ЁЛКА soft\u00adhyphen').hashes.subarray(0, 3))).toEqual([
      1089504821, 2400537459, 1707467313,
    ]);
    const fingerprints = fingerprintText(PARAGRAPH);
    expect(Array.from(fingerprints.hashes)).toEqual([947395921, 776604710, 948571197, 334846984]);
    expect(Array.from(fingerprints.wordIndex)).toEqual([7, 8, 14, 20]);
  });
});

describe('fingerprints', () => {
  it('are the same for text that differs only in quotes, dashes, case and spacing', () => {
    const edited = PARAGRAPH.replace(/’/g, "'")
      .replace(/,/g, ' ,')
      .toUpperCase()
      .replace(/ /g, '\n');
    expect(Array.from(fingerprintText(edited).hashes)).toEqual(
      Array.from(fingerprintText(PARAGRAPH).hashes),
    );
  });

  it('always share one fingerprint when texts share the guaranteed run of words', () => {
    const words = PARAGRAPH.split(' ');
    const run = words.slice(3, 3 + guaranteedMatchWords()).join(' ');
    const host = `Completely unrelated opening words about weather in Baku. ${run} And an unrelated closing sentence follows here.`;
    const article = new Set(fingerprintText(PARAGRAPH).hashes);
    expect(Array.from(fingerprintText(host).hashes).some((hash) => article.has(hash))).toBe(true);
  });

  it('winnow picks the minimum of every window, each position once', () => {
    const shingles = Uint32Array.of(
      77,
      74,
      42,
      17,
      98,
      50,
      17,
      98,
      8,
      88,
      67,
      39,
      77,
      74,
      42,
      17,
      98,
    );
    // Schleimer et al.'s worked example, window 4: 17 17 8 39 17
    const picked = winnow(shingles, 4);
    expect(Array.from(picked, (i) => shingles[i])).toEqual([17, 17, 8, 39, 17]);
  });

  it('winnow agrees with its definition, ties included', () => {
    const values = fc.array(fc.constantFrom(0, 1, 2, 3, 0x7fffffff, 0x80000000, 0xffffffff), {
      maxLength: 200,
    });
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 12 }), (list, w) => {
        const shingles = Uint32Array.from(list);
        expect(Array.from(winnow(shingles, w))).toEqual(referenceWinnow(shingles, w));
      }),
      { numRuns: 1000 },
    );
  });

  it('copes with texts shorter than a shingle or a window', () => {
    expect(fingerprintText('').hashes).toHaveLength(0);
    expect(fingerprintText('three short words').hashes).toHaveLength(0);
    expect(fingerprintText('one two three four five six').hashes).toHaveLength(1);
    expect(hashShingles(hashWords('one two three four five six'), 5)).toHaveLength(2);
  });
});
