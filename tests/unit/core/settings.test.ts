import { describe, expect, it } from 'vitest';
import { checkSettings, DEFAULT_SETTINGS } from '../../../utils/core/records/settings';

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
