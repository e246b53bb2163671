import { checkTemplate, DEFAULT_TEMPLATE, type AttributionTemplate } from '../attribution/template';
import {
  RETENTION_COUNTS,
  RETENTION_DAYS,
  type RetentionCount,
  type RetentionDays,
} from './retention';

export interface Settings {
  /** Add the link to the clipboard when copying from an article. */
  attributeOnCopy: boolean;
  /** Add the link when article text is pasted elsewhere without it. */
  attributeOnPaste: boolean;
  /** Shorter selections (a name, a headline word) copy clean. */
  minWords: number;
  /** The label's language ("Source" / «Источник» / "Mənbə"): the article's, or the browser's. */
  labelLanguage: LabelLanguage;
  /** Where the link goes when the site's rule lets it go anywhere; a rule that says where wins. */
  placement: PlacementChoice;
  /**
   * Link to the copied passage itself (a `#:~:text=` text fragment). Off by default: some
   * publishers' rules ask for the article's plain address, and not every browser scrolls to it.
   */
  deepLink: boolean;
  /** Say so next to the editor when a paste gets its link, with Undo and "Not on this site". */
  pasteNotice: boolean;
  /**
   * The user's own attribution line per flavour, e.g. "{title} — {site}: {url}" (see
   * attribution/template.ts); null: Linkback's "Source: URL".
   */
  template: AttributionTemplate;
  /** The history keeps at most this many copies, pastes and reuse findings, each (retention.ts). */
  historyMaxEntries: RetentionCount;
  /** …and none older than this many days; null: no age limit. */
  historyMaxDays: RetentionDays;
}

export type LabelLanguage = 'article' | 'interface';
export type PlacementChoice = 'rule' | 'start' | 'end';

/** The shortest selection that may get a link, in words: the form offers these bounds. */
export const MIN_WORDS_RANGE = { min: 1, max: 50 } as const;

export const DEFAULT_SETTINGS: Settings = {
  attributeOnCopy: true,
  attributeOnPaste: true,
  minWords: 6,
  labelLanguage: 'article',
  placement: 'rule',
  deepLink: false,
  pasteNotice: true,
  template: DEFAULT_TEMPLATE,
  // What the history kept before the choice existed: the logs' caps, no age limit.
  historyMaxEntries: 1_000,
  historyMaxDays: null,
};

/**
 * Settings as stored, checked field by field: a key added by a later version, or a field of
 * the wrong type (a damaged profile, a hand-edited value), gets its default. `dropped`
 * counts the fields that were there but unreadable.
 */
export function checkSettings(stored: unknown): { value: Settings; dropped: number } {
  const fields: Record<string, unknown> =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? (stored as Record<string, unknown>)
      : {};
  let dropped = stored == null || fields === stored ? 0 : 1;
  function field<K extends keyof Settings>(
    key: K,
    valid: (value: unknown) => boolean,
  ): Settings[K] {
    const value = fields[key];
    if (value === undefined) return DEFAULT_SETTINGS[key];
    if (valid(value)) return value as Settings[K];
    dropped++;
    return DEFAULT_SETTINGS[key];
  }
  const isFlag = (value: unknown) => typeof value === 'boolean';
  const value: Settings = {
    attributeOnCopy: field('attributeOnCopy', isFlag),
    attributeOnPaste: field('attributeOnPaste', isFlag),
    minWords: field(
      'minWords',
      (value) =>
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= MIN_WORDS_RANGE.min &&
        value <= MIN_WORDS_RANGE.max,
    ),
    labelLanguage: field('labelLanguage', (value) => value === 'article' || value === 'interface'),
    placement: field(
      'placement',
      (value) => value === 'rule' || value === 'start' || value === 'end',
    ),
    deepLink: field('deepLink', isFlag),
    pasteNotice: field('pasteNotice', isFlag),
    template: DEFAULT_TEMPLATE,
    historyMaxEntries: field('historyMaxEntries', (value) =>
      RETENTION_COUNTS.includes(value as RetentionCount),
    ),
    historyMaxDays: field('historyMaxDays', (value) =>
      RETENTION_DAYS.includes(value as RetentionDays),
    ),
  };
  // Each flavour on its own: a damaged plain template leaves the HTML one in use.
  const template = fields.template;
  if (template !== undefined) {
    if (typeof template !== 'object' || template === null || Array.isArray(template)) {
      dropped++;
    } else {
      const flavours = template as Record<string, unknown>;
      const flavour = (key: keyof AttributionTemplate): string | null => {
        const text = flavours[key];
        if (text === null || text === undefined) return null;
        if (typeof text === 'string' && checkTemplate(text) === null) return text;
        dropped++;
        return null;
      };
      value.template = { plain: flavour('plain'), html: flavour('html') };
    }
  }
  return { value, dropped };
}

/** Whether a change of settings changes how much history is kept (see retention.ts). */
export function retentionChanged(before: Settings, after: Settings): boolean {
  return (
    before.historyMaxEntries !== after.historyMaxEntries ||
    before.historyMaxDays !== after.historyMaxDays
  );
}
