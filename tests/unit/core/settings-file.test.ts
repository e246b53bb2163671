import { describe, expect, it } from 'vitest';
import { readSettingsFile, settingsFile } from '../../../utils/core/records/settings-file';
import { DEFAULT_SETTINGS } from '../../../utils/core/records/settings';
import type { SiteChoices } from '../../../utils/core/rules/site-choice';

const SITES: SiteChoices = {
  'vesti.test': { kind: 'off' },
  'plain.test': { kind: 'rule', linkTo: 'site', placement: 'start', label: 'Via Plain' },
};
const GOOD = settingsFile({ ...DEFAULT_SETTINGS, minWords: 9 }, SITES, new Date(0));

/** The good file with one change made to its parsed form (any JSON: the point is bad files). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJson = Record<string, any>;
function edited(change: (file: AnyJson) => void): string {
  const file = JSON.parse(GOOD) as AnyJson;
  change(file);
  return JSON.stringify(file);
}

describe('the settings file', () => {
  it('reads a file from before the later settings, giving them their defaults', () => {
    const older = edited((f) => {
      delete f.settings.labelLanguage;
      delete f.settings.placement;
      delete f.settings.deepLink;
    });
    expect(readSettingsFile(older)).toMatchObject({
      ok: true,
      settings: { labelLanguage: 'article', placement: 'rule', deepLink: false },
    });
    const noTemplate = edited((f) => delete f.settings.template);
    expect(readSettingsFile(noTemplate)).toMatchObject({
      ok: true,
      settings: { template: { plain: null, html: null } },
    });
    const bad = readSettingsFile(edited((f) => (f.settings.placement = 'middle')));
    expect(bad).toMatchObject({ ok: false, error: { field: 'settings.placement' } });
  });

  it('reads back how much history is kept, and gives a file from before it today’s amount', () => {
    const kept = { historyMaxEntries: 100, historyMaxDays: 30 } as const;
    const file = settingsFile({ ...DEFAULT_SETTINGS, ...kept }, {}, new Date(0));
    expect(readSettingsFile(file)).toMatchObject({ ok: true, settings: kept });
    expect(JSON.parse(file).settings).toMatchObject(kept);
    const forever = settingsFile({ ...DEFAULT_SETTINGS, historyMaxDays: null }, {}, new Date(0));
    expect(readSettingsFile(forever)).toMatchObject({
      ok: true,
      settings: { historyMaxDays: null },
    });
    const older = edited((f) => {
      delete f.settings.historyMaxEntries;
      delete f.settings.historyMaxDays;
    });
    expect(readSettingsFile(older)).toMatchObject({
      ok: true,
      settings: { historyMaxEntries: 1_000, historyMaxDays: null },
    });
  });

  it('reads back attribution templates', () => {
    const template = { plain: '{title} — {site}: {url}', html: null };
    const file = settingsFile({ ...DEFAULT_SETTINGS, template }, {}, new Date(0));
    expect(readSettingsFile(file)).toMatchObject({ ok: true, settings: { template } });
  });

  it('reads back exactly what was exported', () => {
    expect(readSettingsFile(GOOD)).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, minWords: 9 },
      sites: SITES,
    });
    expect(JSON.parse(GOOD)).toMatchObject({ format: 'linkback-settings', version: 1 });
  });

  it('keys sites as the popup does: no www., lower case', () => {
    const result = readSettingsFile(
      edited((file) => (file.sites = { 'WWW.Vesti.test': { kind: 'off' } })),
    );
    expect(result).toEqual({
      ok: true,
      settings: expect.anything(),
      sites: { 'vesti.test': { kind: 'off' } },
    });
  });

  it.each([
    ['not JSON', '{"format": ', '(file)', /is not JSON/],
    [
      'another program’s file',
      JSON.stringify({ hello: 1 }),
      'format',
      /not a Linkback settings file/,
    ],
    ['a newer version', edited((f) => (f.version = 2)), 'version', /newer Linkback/],
    [
      'a field of the wrong type',
      edited((f) => (f.settings.attributeOnCopy = 'yes')),
      'settings.attributeOnCopy',
      /true or false/,
    ],
    [
      'a minimum out of range',
      edited((f) => (f.settings.minWords = 0)),
      'settings.minWords',
      /from 1 to 50/,
    ],
    [
      'an unknown setting',
      edited((f) => (f.settings.colour = 'red')),
      'settings.colour',
      /not a field/,
    ],
    [
      'a placement Linkback does not offer',
      edited((f) => (f.sites['plain.test'].placement = 'middle')),
      'sites["plain.test"].placement',
      /"start" or "end"/,
    ],
    [
      'a site that is no host name',
      edited((f) => (f.sites['javascript:alert(1)'] = { kind: 'off' })),
      'sites["javascript:alert(1)"]',
      /host name/,
    ],
    [
      'a label too long',
      edited((f) => (f.sites['plain.test'].label = 'x'.repeat(61))),
      'sites["plain.test"].label',
      /at most 60/,
    ],
    ['missing settings', edited((f) => delete f.settings), 'settings', /must be an object/],
    [
      'a template without the link',
      edited((f) => (f.settings.template.plain = 'From {site}')),
      'settings.template.plain',
      /must contain \{url\}: the publisher's rule requires the link/,
    ],
    [
      'a template with a misspelt placeholder',
      edited((f) => (f.settings.template.html = '{tilte}: {url}')),
      'settings.template.html',
      /names \{tilte\}, which is not a placeholder; the known ones are \{title\}, \{url\}/,
    ],
    [
      'a template with a brace left open',
      edited((f) => (f.settings.template.plain = 'Source: {url')),
      'settings.template.plain',
      /"\{" at character 9 that is never closed/,
    ],
    [
      'a template too long',
      edited((f) => (f.settings.template.plain = `{url} ${'x'.repeat(500)}`)),
      'settings.template.plain',
      /is 506 characters; at most 500/,
    ],
    [
      'a template that is not text',
      edited((f) => (f.settings.template.plain = 5)),
      'settings.template.plain',
      /text or null/,
    ],
    [
      'more history than storage holds',
      edited((f) => (f.settings.historyMaxEntries = 10_000)),
      'settings.historyMaxEntries',
      /must be one of 100, 500, 1000/,
    ],
    [
      'a retention in days Linkback does not offer',
      edited((f) => (f.settings.historyMaxDays = '30')),
      'settings.historyMaxDays',
      /must be one of 30, 90, 365, null/,
    ],
    [
      'a template of an unknown flavour',
      edited((f) => (f.settings.template.markdown = '{url}')),
      'settings.template.markdown',
      /not a field/,
    ],
  ])('refuses %s, naming the field', (_what, text, field, problem) => {
    const result = readSettingsFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.field).toBe(field);
      expect(result.error.problem).toMatch(problem);
    }
  });
});
