/** Parses `value` (against `base`) as an absolute http(s) URL; null for any other scheme or garbage. */
export function parseHttpUrl(
  value: string | URL | null | undefined,
  base?: string | URL,
): URL | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(typeof value === 'string' ? value.trim() : value, base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/** Returns `value` resolved against `base` as an absolute http(s) URL string, or null for any other scheme or garbage. */
export function toHttpUrl(value: string | null | undefined, base?: string): string | null {
  return parseHttpUrl(value, base)?.href ?? null;
}

/** A host name as a site: lower case, without a trailing dot or a leading `www.`. */
export function siteHost(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
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
 * A comparison key under which two links to the same page are equal: scheme, `www.`,
 * fragment, default ports and a trailing slash do not count.
 */
export function urlIdentity(value: string | URL): string | null {
  const url = parseHttpUrl(value);
  if (!url) return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `${siteHost(url.hostname)}${url.port ? `:${url.port}` : ''}${path}${url.search}`;
}
