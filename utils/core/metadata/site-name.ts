/**
 * Recognising the site's own name where a page repeats it: in a title ("Story | XƏBƏRÇİ.AZ")
 * or as an "author" ("The Daily Beacon"). "Caliber.Az", "caliber.az" and "CALIBER" name one
 * site, "Xəbərçi" and "XƏBƏRÇİ.AZ" too, and so does the page's host name.
 */
import { siteHost } from '../url';

/**
 * A comparison key: lower case, without diacritics or punctuation. Azerbaijani ə and
 * dotless ı have no decomposition, so they are mapped by hand; "İ" decomposes to "I" and
 * a combining dot, which goes with the other marks.
 */
export function foldForComparison(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ə/g, 'e')
    .replace(/ı/g, 'i')
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** ".az", ".com", ".example" at the end of a name written as a domain ("Report.az"). */
const DOMAIN_ENDING = /\.\p{L}{2,10}$/u;
const LEADING_ARTICLE = /^the\s+/i;

/** The keys one name may be written under: as is, without a domain ending, without "The". */
function nameVariants(name: string): string[] {
  const trimmed = name.trim();
  return [trimmed, trimmed.replace(DOMAIN_ENDING, ''), trimmed.replace(LEADING_ARTICLE, '')].map(
    foldForComparison,
  );
}

/** Fewer letters than this are not a name to recognise ("AP" would match too much). */
const MIN_KEY_LENGTH = 3;

export type SiteNameKeys = ReadonlySet<string>;

/**
 * The site's names as comparison keys: the site name (if known) and the page's host
 * ("www.report-az.example" gives "reportazexample" and "reportaz").
 */
export function siteNameKeys(siteName: string | null, pageUrl: URL | null): SiteNameKeys {
  const keys = new Set<string>();
  if (siteName) for (const key of nameVariants(siteName)) keys.add(key);
  const host = pageUrl && /^https?:$/.test(pageUrl.protocol) ? siteHost(pageUrl.hostname) : '';
  if (host) {
    keys.add(foldForComparison(host));
    keys.add(foldForComparison(host.replace(/\.[^.]+$/, '')));
  }
  for (const key of keys) if (key.length < MIN_KEY_LENGTH) keys.delete(key);
  return keys;
}

/** True when `text` is the site's name in any of its spellings. */
export function isSiteName(text: string, keys: SiteNameKeys): boolean {
  if (keys.size === 0) return false;
  return nameVariants(text).some((variant) => keys.has(variant));
}
