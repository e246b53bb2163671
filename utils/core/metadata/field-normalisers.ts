/**
 * One cleaning rule per metadata field: takes a raw candidate (unknown — it may come
 * from JSON-LD) and returns the field's value, or null when the candidate is
 * garbage so the next candidate gets its chance.
 */
import { cleanAuthorNames, cleanName, cleanText, MAX_LENGTH } from '../text/clean-text';
import { normaliseMachineDate } from '../dates/iso-date';
import { primaryLanguageSubtag } from './language';
import type { ArticleMetadata, MetadataField } from './types';
import { acceptCanonicalUrl, resolveHttpUrl } from '../url';

export type FieldNormaliser<K extends MetadataField> = (
  value: unknown,
  pageUrl: URL,
) => ArticleMetadata[K] | null;

export type FieldNormalisers = { [K in MetadataField]: FieldNormaliser<K> };

/** A view count: a non-negative safe integer, from a number or a string like "1 234". */
export function normaliseViewCount(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0 ? value : null;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  // Thousands separators only (space, nbsp, thin space, comma, dot); "1.2K" is not a count.
  if (!/^\d{1,3}(?:[\s\u00a0\u202f,.]?\d{3})*$|^\d{1,16}$/.test(text)) return null;
  const count = Number(text.replace(/\D/g, ''));
  return Number.isSafeInteger(count) ? count : null;
}

function normaliseAuthors(value: unknown): string[] | null {
  const names = cleanAuthorNames(Array.isArray(value) ? value : [value]);
  return names.length > 0 ? names : null;
}

export const FIELD_NORMALISERS: FieldNormalisers = {
  canonicalUrl: (value, pageUrl) => acceptCanonicalUrl(value, pageUrl),
  title: (value) => cleanText(value, MAX_LENGTH.title),
  authors: (value) => normaliseAuthors(value),
  publishedAt: (value) => normaliseMachineDate(value),
  publishedText: (value) => cleanText(value, MAX_LENGTH.dateText),
  modifiedAt: (value) => normaliseMachineDate(value),
  category: (value) => cleanName(value, MAX_LENGTH.category),
  views: (value) => normaliseViewCount(value),
  language: (value) => primaryLanguageSubtag(value),
  siteName: (value) => cleanName(value, MAX_LENGTH.siteName),
  imageUrl: (value, pageUrl) => resolveHttpUrl(value, pageUrl),
  description: (value) => cleanText(value, MAX_LENGTH.description),
};

/** The first candidate that survives its field's cleaning, or null. */
export function firstAcceptedValue<K extends MetadataField>(
  field: K,
  candidates: readonly unknown[],
  pageUrl: URL,
): ArticleMetadata[K] | null {
  const normalise: FieldNormaliser<K> = FIELD_NORMALISERS[field];
  for (const candidate of candidates) {
    const value = normalise(candidate, pageUrl);
    if (value !== null) return value;
  }
  return null;
}
