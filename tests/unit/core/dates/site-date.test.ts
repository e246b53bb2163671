import { describe, expect, it } from 'vitest';
import {
  AZERBAIJANI_MONTHS,
  ENGLISH_MONTHS,
  foldMonthName,
  monthNumber,
  RUSSIAN_MONTHS,
} from '../../../../utils/core/dates/months';
import { parseSiteLocalDate } from '../../../../utils/core/dates/site-date';

const BAKU = '+04:00';

describe('parseSiteLocalDate: English', () => {
  it.each([
    ['02 December 2025 09:19', '2025-12-02T09:19:00+04:00'],
    ['2 december 2025 9:05', '2025-12-02T09:05:00+04:00'],
    ['02 DECEMBER 2025, 09:19', '2025-12-02T09:19:00+04:00'],
    ['02 Dec 2025 09:19:42', '2025-12-02T09:19:42+04:00'],
    ['29 Feb 2024 23:59', '2024-02-29T23:59:00+04:00'],
    ['02 December 2025', '2025-12-02'],
    ['  02   December\n2025   09:19 ', '2025-12-02T09:19:00+04:00'],
  ])('%s → %s', (text, expected) => {
    expect(parseSiteLocalDate(text, BAKU)).toBe(expected);
  });
});

describe('parseSiteLocalDate: Russian', () => {
  it.each([
    ['25 Июня 2026 17:24', '2026-06-25T17:24:00+04:00'],
    ['25 июня 2026 17:24', '2026-06-25T17:24:00+04:00'],
    ['25 ИЮНЯ 2026 17:24', '2026-06-25T17:24:00+04:00'],
    ['1 Май 2026 08:00', '2026-05-01T08:00:00+04:00'],
    ['01 мая 2026 08:00', '2026-05-01T08:00:00+04:00'],
    ['31 Декабря 2025 в 23:59', '2025-12-31T23:59:00+04:00'],
    ['3 Марта 2026, 10:00', '2026-03-03T10:00:00+04:00'],
    ['15 Сентябрь 2025 12:00', '2025-09-15T12:00:00+04:00'],
  ])('%s → %s', (text, expected) => {
    expect(parseSiteLocalDate(text, BAKU)).toBe(expected);
  });
});

describe('parseSiteLocalDate: Azerbaijani', () => {
  it.each([
    ['03 İyun 2026 10:05', '2026-06-03T10:05:00+04:00'],
    ['03 İYUN 2026 10:05', '2026-06-03T10:05:00+04:00'],
    ['03 iyun 2026 10:05', '2026-06-03T10:05:00+04:00'],
    ['03 Iyun 2026 10:05', '2026-06-03T10:05:00+04:00'],
    ['03 IYUL 2026 10:05', '2026-07-03T10:05:00+04:00'],
    ['12 Avqust 2025 14:30', '2025-08-12T14:30:00+04:00'],
    ['1 Yanvar 2026 00:00', '2026-01-01T00:00:00+04:00'],
    ['9 fevral 2026 18:45', '2026-02-09T18:45:00+04:00'],
    ['20 Mart 2026 09:00', '2026-03-20T09:00:00+04:00'],
    ['5 Oktyabr 2025 07:07', '2025-10-05T07:07:00+04:00'],
    ['30 Noyabr 2025 22:10', '2025-11-30T22:10:00+04:00'],
    ['31 Dekabr 2025 saat 23:59', '2025-12-31T23:59:00+04:00'],
  ])('%s → %s', (text, expected) => {
    expect(parseSiteLocalDate(text, BAKU)).toBe(expected);
  });

  it('accepts "İ" typed as I + combining dot (decomposed form)', () => {
    expect(parseSiteLocalDate('03 I\u0307yun 2026 10:05', BAKU)).toBe('2026-06-03T10:05:00+04:00');
  });
});

describe('parseSiteLocalDate: rejects', () => {
  it.each([
    ['31 February 2025 10:00', 'impossible day'],
    ['29 February 2025 10:00', 'not a leap year'],
    ['00 December 2025 10:00', 'day zero'],
    ['32 Декабря 2025 10:00', 'day 32'],
    ['02 Decembre 2025 09:19', 'unknown month'],
    ['02 Smarch 2025 09:19', 'unknown month'],
    ['02 Июнья 2026 17:24', 'misspelt month'],
    ['02 December 2025 24:00', 'hour 24'],
    ['02 December 2025 09:60', 'minute 60'],
    ['02 December 25 09:19', 'two-digit year'],
    ['December 02 2025 09:19', 'month first'],
    ['вчера 17:24', 'relative date'],
    ['', 'empty'],
    ['02 December 2025 09:19 and then a lot more text', 'trailing text'],
  ])('%s (%s)', (text) => {
    expect(parseSiteLocalDate(text, BAKU)).toBeNull();
  });

  it('rejects a malformed offset', () => {
    expect(parseSiteLocalDate('02 December 2025 09:19', 'Asia/Baku')).toBeNull();
    expect(parseSiteLocalDate('02 December 2025 09:19', '+4')).toBeNull();
  });

  it('uses the offset it is given', () => {
    expect(parseSiteLocalDate('02 December 2025 09:19', '+03:00')).toBe(
      '2025-12-02T09:19:00+03:00',
    );
    expect(parseSiteLocalDate('02 December 2025 09:19', 'Z')).toBe('2025-12-02T09:19:00+00:00');
  });

  it('can be limited to one language', () => {
    expect(parseSiteLocalDate('25 Июня 2026 17:24', BAKU, ENGLISH_MONTHS)).toBeNull();
    expect(parseSiteLocalDate('25 Июня 2026 17:24', BAKU, RUSSIAN_MONTHS)).toBe(
      '2026-06-25T17:24:00+04:00',
    );
  });
});

describe('month tables', () => {
  it('have twelve months in every language', () => {
    for (const table of [ENGLISH_MONTHS, RUSSIAN_MONTHS, AZERBAIJANI_MONTHS]) {
      expect(new Set(Object.values(table))).toEqual(
        new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
      );
    }
  });

  it('folds case, dotted/dotless i and ё', () => {
    expect(foldMonthName('İYUN')).toBe('iyun');
    expect(foldMonthName('ıyul')).toBe('iyul');
    expect(foldMonthName('Сентябрь')).toBe('сентябрь');
    expect(foldMonthName('Dec.')).toBe('dec');
    expect(monthNumber('may')).toBe(5);
    expect(monthNumber('Мая')).toBe(5);
    expect(monthNumber('Mayıs')).toBeNull();
  });
});
