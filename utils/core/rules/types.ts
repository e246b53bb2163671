/**
 * The reuse rule: what a publisher asks of whoever reuses its text, in one shape whatever
 * its source — shipped in the code, read from the page's notice, read from licence markup,
 * or set by the user. Every rule carries its source and the text it was read from, so the
 * popup can show why it is in force.
 */

/** What the link must point to: the article itself, or any page of the site. */
export type LinkTarget = 'article' | 'site';

/** Where the link goes relative to the reused text. */
export type RulePlacement = 'start' | 'end' | 'any';

export type RuleSource = 'built-in' | 'notice' | 'license' | 'user';

/** A machine-readable licence (Creative Commons' "TASL": title, author, source, licence). */
export interface LicenceCredit {
  /** "CC BY 4.0", "CC BY-SA 3.0"; null when the page names a licence that is not CC. */
  name: string | null;
  /** The licence deed URL as the page gives it. */
  url: string | null;
  /** schema.org creditText: how the publisher wants to be credited, verbatim. */
  creditText: string | null;
}

export interface ReuseRule {
  publisher: {
    /** Display name as the notice gives it ("Report", "Caliber.az"); null when it names none. */
    name: string | null;
    /** Host names, lower case; [] when neither the notice nor the page URL gives one. */
    hosts: string[];
  };
  linkTo: LinkTarget;
  placement: RulePlacement;
  /** The notice asks for an active (clickable, indexable) link, not just a mention. */
  activeLink: boolean;
  /** The attribution label to show with the link; null: the caller's default (site name). */
  label: string | null;
  source: RuleSource;
  /** The text the rule was read from, as found (whitespace collapsed). */
  quote: string;
  /** Only for `license` rules. */
  licence?: LicenceCredit;
}

/**
 * What a page says about reuse. "reprint-forbidden" is a finding of its own, distinct from
 * finding nothing: the popup says "this site forbids reprinting" rather than "no rule".
 */
export type ReuseFinding =
  { kind: 'rule'; rule: ReuseRule } | { kind: 'reprint-forbidden'; quote: string };
