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
  // Most names and titles on English-language pages are ASCII: no decomposition needed.
  // eslint-disable-next-line no-control-regex -- the ASCII range is the point
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase().replace(/[^a-z0-9]/g, '');
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
  const variants = [trimmed];
  if (DOMAIN_ENDING.test(trimmed)) variants.push(trimmed.replace(DOMAIN_ENDING, ''));
  if (LEADING_ARTICLE.test(trimmed)) variants.push(trimmed.replace(LEADING_ARTICLE, ''));
  return variants.map(foldForComparison);
}

/** Fewer letters than this are not a name to recognise ("AP" would match too much). */
const MIN_KEY_LENGTH = 3;

export interface SiteNameKeys {
  keys: ReadonlySet<string>;
  /**
   * Longer text is not the site's name, whatever it folds to: checked before folding,
   * as titles are compared part by part and most parts are headlines.
   */
  maxTextLength: number;
}

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
  let longest = 0;
  for (const key of keys) {
    if (key.length < MIN_KEY_LENGTH) keys.delete(key);
    else longest = Math.max(longest, key.length);
  }
  // Room for the spaces, dots and "The " a spelling may add.
  return { keys, maxTextLength: longest * 2 + 8 };
}

/** True when `text` is the site's name in any of its spellings. */
export function isSiteName(text: string, site: SiteNameKeys): boolean {
  if (site.keys.size === 0 || text.length > site.maxTextLength) return false;
  return nameVariants(text).some((variant) => site.keys.has(variant));
}
