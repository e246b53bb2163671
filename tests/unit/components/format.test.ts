import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import {
  describeArticleParts,
  formatDateTime,
  formatDay,
  formatNumber,
  formatShare,
} from '../../../components/format';
import { uiLanguage } from '../../../components/i18n';

describe('numbers and dates in the interface language', () => {
  it('writes numbers and shares as each interface language does', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'ru')).toBe('12\u00a0345');
    expect(formatNumber(12345, 'az')).toBe('12.345');
    expect(formatShare(0.234, 'en')).toBe('23%');
    expect(formatShare(0.234, 'ru')).toBe('23\u00a0%');
    expect(formatShare(0, 'en')).toBe('0%');
    expect(formatShare(0.004, 'en')).toBe('<1%');
    expect(formatShare(0.005, 'en')).toBe('1%');
  });

  it('writes each moment in the language asked, whichever was asked before', () => {
    const moment = Date.UTC(2025, 11, 2, 9, 19);
    const expected = (locale: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(moment);
    for (const locale of ['en', 'ru', 'en', 'az', 'ru']) {
      expect(formatDateTime(moment, locale)).toBe(expected(locale));
    }
    expect(formatDateTime(moment, 'ru')).not.toBe(formatDateTime(moment, 'en'));
  });

  it('gives the day a page wrote, in any reader’s zone, or nothing', () => {
    expect(formatDay('2025-12-02T23:19:00+04:00', 'en')).toBe('Dec 2, 2025');
    expect(formatDay('2025-12-02', 'ru')).toBe('2 дек. 2025 г.');
    expect(formatDay(null)).toBeNull();
    expect(formatDay('yesterday')).toBeNull();
    expect(formatDay('2025-13-45')).toBeNull();
  });

  it('names the thirds of an article that spans touch', () => {
    expect(describeArticleParts([], 'en')).toBe('');
    expect(describeArticleParts([{ start: 0.34, end: 0.5 }], 'en')).toBe('middle');
    expect(describeArticleParts([{ start: 0.3, end: 0.7 }], 'en')).toBe(
      'beginning, middle, and end',
    );
  });

  it('takes the interface language from the strings shown', () => {
    // Outside an extension (these tests) the strings are English.
    expect(uiLanguage()).toBe('en');
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string) =>
      key === 'uiLocale' ? 'az' : '',
    );
    // The browser's own language does not matter: a Chromium without its Azerbaijani
    // language pack says en-US while it shows Azerbaijani strings.
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en-US');
    expect(uiLanguage()).toBe('az');
  });
});
