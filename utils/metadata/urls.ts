/**
 * URL rules for metadata: only absolute http(s) URLs are ever kept, and a canonical
 * URL is believed only when it stays on the page's own site.
 */
import { MAX_LENGTH } from './clean-text';

/** Parses without throwing; null for anything the URL parser rejects. */
export function parseUrl(raw: string | URL, base?: string | URL): URL | null {
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}

function isHttpUrl(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/**
 * Resolves `raw` against the page URL and returns it only if it is http(s).
 * Rejects javascript:, data:, blob:, file: and the like, and absurdly long values.
 */
export function resolveHttpUrl(raw: unknown, pageUrl: URL): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_LENGTH.url) return null;
  const url = parseUrl(trimmed, pageUrl);
  if (url === null || !isHttpUrl(url)) return null;
  return url.href;
}

/** The URL as a link target: the same address without its #fragment. */
export function withoutFragment(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

function hostWithoutWww(host: string): string {
  return host.replace(/\.$/, '').replace(/^www\./, '');
}

/**
 * "Same site", kept deliberately simple: the same host name, or one is the `www.`
 * form of the other. No public-suffix list: m.example.com and example.com count as
 * different sites, which only makes the canonical fall back to the page URL —
 * the safe direction.
 */
export function isSameSite(a: URL, b: URL): boolean {
  return hostWithoutWww(a.hostname.toLowerCase()) === hostWithoutWww(b.hostname.toLowerCase());
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
