/**
 * The built-in publisher rules and lookups by URL. Lookups never throw: a bad or
 * non-http(s) URL simply has no rule.
 */
import { normaliseHost, parseHttpUrl } from '../url';
import { caliberRule } from './caliber';
import type { PublisherRule } from './types';

export const publisherRules: PublisherRule[] = [caliberRule];

/**
 * The rule whose hosts include the URL's host, or null. `rules` defaults to the
 * built-in list; callers pass their own to include user-adopted rules.
 */
export function findPublisherRule(
  url: string | URL,
  rules: readonly PublisherRule[] = publisherRules,
): PublisherRule | null {
  const parsed = parseHttpUrl(url);
  if (!parsed) return null;
  const host = normaliseHost(parsed.hostname);
  return rules.find((rule) => rule.hosts.includes(host)) ?? null;
}
