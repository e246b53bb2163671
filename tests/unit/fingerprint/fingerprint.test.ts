import { describe, expect, it } from 'vitest';
import {
  fingerprintText,
  guaranteedMatchWords,
  hashShingles,
  hashWords,
  winnow,
} from '../../../utils/fingerprint/fingerprint';
import { foldText } from '../../../utils/fingerprint/fold';

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
  it('finds each word and where it stands', () => {
    const text = '  «Hello», world—again ';
    const words = hashWords(text);
    expect(words.count).toBe(3);
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
    const text = 'a '.repeat(5000);
    expect(hashWords(text).count).toBe(5000);
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

  it('copes with texts shorter than a shingle or a window', () => {
    expect(fingerprintText('').hashes).toHaveLength(0);
    expect(fingerprintText('three short words').hashes).toHaveLength(0);
    expect(fingerprintText('one two three four five six').hashes).toHaveLength(1);
    expect(hashShingles(hashWords('one two three four five six'), 5)).toHaveLength(2);
  });
});
