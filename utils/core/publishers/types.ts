import type { SiteAdapter } from '../metadata/types';

/** The time zone a site gives its times in, and how the popup names it (by interface language). */
export interface SiteTimeZone {
  /** IANA name, e.g. "Asia/Baku". */
  id: string;
  /** Key: language subtag ("en", "ru", "az"); English when the interface language has none. */
  label: Record<string, string>;
}

/** Where a publisher wants the link placed relative to the reused text. */
export type LinkPlacement = 'start' | 'end';

/** A publisher's reuse rule plus what Linkback knows about its site. */
export interface PublisherRule extends SiteAdapter {
  /** Stable id, e.g. "caliber". */
  id: string;
  /** Display name, e.g. "Caliber.az". */
  name: string;
  /** Host names the rule covers (exact match, lower case), e.g. ["caliber.az", "www.caliber.az"]. */
  hosts: string[];
  /** Publisher's home page, used when a link to the site itself is enough. */
  homeUrl: string;
  /** The publisher's notice, verbatim, in the site's languages (key: language subtag). */
  notice: Record<string, string>;
  /** The zone the site's own times are in; without one, times are shown in the user's zone. */
  timeZone?: SiteTimeZone;
  /** Where the link must go. */
  placement: LinkPlacement;
  /** What satisfies the rule when text is republished: a link to the article, or any link to the site. */
  requiredLink: 'article' | 'site';
  /**
   * The article's body text on its pages. Copies are attributed only when they take text
   * from it, so a headline, a byline or the footer copies clean.
   */
  bodySelector?: string;
  /** True when `url` (absolute) is an article page of this publisher, not home/category/search/etc. */
  isArticleUrl(url: URL): boolean;
}
