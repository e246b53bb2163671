/**
 * The settings file: the user's settings and their word on each site, exported as one JSON
 * file and imported back, on this browser or another. Import is all or nothing: a file that
 * is not exactly right changes nothing, and the reason names the field and what is wrong with
 * it, so the user can fix the file (or see that it is not one of Linkback's).
 */
import { siteHost } from '../url';
import {
  checkTemplate,
  describeTemplateProblem,
  type AttributionTemplate,
} from '../attribution/template';
import { DEFAULT_SETTINGS, MIN_WORDS_RANGE, type Settings } from './settings';
import { RETENTION_COUNTS, RETENTION_DAYS } from './retention';
import { isHostName, MAX_LABEL_LENGTH, MAX_SITE_CHOICES } from '../rules/site-choice';
import type { SiteChoice, SiteChoices } from '../rules/site-choice';

export const SETTINGS_FILE_FORMAT = 'linkback-settings';
export const SETTINGS_FILE_VERSION = 1;
/** Far above any real file (2,000 sites of a rule each): a bigger one is not ours. */
export const MAX_SETTINGS_FILE_BYTES = 1_000_000;

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: typeof SETTINGS_FILE_VERSION;
  exportedAt: string;
  settings: Settings;
  sites: SiteChoices;
}

export function settingsFile(settings: Settings, sites: SiteChoices, now = new Date()): string {
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    settings,
    sites,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Why a file was refused: where in it (a JSON path) and what was wrong there. */
export interface FileProblem {
  field: string;
  problem: string;
}

export type ReadSettingsFile =
  { ok: true; settings: Settings; sites: SiteChoices } | { ok: false; error: FileProblem };

class Refused extends Error {
  constructor(readonly detail: FileProblem) {
    super(`${detail.field}: ${detail.problem}`);
  }
}

const refuse = (field: string, problem: string): never => {
  throw new Refused({ field, problem });
};

function objectAt(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    refuse(field, 'must be an object');
  }
  return value as Record<string, unknown>;
}

function onlyKeys(object: Record<string, unknown>, keys: readonly string[], field: string): void {
  for (const key of Object.keys(object)) {
    if (!keys.includes(key)) refuse(`${field}.${key}`, 'is not a field Linkback knows');
  }
}

function flagAt(object: Record<string, unknown>, key: string, field: string): boolean {
  const value = object[key];
  if (typeof value !== 'boolean') refuse(`${field}.${key}`, 'must be true or false');
  return value as boolean;
}

/** A field added after the first version: a file from before it gets the default. */
function laterField<T>(
  object: Record<string, unknown>,
  key: keyof Settings,
  allowed: readonly T[],
): T {
  const value = object[key];
  if (value === undefined) return DEFAULT_SETTINGS[key] as T;
  if (!allowed.includes(value as T)) {
    refuse(`settings.${key}`, `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  return value as T;
}

/** The attribution templates: each flavour null (the default line) or a template that checks. */
function readTemplate(value: unknown): AttributionTemplate {
  if (value === undefined) return DEFAULT_SETTINGS.template;
  const object = objectAt(value, 'settings.template');
  onlyKeys(object, ['plain', 'html'], 'settings.template');
  const flavour = (key: keyof AttributionTemplate): string | null => {
    const field = `settings.template.${key}`;
    const text = object[key];
    if (text === null) return null;
    if (typeof text !== 'string') return refuse(field, 'must be text or null');
    const problem = checkTemplate(text);
    if (problem) refuse(field, describeTemplateProblem(problem));
    return text;
  };
  return { plain: flavour('plain'), html: flavour('html') };
}

function readSettings(value: unknown): Settings {
  const object = objectAt(value, 'settings');
  const keys = Object.keys(DEFAULT_SETTINGS);
  onlyKeys(object, keys, 'settings');
  const minWords = object.minWords;
  if (
    typeof minWords !== 'number' ||
    !Number.isInteger(minWords) ||
    minWords < MIN_WORDS_RANGE.min ||
    minWords > MIN_WORDS_RANGE.max
  ) {
    refuse(
      'settings.minWords',
      `must be a whole number from ${MIN_WORDS_RANGE.min} to ${MIN_WORDS_RANGE.max}`,
    );
  }
  return {
    attributeOnCopy: flagAt(object, 'attributeOnCopy', 'settings'),
    attributeOnPaste: flagAt(object, 'attributeOnPaste', 'settings'),
    minWords: minWords as number,
    labelLanguage: laterField(object, 'labelLanguage', ['article', 'interface'] as const),
    placement: laterField(object, 'placement', ['rule', 'start', 'end'] as const),
    deepLink: laterField(object, 'deepLink', [true, false] as const),
    pasteNotice: laterField(object, 'pasteNotice', [true, false] as const),
    template: readTemplate(object.template),
    historyMaxEntries: laterField(object, 'historyMaxEntries', RETENTION_COUNTS),
    historyMaxDays: laterField(object, 'historyMaxDays', RETENTION_DAYS),
  };
}

function readSite(value: unknown, field: string): SiteChoice {
  const object = objectAt(value, field);
  if (object.kind === 'off') {
    onlyKeys(object, ['kind'], field);
    return { kind: 'off' };
  }
  if (object.kind !== 'rule') refuse(`${field}.kind`, 'must be "off" or "rule"');
  onlyKeys(object, ['kind', 'linkTo', 'placement', 'label'], field);
  if (object.linkTo !== 'article' && object.linkTo !== 'site') {
    refuse(`${field}.linkTo`, 'must be "article" or "site"');
  }
  if (object.placement !== 'start' && object.placement !== 'end') {
    refuse(`${field}.placement`, 'must be "start" or "end"');
  }
  const label = object.label;
  if (label !== null && typeof label !== 'string') {
    refuse(`${field}.label`, 'must be text or null');
  }
  if (typeof label === 'string' && label.length > MAX_LABEL_LENGTH) {
    refuse(`${field}.label`, `must be at most ${MAX_LABEL_LENGTH} characters`);
  }
  return {
    kind: 'rule',
    linkTo: object.linkTo as 'article' | 'site',
    placement: object.placement as 'start' | 'end',
    label: typeof label === 'string' && label.trim() ? label.trim() : null,
  };
}

function readSites(value: unknown): SiteChoices {
  const object = objectAt(value, 'sites');
  const entries = Object.entries(object);
  if (entries.length > MAX_SITE_CHOICES) {
    refuse('sites', `holds ${entries.length} sites; at most ${MAX_SITE_CHOICES} are kept`);
  }
  const sites: SiteChoices = {};
  for (const [host, entry] of entries) {
    const field = `sites[${JSON.stringify(host)}]`;
    const key = siteHost(host);
    if (!isHostName(key)) refuse(field, 'is not a host name such as "example.com"');
    sites[key] = readSite(entry, field);
  }
  return sites;
}

/** Reads a settings file's text; any problem refuses the whole file. */
export function readSettingsFile(text: string): ReadSettingsFile {
  try {
    if (text.length > MAX_SETTINGS_FILE_BYTES) {
      refuse('(file)', `is ${text.length} characters; a settings file is far smaller`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      refuse('(file)', `is not JSON (${String((error as Error).message).slice(0, 120)})`);
    }
    const file = objectAt(parsed, '(file)');
    if (file.format !== SETTINGS_FILE_FORMAT) {
      refuse('format', `must be "${SETTINGS_FILE_FORMAT}": this is not a Linkback settings file`);
    }
    if (file.version !== SETTINGS_FILE_VERSION) {
      refuse(
        'version',
        typeof file.version === 'number' && file.version > SETTINGS_FILE_VERSION
          ? `is ${file.version}, from a newer Linkback: update Linkback to import it`
          : `must be ${SETTINGS_FILE_VERSION}`,
      );
    }
    onlyKeys(file, ['format', 'version', 'exportedAt', 'settings', 'sites'], '(file)');
    return { ok: true, settings: readSettings(file.settings), sites: readSites(file.sites) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.detail };
    throw error;
  }
}
