/**
 * Language tags from any source ("en-US", "ru_RU", "az-Latn-AZ", "EN") reduced to
 * the primary subtag in lower case ("en", "ru", "az").
 */

/** Tags that name no language ("undetermined", "multiple"), so they count as missing. */
const NON_LANGUAGE_SUBTAGS = new Set(['und', 'mul', 'zxx', 'mis', 'xx']);

export function primaryLanguageSubtag(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const match = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*\s*$/i.exec(raw.slice(0, 64));
  if (!match?.[1]) return null;
  const subtag = match[1].toLowerCase();
  return NON_LANGUAGE_SUBTAGS.has(subtag) ? null : subtag;
}
