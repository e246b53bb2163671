/** Returns `value` resolved against `base` as an absolute http(s) URL string, or null for any other scheme or garbage. */
export function toHttpUrl(value: string | null | undefined, base?: string): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/**
 * A comparison key under which two links to the same page are equal: scheme, `www.`,
 * fragment, default ports and a trailing slash do not count.
 */
export function urlIdentity(value: string): string | null {
  const href = toHttpUrl(value);
  if (!href) return null;
  const url = new URL(href);
  const host = url.hostname.replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${url.port ? `:${url.port}` : ''}${path}${url.search}`;
}
