/** A rule as `npm run inspect` prints it and as the popup lists it: the fields a person checks. */
import type { LinkTarget, ReuseRule, RulePlacement, RuleSource } from './types';

export interface ReuseRuleSummary {
  publisher: string | null;
  host: string | null;
  linkTo: LinkTarget;
  placement: RulePlacement;
  source: RuleSource;
  quote: string;
}

export function summariseReuseRule(rule: ReuseRule): ReuseRuleSummary {
  return {
    publisher: rule.publisher.name,
    host: rule.publisher.hosts[0] ?? null,
    linkTo: rule.linkTo,
    placement: rule.placement,
    source: rule.source,
    quote: rule.quote,
  };
}
