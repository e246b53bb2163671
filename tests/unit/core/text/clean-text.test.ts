import { describe, expect, it } from 'vitest';
import {
  cleanAuthorNames,
  hasBylinePrefix,
  looksLikePersonName,
  cleanName,
  cleanText,
  decodeHtmlEntities,
  isGarbageText,
  looksLikeUrl,
  MAX_AUTHORS,
  splitAuthorList,
  stripBylinePrefix,
} from '../../../../utils/core/text/clean-text';

describe('decodeHtmlEntities', () => {
  it.each([
    ['Tom O&#8217;Neill', 'Tom O’Neill'],
    ['A &amp; B', 'A & B'],
    ['&lt;b&gt;', '<b>'],
    ['&#x41;&#X42;', 'AB'],
    ['&laquo;МИР&raquo;', '«МИР»'],
    ['&AMP;', '&'],
  ])('%s → %s', (input, expected) => {
    expect(decodeHtmlEntities(input)).toBe(expected);
  });

  it('decodes once, like a browser showing the text', () => {
    expect(decodeHtmlEntities('&amp;lt;')).toBe('&lt;');
  });

  it('leaves unknown entities and invalid code points alone', () => {
    expect(decodeHtmlEntities('&bogus; &#0; &#xD800; &#99999999;')).toBe(
      '&bogus; &#0; &#xD800; &#99999999;',
    );
  });
});

describe('cleanText', () => {
  it('trims, collapses whitespace and decodes entities', () => {
    expect(cleanText('  Port\n\t talks&nbsp;resume  ', 100)).toBe('Port talks resume');
  });

  it('removes tag-shaped text, including script contents', () => {
    expect(
      cleanText('<img src=x onerror=alert(1)>Markets <script>alert(1)</script>rally', 100),
    ).toBe('Markets rally');
  });

  it('removes zero-width and control characters', () => {
    expect(cleanText('Zero\u200bwidth\u0007 text\ufeff', 100)).toBe('Zerowidth text');
  });

  it('caps the length without splitting a surrogate pair', () => {
    expect(cleanText('a'.repeat(600), 500)).toHaveLength(500);
    const capped = cleanText(`${'a'.repeat(9)}😀😀`, 10);
    expect(capped).toBe('a'.repeat(9));
  });

  it('only scans a bounded prefix of a huge string', () => {
    const huge = `${'word '.repeat(400_000)}`;
    const text = cleanText(huge, 200);
    expect(text?.length).toBeLessThanOrEqual(200);
    expect(text?.startsWith('word word')).toBe(true);
  });

  it.each([
    [''],
    ['   '],
    ['null'],
    ['Undefined'],
    ['[object Object]'],
    ['?!?! ...'],
    ['— | —'],
    [null],
    [undefined],
    [{}],
    [['a']],
  ])('rejects %j', (value) => {
    expect(cleanText(value, 100)).toBeNull();
  });

  it('accepts numbers as text', () => {
    expect(cleanText(2025, 10)).toBe('2025');
  });
});

describe('isGarbageText', () => {
  it('keeps non-Latin letters and digits', () => {
    expect(isGarbageText('МИР')).toBe(false);
    expect(isGarbageText('DÜNYA')).toBe(false);
    expect(isGarbageText('7')).toBe(false);
  });
});

describe('names', () => {
  it.each([
    'https://example.com/authors/jane',
    '//example.com/jane',
    'www.example.com',
    'javascript:alert(1)',
    'example.com/jane',
    'jane@example.com',
  ])('rejects the link-like name %s', (value) => {
    expect(cleanName(value)).toBeNull();
  });

  it('keeps a site name with a dot', () => {
    expect(looksLikeUrl('Caliber.az')).toBe(false);
    expect(cleanName('Caliber.az')).toBe('Caliber.az');
  });

  it('strips byline prefixes in three languages', () => {
    expect(stripBylinePrefix('By Sabina Mammadli')).toBe('Sabina Mammadli');
    expect(stripBylinePrefix('Автор: Сабина Маммадли')).toBe('Сабина Маммадли');
    expect(stripBylinePrefix('Müəllif: Sabina Məmmədli')).toBe('Sabina Məmmədli');
    expect(stripBylinePrefix('Byron Smith')).toBe('Byron Smith');
  });

  it('splits author lists on commas and conjunctions in three languages', () => {
    expect(splitAuthorList('A B, C D and E F')).toEqual(['A B', 'C D', 'E F']);
    expect(splitAuthorList('Иван Петров и Анна Смирнова')).toEqual([
      'Иван Петров',
      'Анна Смирнова',
    ]);
    expect(splitAuthorList('Əli Həsənov və Leyla Quliyeva')).toEqual([
      'Əli Həsənov',
      'Leyla Quliyeva',
    ]);
    // "Anderson" contains "and" but is not the word "and".
    expect(splitAuthorList('Pamela Anderson')).toEqual(['Pamela Anderson']);
  });

  it('cleans, de-duplicates and caps author lists', () => {
    expect(
      cleanAuthorNames(['By Jane Doe and John Roe', 'jane doe', 'null', 42, 'https://x.example/a']),
    ).toEqual(['Jane Doe', 'John Roe']);
    // Letters, not digits: a part with digits is a date or a time, never a name.
    const many = Array.from({ length: 25 }, (_, i) => `Author ${String.fromCharCode(65 + i)}`);
    expect(cleanAuthorNames(many)).toHaveLength(MAX_AUTHORS);
    expect(cleanAuthorNames([`${'Long'.repeat(100)} Name`])[0]?.length).toBeLessThanOrEqual(200);
  });
});

describe('bylines as pages write them', () => {
  it.each([
    ['By Maria Lopez and David Chen, Staff Writers', ['Maria Lopez', 'David Chen']],
    ['Tom Harris, Senior Health Correspondent', ['Tom Harris']],
    ['By Tom Harris tharris@lakeshore.example · April 2, 2025', ['Tom Harris']],
    ['Written by Emily Carter | August 21, 2025', ['Emily Carter']],
    ['Андрій Шевчук, 6 червня 2025, 18:30', ['Андрій Шевчук']],
    ['Анна Смирнова и Олег Козлов', ['Анна Смирнова', 'Олег Козлов']],
    ['Von Klaus Müller und Petra Schmidt', ['Klaus Müller', 'Petra Schmidt']],
    ['Par Claire Dubois et Luc Martin', ['Claire Dubois', 'Luc Martin']],
    ['Автор: Олена Коваленко', ['Олена Коваленко']],
    ['Авторлар: Айгүл Серікқызы және Ерлан Ахметов', ['Айгүл Серікқызы', 'Ерлан Ахметов']],
    ['Müəllif: Leyla Əliyeva, müxbir', ['Leyla Əliyeva']],
    ['Иван Петров, корреспондент', ['Иван Петров']],
    ['By Ann Lee, Ben Ortiz and Cara Singh', ['Ann Lee', 'Ben Ortiz', 'Cara Singh']],
  ])('%s', (byline, names) => {
    expect(cleanAuthorNames([byline])).toEqual(names);
  });

  it('knows a byline line by its opening word, not by a name that starts the same', () => {
    expect(hasBylinePrefix('By Sarah O’Connor')).toBe(true);
    expect(hasBylinePrefix('Автор: Иван Петров')).toBe(true);
    expect(hasBylinePrefix('Byron Smith')).toBe(false);
    expect(hasBylinePrefix('Авторитет правительства')).toBe(false);
  });

  it.each([
    ['Jane Doe', true],
    ["Sarah O'Connor", true],
    ['Claire de Vries', true],
    ['Иван Петров', true],
    ['Tural İsmayılov', true],
    ['the end of the year', false],
    ['popular demand', false],
    ['Maya', false],
    ['Politics Economy Sport World News Culture', false],
    ['Route 66', false],
  ])('looksLikePersonName(%s) is %s', (name, expected) => {
    expect(looksLikePersonName(name)).toBe(expected);
  });
});
