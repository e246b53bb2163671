import { describe, expect, it } from 'vitest';
import {
  checkSettings,
  DEFAULT_SETTINGS,
  retentionChanged,
} from '../../../utils/core/records/settings';

describe('checkSettings: the attribution template', () => {
  const TEMPLATE = { plain: '{title} — {site}: {url}', html: '{label}: {url}' };

  it('is the default line where nothing is stored, as in settings from before it', () => {
    expect(DEFAULT_SETTINGS.template).toEqual({ plain: null, html: null });
    const { value, dropped } = checkSettings({ attributeOnCopy: false });
    expect(value.template).toEqual({ plain: null, html: null });
    expect(dropped).toBe(0);
  });

  it('keeps valid templates', () => {
    expect(checkSettings({ template: TEMPLATE })).toEqual({
      value: { ...DEFAULT_SETTINGS, template: TEMPLATE },
      dropped: 0,
    });
  });

  it.each([
    ['a template without {url}', { plain: '{title}', html: TEMPLATE.html }, 1],
    ['an unknown placeholder', { plain: TEMPLATE.plain, html: '{tilte} {url}' }, 1],
    ['text that is not a template', { plain: 42, html: TEMPLATE.html }, 1],
    ['two bad flavours', { plain: '{url', html: '}{url}' }, 2],
  ])('drops %s, flavour by flavour, and counts it', (_what, template, count) => {
    const { value, dropped } = checkSettings({ template });
    expect(dropped).toBe(count);
    expect(value.template.plain).toBe(template.plain === TEMPLATE.plain ? TEMPLATE.plain : null);
    expect(value.template.html).toBe(template.html === TEMPLATE.html ? TEMPLATE.html : null);
  });

  it('drops a template field that is no object', () => {
    for (const template of ['{url}', ['{url}'], 7]) {
      expect(checkSettings({ template })).toEqual({ value: DEFAULT_SETTINGS, dropped: 1 });
    }
  });
});

describe('checkSettings: how much history is kept', () => {
  it('keeps what the options page offers, and what was kept before the choice by default', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ historyMaxEntries: 1_000, historyMaxDays: null });
    expect(checkSettings({ historyMaxEntries: 100, historyMaxDays: 365 })).toEqual({
      value: { ...DEFAULT_SETTINGS, historyMaxEntries: 100, historyMaxDays: 365 },
      dropped: 0,
    });
  });

  it('drops a count or an age it does not offer, and counts each', () => {
    for (const [stored, dropped] of [
      [{ historyMaxEntries: 10_000 }, 1],
      [{ historyMaxEntries: '100', historyMaxDays: 7 }, 2],
      [{ historyMaxDays: -1 }, 1],
    ] as const) {
      expect(checkSettings(stored)).toEqual({ value: DEFAULT_SETTINGS, dropped });
    }
  });

  it('tells a change of retention from any other change', () => {
    const shorter = { ...DEFAULT_SETTINGS, historyMaxDays: 30 as const };
    expect(retentionChanged(DEFAULT_SETTINGS, shorter)).toBe(true);
    expect(
      retentionChanged(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, historyMaxEntries: 100 }),
    ).toBe(true);
    expect(retentionChanged(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, minWords: 9 })).toBe(false);
  });
});
