/**
 * URL rules for metadata: only absolute http(s) URLs are ever kept, and a canonical
 * URL is believed only when it stays on the page's own site.
 */
import { isSameSite, parseHttpUrl } from '../url';
import { MAX_LENGTH } from '../text/clean-text';

export { isSameSite } from '../url';

/** Parses without throwing; null for anything the URL parser rejects. */
export function parseUrl(raw: string | URL, base?: string | URL): URL | null {
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}

/**
 * Resolves `raw` against the page URL and returns it only if it is http(s).
 * Rejects javascript:, data:, blob:, file: and the like, and absurdly long values.
 */
export function resolveHttpUrl(raw: unknown, pageUrl: URL): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_LENGTH.url) return null;
  return parseHttpUrl(trimmed, pageUrl)?.href ?? null;
}

/** The URL as a link target: the same address without its #fragment. */
export function withoutFragment(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/**
 * A canonical candidate is accepted when it is an http(s) URL on the page's site;
 * the fragment is dropped. Returns null otherwise so the next candidate is tried.
 */
export function acceptCanonicalUrl(raw: unknown, pageUrl: URL): string | null {
  const resolved = resolveHttpUrl(raw, pageUrl);
  if (resolved === null) return null;
  const url = new URL(resolved);
  return isSameSite(url, pageUrl) ? withoutFragment(url) : null;
}
