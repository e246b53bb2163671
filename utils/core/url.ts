/**
 * Every URL rule Linkback has, in one place: only absolute http(s) URLs are ever linked
 * or kept, host names are compared in one normal form, and "the same page" and "the same
 * site" mean one thing everywhere. Parsing never throws: garbage gives null.
 */

/** Longer values are not URLs a page means: a canonical or image URL is never this long. */
export const MAX_URL_LENGTH = 2048;

/** Parses without throwing; null for anything the URL parser rejects (any scheme is kept). */
export function parseUrl(raw: string | URL, base?: string | URL): URL | null {
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}

/** Parses `value` (against `base`) as an absolute http(s) URL; null for any other scheme or garbage. */
export function parseHttpUrl(
  value: string | URL | null | undefined,
  base?: string | URL,
): URL | null {
  if (!value) return null;
  const url = parseUrl(typeof value === 'string' ? value.trim() : value, base);
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url : null;
}

/** Returns `value` resolved against `base` as an absolute http(s) URL string, or null for any other scheme or garbage. */
export function toHttpUrl(value: string | null | undefined, base?: string): string | null {
  return parseHttpUrl(value, base)?.href ?? null;
}

/**
 * Resolves a page-supplied value against the page URL and returns it only if it is http(s).
 * Rejects javascript:, data:, blob:, file: and the like, non-strings and absurdly long values.
 */
export function resolveHttpUrl(raw: unknown, pageUrl: URL): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_URL_LENGTH) return null;
  return parseHttpUrl(trimmed, pageUrl)?.href ?? null;
}

/** The URL as a link target: the same address without its #fragment. */
export function withoutFragment(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/**
 * A host name as publisher rules list it: lower case, without the trailing dot of a fully
 * qualified name ("Caliber.az." is the host "caliber.az").
 */
export function normaliseHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** A host name as a site: normalised (see normaliseHost) and without a leading `www.`. */
export function siteHost(hostname: string): string {
  return normaliseHost(hostname).replace(/^www\./, '');
}

/**
 * "Same site", kept deliberately simple: the same host name, or one is the `www.` form of
 * the other. No public-suffix list: m.example.com and example.com count as different
 * sites, which only ever errs towards trusting less.
 */
export function isSameSite(a: URL, b: URL): boolean {
  return siteHost(a.hostname) === siteHost(b.hostname);
}

/**
 * A canonical URL candidate is accepted when it is an http(s) URL on the page's own site;
 * the fragment is dropped. Null otherwise, so that the next candidate is tried.
 */
export function acceptCanonicalUrl(raw: unknown, pageUrl: URL): string | null {
  const resolved = resolveHttpUrl(raw, pageUrl);
  if (resolved === null) return null;
  const url = new URL(resolved);
  return isSameSite(url, pageUrl) ? withoutFragment(url) : null;
}

/**
 * A comparison key under which two links to the same page are equal: scheme, `www.`,
 * fragment, default ports and a trailing slash do not count.
 */
export function urlIdentity(value: string | URL): string | null {
  const url = parseHttpUrl(value);
  if (!url) return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `${siteHost(url.hostname)}${url.port ? `:${url.port}` : ''}${path}${url.search}`;
}
