import { describe, expect, it } from 'vitest';
import {
  formatIsoDateTime,
  isValidLocalDateTime,
  normaliseMachineDate,
  normaliseOffset,
} from '../../../../utils/core/dates/iso-date';

describe('normaliseMachineDate', () => {
  it.each([
    ['2025-12-02T09:19:00+04:00', '2025-12-02T09:19:00+04:00'],
    ['2025-12-02T09:19+04:00', '2025-12-02T09:19:00+04:00'],
    ['2025-12-02T09:19:00.123+0400', '2025-12-02T09:19:00+04:00'],
    ['2025-12-02T05:19:00Z', '2025-12-02T05:19:00+00:00'],
    ['2025-12-02 09:19:00 UTC', '2025-12-02T09:19:00+00:00'],
    ['2025-12-02T09:19:00-05', '2025-12-02T09:19:00-05:00'],
    ['2025-12-02T09:19:00', '2025-12-02T09:19:00'],
    ['2025-12-02', '2025-12-02'],
    ['  2024-02-29  ', '2024-02-29'],
    ['Tue, 02 Dec 2025 09:19:00 +0400', '2025-12-02T09:19:00+04:00'],
    ['02 Dec 2025 09:19:00 GMT', '2025-12-02T09:19:00+00:00'],
    ['2 December 2025', '2025-12-02'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseMachineDate(input)).toBe(expected);
  });

  it.each([
    ['2025-02-30T10:00:00Z'],
    ['2023-02-29'],
    ['2025-13-01'],
    ['2025-12-02T24:00:00Z'],
    ['2025-12-02T09:60:00Z'],
    ['2025-12-02T09:19:00+25:00'],
    ['0000-00-00'],
    ['yesterday'],
    ['not a date'],
    ['02 Smarch 2025 09:19'],
    [''],
    ['9'.repeat(100_000)],
    [1733116740000],
    [null],
  ])('rejects %j', (input) => {
    expect(normaliseMachineDate(input)).toBeNull();
  });
});

describe('date helpers', () => {
  it('normalises offsets', () => {
    expect(normaliseOffset('Z')).toBe('+00:00');
    expect(normaliseOffset('+0400')).toBe('+04:00');
    expect(normaliseOffset('-03:30')).toBe('-03:30');
    expect(normaliseOffset('+4')).toBeNull();
    expect(normaliseOffset('+04:75')).toBeNull();
  });

  it('knows leap years', () => {
    expect(isValidLocalDateTime({ year: 2000, month: 2, day: 29 })).toBe(true);
    expect(isValidLocalDateTime({ year: 1900, month: 2, day: 29 })).toBe(false);
    expect(isValidLocalDateTime({ year: 2025, month: 4, day: 31 })).toBe(false);
  });

  it('appends the offset only when there is a time', () => {
    expect(formatIsoDateTime({ year: 2025, month: 1, day: 5 }, '+04:00')).toBe('2025-01-05');
    expect(formatIsoDateTime({ year: 2025, month: 1, day: 5, hour: 7, minute: 3 }, '+04:00')).toBe(
      '2025-01-05T07:03:00+04:00',
    );
  });
});
