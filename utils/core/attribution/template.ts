/**
 * The user's own attribution line: a template such as "{title} — {site}: {url}", one for the
 * plain-text flavour and one for the HTML flavour, used instead of "Source: URL" when set.
 *
 * - Checked before it is stored or imported (checkTemplate): it must name {url}, because the
 *   link is what publishers' rules require; braces only ever enclose a known placeholder (a
 *   literal brace is refused, so a typo such as "{tilte}" or "{url" cannot pass as text).
 * - Rendered per copy or paste (renderAttribution): a value the page does not give (no author,
 *   no date) renders empty, and the separator or brackets that announced it go with it, so
 *   "{title} — {author}, {site}" without an author reads "Title, Site", not "Title — , Site".
 * - In HTML, everything of the template and the page is text (escaped): the only markup is
 *   Linkback's paragraph and the link {url} becomes, so a template can never put markup of the
 *   user's or a page's into the editor it is pasted into.
 * - The publisher's rule still wins: the link is always there and active (an <a> in HTML), a
 *   Creative Commons page's credit (title, author, licence) still follows the line, and where
 *   the line goes is the copy's placement, not the template's business.
 *
 * Dates are written as ISO calendar dates (2025-04-01): the line goes into someone else's
 * document in a language Linkback does not know, where "01.04.2025" or "4/1/2025" would be
 * read differently from country to country; a calendar date in ISO form reads one way in all
 * of them. {published} is the article's date as the page gives it (the publisher's own day,
 * not shifted to the reader's zone); {accessed} is the day of the copy or paste where the user
 * is.
 */
import {
  ATTRIBUTION_MARKER,
  defaultAttribution,
  escapeHtml,
  htmlLicenceCredit,
  plainLicenceCredit,
  requireHttpUrl,
  sourceLabel,
  type AttributionSource,
  type ClipboardPayload,
} from './format';

/** The templates as the settings keep them; null: Linkback's own line for that flavour. */
export interface AttributionTemplate {
  plain: string | null;
  html: string | null;
}

export const DEFAULT_TEMPLATE: AttributionTemplate = { plain: null, html: null };

/** Linkback's own line written as a template: what an empty template field stands for. */
export const DEFAULT_TEMPLATE_TEXT = '{label}: {url}';

export const TEMPLATE_PLACEHOLDERS = [
  'title',
  'url',
  'site',
  'author',
  'published',
  'accessed',
  'label',
] as const;

export type Placeholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** A line, not a paragraph: far more than any attribution needs, and cheap to check per copy. */
export const MAX_TEMPLATE_LENGTH = 500;

export type TemplateProblem =
  | { kind: 'too-long'; length: number }
  /** A brace that opens nothing or is never closed, at `at` (1-based, as editors count). */
  | { kind: 'unbalanced'; brace: '{' | '}'; at: number }
  /** `name` with its braces: "{tilte}". */
  | { kind: 'unknown'; name: string }
  | { kind: 'no-url' };

type Token = { text: string } | { placeholder: Placeholder };

const isPlaceholder = (name: string): name is Placeholder =>
  (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);

/** The template's literal text and placeholders, or its first problem from the left. */
function parseTemplate(template: string): Token[] | TemplateProblem {
  const tokens: Token[] = [];
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{', at);
    const close = template.indexOf('}', at);
    if (close >= 0 && (open < 0 || close < open)) {
      return { kind: 'unbalanced', brace: '}', at: close + 1 };
    }
    if (open < 0) {
      tokens.push({ text: template.slice(at) });
      break;
    }
    const nextOpen = template.indexOf('{', open + 1);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      return { kind: 'unbalanced', brace: '{', at: open + 1 };
    }
    const name = template.slice(open + 1, close);
    if (!isPlaceholder(name)) return { kind: 'unknown', name: `{${name}}` };
    if (open > at) tokens.push({ text: template.slice(at, open) });
    tokens.push({ placeholder: name });
    at = close + 1;
  }
  return tokens;
}

const isProblem = (parsed: Token[] | TemplateProblem): parsed is TemplateProblem =>
  !Array.isArray(parsed);

/** What is wrong with a template, or null when it may be stored and used. */
export function checkTemplate(template: string): TemplateProblem | null {
  if (template.length > MAX_TEMPLATE_LENGTH) return { kind: 'too-long', length: template.length };
  const parsed = parseTemplate(template);
  if (isProblem(parsed)) return parsed;
  if (!parsed.some((token) => 'placeholder' in token && token.placeholder === 'url')) {
    return { kind: 'no-url' };
  }
  return null;
}

/**
 * The problem in English, worded to follow a field's name ("settings.template.plain must
 * contain {url}…"), as the settings file reports its problems. The options page says the same
 * in the interface language.
 */
export function describeTemplateProblem(problem: TemplateProblem): string {
  switch (problem.kind) {
    case 'too-long':
      return `is ${problem.length} characters; at most ${MAX_TEMPLATE_LENGTH} are allowed`;
    case 'unbalanced':
      return problem.brace === '{'
        ? `has a "{" at character ${problem.at} that is never closed`
        : `has a "}" at character ${problem.at} that closes nothing`;
    case 'unknown':
      return `names ${problem.name}, which is not a placeholder; the known ones are ${TEMPLATE_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}`;
    case 'no-url':
      return "must contain {url}: the publisher's rule requires the link";
  }
}

/** What the placeholders stand for, for one copy or paste; `url` is http(s) only. */
export type TemplateValues = Record<Placeholder, string>;

/** "2025-04-01" of an ISO date or date-time, as written (the publisher's own day); else "". */
function calendarDate(iso: string | null | undefined): string {
  return /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(iso ?? '')?.[1] ?? '';
}

/** The day of `now` where the user is, as an ISO calendar date. */
function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The placeholders' values for a copy or paste of `source` at `now`. Throws on a non-http(s) URL. */
export function templateValues(source: AttributionSource, now: Date): TemplateValues {
  return {
    title: source.title ?? '',
    url: requireHttpUrl(source),
    site: source.siteName ?? '',
    author: (source.authors ?? []).join(', '),
    published: calendarDate(source.publishedAt),
    accessed: localDate(now),
    label: sourceLabel(source),
  };
}

/** The rendered line as text and links, for the flavours to write out and the preview to show. */
export type TemplatePart = { text: string } | { link: string };

// Stand-ins while the line is tidied: control characters, which no value or template keeps.
const EMPTY = '\u0000';
const LINK = '\u0001';
const OPENING = '([{«“„‘"\'';
const CLOSING = ')\\]}»”“’"\'';
/**
 * Marks that stand between items (a full stop too: "{title}. {author}. {url}"): an empty item
 * takes the one before it along.
 */
const SEPARATORS = ',.;:—–\\-|/·•';

// Marked pure: a bundler keeps a constructor call it cannot prove harmless, so these
// patterns were built in every frame by the script on every page, which never uses them.
const NEIGHBOURING_EMPTIES = /* @__PURE__ */ new RegExp(`${EMPTY}(?:\\s*${EMPTY})+`, 'g');
const EMPTY_BRACKETS = /* @__PURE__ */ new RegExp(`[${OPENING}]\\s*${EMPTY}\\s*[${CLOSING}]`, 'g');
const SEPARATOR_BEFORE = /* @__PURE__ */ new RegExp(`\\s*[${SEPARATORS}]+\\s*${EMPTY}`, 'g');
const SEPARATOR_AFTER_FIRST = /* @__PURE__ */ new RegExp(`^\\s*${EMPTY}\\s*[${SEPARATORS}]+`);
const EMPTY_WITH_SPACE = /* @__PURE__ */ new RegExp(`\\s*${EMPTY}\\s*`, 'g');

/** One line of text: line breaks, tabs and control characters become single spaces. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  return text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ');
}

/**
 * Removes the empty values (EMPTY) and what only announced them: brackets or quotes around
 * nothing, the separator before an empty value (or after one that opens the line), and the
 * space before the punctuation that follows one. Only around empty values: the template's
 * own spacing and punctuation are the user's.
 */
function withoutEmptyValues(line: string): string {
  let tidied = line;
  for (let previous = ''; previous !== tidied;) {
    previous = tidied;
    tidied = tidied
      .replace(NEIGHBOURING_EMPTIES, EMPTY)
      .replace(EMPTY_BRACKETS, EMPTY)
      .replace(SEPARATOR_BEFORE, EMPTY)
      .replace(SEPARATOR_AFTER_FIRST, EMPTY);
  }
  return tidied.replace(EMPTY_WITH_SPACE, (match, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + match.length];
    if (before === undefined || after === undefined) return '';
    if (/[,.;:!?)\]»”]/.test(after) || /[([«“„]/.test(before)) return '';
    return ' ';
  });
}

/** The template (which checkTemplate accepted) filled in: text, and the link where {url} was. */
export function renderTemplate(template: string, values: TemplateValues): TemplatePart[] {
  const parsed = parseTemplate(template);
  if (isProblem(parsed))
    // The kind only: the wording is the options page's and the settings file's, and this
    // runs in the script on every page, which carries no more than it needs.
    throw new Error(`Not a valid template: ${parsed.kind}`);
  let line = '';
  for (const token of parsed) {
    if ('text' in token) line += oneLine(token.text);
    else if (token.placeholder === 'url') line += LINK;
    else line += oneLine(values[token.placeholder]).trim() || EMPTY;
  }
  const parts: TemplatePart[] = [];
  withoutEmptyValues(line)
    .replace(/ {2,}/g, ' ')
    .trim()
    .split(LINK)
    .forEach((text, index) => {
      if (index > 0) parts.push({ link: values.url });
      if (text) parts.push({ text });
    });
  return parts;
}

/** The parts as plain text: the URL written out. */
export function plainTemplateLine(parts: readonly TemplatePart[]): string {
  return parts.map((part) => ('link' in part ? part.link : part.text)).join('');
}

/** The parts as HTML: text escaped, each link an active anchor whose text is the URL. */
export function htmlTemplateLine(parts: readonly TemplatePart[]): string {
  return parts
    .map((part) => {
      if ('text' in part) return escapeHtml(part.text);
      const url = escapeHtml(part.link);
      return `<a href="${url}">${url}</a>`;
    })
    .join('');
}

/**
 * The attribution of `source` in both flavours: the user's template for a flavour where one
 * is set (and valid: a stored one was checked on read, this is the last guard), else
 * Linkback's own line; a licensed page's credit follows either.
 */
export function renderAttribution(
  source: AttributionSource,
  template: AttributionTemplate | null | undefined,
  now: Date,
): ClipboardPayload {
  const usable = (text: string | null | undefined): text is string =>
    !!text && checkTemplate(text) === null;
  const plainTemplate = template?.plain;
  const htmlTemplate = template?.html;
  if (!usable(plainTemplate) && !usable(htmlTemplate)) return defaultAttribution(source);
  const values = templateValues(source, now);
  const fallback = defaultAttribution(source);
  return {
    plain: usable(plainTemplate)
      ? plainTemplateLine(renderTemplate(plainTemplate, values)) + plainLicenceCredit(source)
      : fallback.plain,
    html: usable(htmlTemplate)
      ? `<p ${ATTRIBUTION_MARKER}="attribution">` +
        htmlTemplateLine(renderTemplate(htmlTemplate, values)) +
        `${htmlLicenceCredit(source)}</p>`
      : fallback.html,
  };
}
