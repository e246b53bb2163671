/**
 * The rule in force on a page, from all its sources: the user's rule for the site wins, then a
 * built-in publisher's, then what the page itself says (licence markup or notice). This is
 * the one call the copy handler and the popup make; both pass what only they have (the
 * user's rules from storage, a real visibility check).
 */
import { primaryLanguageSubtag } from '../metadata/language';
import { detectReuseNotice } from '../notices/detect';
import type { VisibilityCheck } from '../notices/visible-text';
import type { PublisherRule } from '../publishers/types';
import { builtInReuseRule } from './built-in';
import type { ReuseFinding, ReuseRule } from './types';

export interface RuleSources {
  /** The user's rule for this site (source 'user'), or null: none set. */
  userRule?: ReuseRule | null;
  /** The built-in publisher whose hosts include the page's (findPublisherRule). */
  publisher?: PublisherRule | null;
  isVisible?: VisibilityCheck;
  /** The page's language as its metadata says (an SPA's <html lang> can be stale). */
  language?: string | null;
}

export function findRuleInForce(
  doc: Document,
  url: string,
  sources: RuleSources = {},
): ReuseFinding | null {
  if (sources.userRule) return { kind: 'rule', rule: sources.userRule };
  if (sources.publisher) {
    const language =
      sources.language ?? primaryLanguageSubtag(doc.documentElement.getAttribute('lang')) ?? 'en';
    return { kind: 'rule', rule: builtInReuseRule(sources.publisher, language) };
  }
  return detectReuseNotice(doc, { url, isVisible: sources.isVisible });
}
