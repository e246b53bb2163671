/**
 * Turns whatever a page supplies (attribute values, text content, JSON-LD strings)
 * into a short, displayable string — or null when it is garbage.
 * Pure string functions: no DOM, so they run the same in any context.
 */

/** Length caps per kind of string; a page controls these values, so nothing is unbounded. */
export const MAX_LENGTH = {
  title: 500,
  description: 1000,
  name: 200,
  category: 200,
  siteName: 200,
  dateText: 200,
} as const;

export const MAX_AUTHORS = 10;

/**
 * How much raw text is looked at before cleaning: enough to survive whitespace
 * collapsing, small enough that a 2 MB text node costs nothing.
 */
const RAW_SCAN_FACTOR = 4;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  laquo: '\u00ab',
  raquo: '\u00bb',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
};

const ENTITY_PATTERN = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi;

/**
 * Decodes the HTML entities that survive into attribute values and JSON-LD strings
 * (WordPress writes "&#8217;" and "&amp;" into its JSON-LD). One pass only, so
 * "&amp;lt;" becomes "&lt;", not "<" — the same as a browser would show.
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_PATTERN, (whole, body: string) => {
    if (body[0] === '#') {
      const isHex = body[1] === 'x' || body[1] === 'X';
      const code = Number.parseInt(body.slice(isHex ? 2 : 1), isHex ? 16 : 10);
      const isValidCodePoint = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return isValidCodePoint ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Tag-shaped text ("<script>…</script>", "<img onerror=…>") is never part of a headline or a
 * name; it shows up when a page escapes markup into its metadata. Removing it keeps
 * the metadata card readable (it is rendered as text either way, so this is not the
 * security boundary).
 */
function stripTagLikeText(text: string): string {
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?[a-z!][^<>]*>/gi, ' ');
}

/**
 * Control characters (except tab/newline, which become spaces) and zero-width marks:
 * they come from copy-pasted CMS input and would make equal names look different.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the purpose
const INVISIBLE_CHARACTERS = /[\u0000-\u0008\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g;

const PLACEHOLDER_VALUES = new Set([
  'null',
  'undefined',
  'nan',
  'none',
  'n/a',
  '[object object]',
  'false',
  'true',
]);

/** True when the text says nothing: empty, punctuation/symbols only, or a placeholder. */
export function isGarbageText(text: string): boolean {
  if (text.length === 0) return true;
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  return PLACEHOLDER_VALUES.has(text.toLowerCase());
}

/** Cuts at a code-point boundary so a cap never leaves half a surrogate pair. */
function capLength(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let cut = text.slice(0, maxLength);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut.trimEnd();
}

/**
 * Trimmed, whitespace-collapsed, entity-decoded, capped text, or null for garbage.
 * Accepts unknown because JSON-LD values can be anything.
 */
export function cleanText(value: unknown, maxLength: number): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const raw = String(value);
  const scanned =
    raw.length > maxLength * RAW_SCAN_FACTOR ? raw.slice(0, maxLength * RAW_SCAN_FACTOR) : raw;
  const text = stripTagLikeText(decodeHtmlEntities(scanned))
    .replace(INVISIBLE_CHARACTERS, '')
    .replace(/\s+/g, ' ')
    .trim();
  const capped = capLength(text, maxLength);
  return isGarbageText(capped) ? null : capped;
}

/** True for strings that are links or link-like, which is never what a person's name looks like. */
export function looksLikeUrl(text: string): boolean {
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|\/\/|www\.)/i.test(text)) return true;
  if (/^(?:javascript|data|vbscript|mailto|tel|about|blob|file):/i.test(text)) return true;
  // "example.com/author/jane" — no spaces, a dot and a slash.
  return !/\s/.test(text) && text.includes('/') && text.includes('.');
}

/** A person's or organisation's name: cleaned text that is not a URL or an e-mail address. */
export function cleanName(value: unknown, maxLength: number = MAX_LENGTH.name): string | null {
  const text = cleanText(value, maxLength);
  if (text === null) return null;
  if (looksLikeUrl(text)) return null;
  if (/^\S+@\S+\.\S+$/.test(text)) return null;
  return text;
}

/**
 * The words a byline starts with, in the languages Linkback reads: "By", "Written by",
 * "Von" (de), "Par" (fr), "От"/"Автор:"/"Авторы:" (ru, uk, kk), "Müəllif:" (az),
 * "Авторлар:" (kk). A colon or dash may follow.
 */
const BYLINE_PREFIX =
  /^(?:(?:written|reported|posted)\s+by|by|von|par|от|автор(?:ы|и|лар)?|müəllif(?:lər)?)\s*[:.\-–—]?\s+/i;

/** "By Jane Doe" → "Jane Doe"; "Автор: Иван Петров" → "Иван Петров". */
export function stripBylinePrefix(text: string): string {
  return text.replace(BYLINE_PREFIX, '');
}

/** True when the text opens with a byline word ("By …", "Автор: …"), as a byline line does. */
export function hasBylinePrefix(text: string): boolean {
  return BYLINE_PREFIX.test(text);
}

/**
 * Splits "A, B and C" / "A и B" / "A və B" / "A und B" / "A et B" / "A та B" / "A & B" /
 * "A; B" into names.
 */
export function splitAuthorList(text: string): string[] {
  return text
    .split(/\s*[,;&]\s*|\s+(?:and|и|və|und|et|та|і|және)\s+/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * Job titles that follow a name in a byline ("Tom Harris, Senior Health Correspondent",
 * "Maria Lopez and David Chen, Staff Writers"): a later part that contains one is a role,
 * not a person.
 */
const ROLE_WORD =
  /(?:^|\s)(?:staff|writers?|reporters?|correspondents?|editors?|columnists?|contributors?|photographers?|journalists?|analysts?|корреспондент\p{L}*|кореспондент\p{L}*|редактор\p{L}*|обозревател\p{L}*|оглядач\p{L}*|журналист\p{L}*|журналіст\p{L}*|müxbir\p{L}*|redaktor\p{L}*|jurnalist\p{L}*|тілші\p{L}*|redakteur\p{L}*|korrespondent\p{L}*|journaliste\p{L}*|rédact\p{L}*|correspondant\p{L}*)(?=$|[\s.,])/iu;

/** "tom@site.example" and links glued to a byline are contact details, not names. */
const GLUED_CONTACT = /\S+@\S+\.\S+|(?:https?:\/\/|www\.)\S+/gi;

/**
 * What follows a name in a byline line and is not a name: " | August 21, 2025",
 * " · April 2", " — 12:45". The text is cut at the first such separator.
 */
const GLUED_TAIL = /\s*(?:[|·•]|\s[–—]\s|\s-\s)[\s\S]*$/;

/**
 * The names in one byline-shaped string: prefix stripped, contact details and the tail
 * after a separator dropped, then split into parts of which those with digits (dates,
 * times) or a job title are not names.
 */
function namesInByline(text: string): string[] {
  const withoutContacts = text.replace(GLUED_CONTACT, ' ').replace(/\s+/g, ' ').trim();
  const head = stripBylinePrefix(withoutContacts).replace(GLUED_TAIL, '');
  // A role follows a name ("Jane Doe, Staff Writer"): the first part is never taken for
  // one, so a surname such as Writer or Editor survives.
  return splitAuthorList(head).filter(
    (part, index) => !/\d/.test(part) && (index === 0 || !ROLE_WORD.test(part)),
  );
}

/**
 * Author names from strings or lists of strings: byline prefixes removed, lists
 * split, garbage dropped, duplicates (ignoring case) dropped, at most MAX_AUTHORS.
 */
export function cleanAuthorNames(values: readonly unknown[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const flat = cleanText(value, MAX_LENGTH.name * MAX_AUTHORS);
    if (flat === null) continue;
    for (const part of namesInByline(flat)) {
      const name = cleanName(part);
      if (name === null) continue;
      const key = name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(name);
      if (names.length >= MAX_AUTHORS) return names;
    }
  }
  return names;
}

/** Lower-case words that may stand inside a name: "Claire de Vries", "Ludwig van Beethoven". */
const NAME_PARTICLES = new Set([
  'de',
  'da',
  'di',
  'du',
  'des',
  'del',
  'della',
  'dos',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'y',
  'e',
]);

/**
 * A name as bylines write it: two to five words, each starting with a capital letter
 * (particles such as "de" and "van" aside). Used on text found by DOM heuristics, where
 * "By the end of the year" and "Posted by Maya" must not pass for a byline.
 */
export function looksLikePersonName(name: string): boolean {
  if (name.length > 60 || /\d/.test(name)) return false;
  const words = name.split(' ');
  if (words.length < 2 || words.length > 5) return false;
  return words.every(
    (word, index) =>
      /^[\p{Lu}][\p{L}\p{M}'’.-]*$/u.test(word) || (index > 0 && NAME_PARTICLES.has(word)),
  );
}
