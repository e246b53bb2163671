/**
 * The built-in publishers (core/publishers) as reuse rules: their PublisherRule stays the
 * source of truth for site knowledge; this only restates its reuse terms in the rule model.
 */
import type { PublisherRule } from '../publishers/types';
import type { ReuseRule } from './types';

/** `language` picks the notice text quoted (falling back to English, then any). */
export function builtInReuseRule(publisher: PublisherRule, language = 'en'): ReuseRule {
  const quote =
    publisher.notice[language] ?? publisher.notice.en ?? Object.values(publisher.notice)[0] ?? '';
  return {
    publisher: { name: publisher.name, hosts: [...publisher.hosts] },
    linkTo: publisher.requiredLink,
    placement: publisher.placement,
    // Caliber.az's notice asks for a hyperlink: a plain mention does not satisfy it.
    activeLink: true,
    label: publisher.name,
    source: 'built-in',
    quote,
  };
}
