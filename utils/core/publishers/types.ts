import type { SiteAdapter } from '../metadata/types';

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
