/**
 * The user's word on a site, which outranks whatever the site says: Linkback off there, or a
 * rule of the user's own (link target, placement, label). Kept by host; the popup writes
 * it, the page runtime reads it at copy time, so a change applies in open tabs at once.
 */
import { normaliseHost, siteHost } from '../url';
import type { LinkTarget, ReuseFinding, ReuseRule } from './types';

/** Where the user's own rule puts the link: "any" is a publisher's leeway, not a choice. */
export type ChosenPlacement = 'start' | 'end';

export type SiteChoice =
  | { kind: 'off' }
  | { kind: 'rule'; linkTo: LinkTarget; placement: ChosenPlacement; label: string | null };

/** Host (lower case, no "www.") → the user's choice for it. */
export type SiteChoices = Record<string, SiteChoice>;

export const MAX_LABEL_LENGTH = 60;
/** A bound on what storage may hold: far more sites than anyone sets by hand. */
export const MAX_SITE_CHOICES = 2_000;

/** A host name as sites are kept: "example.com", "news.example.co.uk"; no scheme, port or path. */
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function isHostName(host: string): boolean {
  return HOST_NAME.test(host);
}

export function siteChoiceFor(choices: SiteChoices, host: string): SiteChoice | null {
  const key = siteHost(host);
  return Object.hasOwn(choices, key) ? (choices[key] ?? null) : null;
}

/** A label as the user typed it: trimmed, bounded; empty means "the default label". */
export function cleanLabel(label: string | null | undefined): string | null {
  const text = (label ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL_LENGTH);
  return text ? text : null;
}

function readChoice(stored: unknown): SiteChoice | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const entry = stored as Record<string, unknown>;
  if (entry.kind === 'off') return { kind: 'off' };
  if (
    entry.kind === 'rule' &&
    (entry.linkTo === 'article' || entry.linkTo === 'site') &&
    (entry.placement === 'start' || entry.placement === 'end') &&
    (entry.label === null || typeof entry.label === 'string')
  ) {
    return {
      kind: 'rule',
      linkTo: entry.linkTo,
      placement: entry.placement,
      label: cleanLabel(entry.label),
    };
  }
  return null;
}

/** Stored choices, checked entry by entry: a damaged entry is dropped and counted. */
export function checkSiteChoices(stored: unknown): { value: SiteChoices; dropped: number } {
  const value: SiteChoices = {};
  if (stored == null) return { value, dropped: 0 };
  if (typeof stored !== 'object' || Array.isArray(stored)) return { value, dropped: 1 };
  let dropped = 0;
  for (const [host, entry] of Object.entries(stored as Record<string, unknown>)) {
    const choice = readChoice(entry);
    const key = siteHost(host);
    if (!choice || !key || Object.keys(value).length >= MAX_SITE_CHOICES) dropped++;
    else value[key] = choice;
  }
  return { value, dropped };
}

/** The choices with `host` set to `choice`, or forgotten (null: back to what the site says). */
export function withSiteChoice(
  choices: SiteChoices,
  host: string,
  choice: SiteChoice | null,
): SiteChoices {
  const key = siteHost(host);
  const next = Object.fromEntries(Object.entries(choices).filter(([site]) => site !== key));
  if (choice) next[key] = choice;
  return next;
}

/**
 * The user's rule as a reuse rule: the site's own finding supplies the publisher's name and
 * the quote, so the popup can still show what the site says next to what the user chose.
 */
export function userReuseRule(
  choice: Extract<SiteChoice, { kind: 'rule' }>,
  host: string,
  found: ReuseFinding | null,
): ReuseRule {
  const siteRule = found?.kind === 'rule' ? found.rule : null;
  return {
    publisher: {
      name: siteRule?.publisher.name ?? null,
      hosts: siteRule?.publisher.hosts.length ? siteRule.publisher.hosts : [normaliseHost(host)],
    },
    linkTo: choice.linkTo,
    placement: choice.placement,
    activeLink: true,
    label: choice.label,
    source: 'user',
    quote: found?.kind === 'rule' ? found.rule.quote : (found?.quote ?? ''),
  };
}

/** What Linkback does on a site: the user's choice applied to what the site says. */
export interface SiteRuleStatus {
  host: string;
  /** What the site says (built-in knowledge, its notice or its licence), before the user's word. */
  found: ReuseFinding | null;
  choice: SiteChoice | null;
  /** The rule Linkback acts on; null when there is none or the user turned Linkback off here. */
  inForce: ReuseRule | null;
}

export function siteRuleStatus(
  host: string,
  found: ReuseFinding | null,
  choice: SiteChoice | null,
): SiteRuleStatus {
  let inForce: ReuseRule | null = null;
  if (choice?.kind === 'rule') inForce = userReuseRule(choice, host, found);
  else if (!choice && found?.kind === 'rule') inForce = found.rule;
  return { host: siteHost(host), found, choice, inForce };
}
