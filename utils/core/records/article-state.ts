import type { ArticleMetadata } from '../metadata/types';
import type { LeadThumbnail } from '../metadata/thumbnail';
import type { SiteTimeZone } from '../publishers/types';
import type { SiteRuleStatus } from '../rules/site-choice';

/** What the popup needs to know about a publisher: a built-in one, or the site a rule names. */
export interface PublisherSummary {
  /** A built-in publisher's id, else the site's host. */
  id: string;
  name: string;
  /** The rule's text as the site states it. */
  notice: string;
  homeUrl: string;
  /** The zone the site's times are in (absent: show them in the user's own zone). */
  timeZone?: SiteTimeZone;
}

/** A tab's state, as its article content script reports it. */
export interface ArticleState {
  isArticle: boolean;
  url: string;
  metadata: ArticleMetadata | null;
  publisher: PublisherSummary | null;
  /** The reuse rule on the page's site and the user's word on it; null off the web. */
  rule: SiteRuleStatus | null;
}

/**
 * A tab's state as the popup shows it (the answer to `article:get`): with a thumbnail of the
 * lead image drawn from the page's own loaded copy, so the popup loads no image itself.
 */
export interface ArticleView extends ArticleState {
  thumbnail: LeadThumbnail | null;
}
