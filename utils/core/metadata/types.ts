/** What Linkback knows about an article page. Every field degrades on its own: null (or []) means "not found". */
export interface ArticleMetadata {
  /** The page's own URL, as given to the extractor. */
  url: string;
  /**
   * The URL to link to: the page's canonical URL when it is http(s) and on the same
   * site as the page, otherwise the page URL (without its fragment).
   */
  canonicalUrl: string;
  title: string | null;
  authors: string[];
  /** ISO 8601 with offset, e.g. "2025-12-02T09:19:00+04:00". */
  publishedAt: string | null;
  /** The publication date as the page shows it, e.g. "02 December 2025 09:19". */
  publishedText: string | null;
  modifiedAt: string | null;
  category: string | null;
  views: number | null;
  /** Primary language subtag, lower case: "en", "ru", "az", … */
  language: string | null;
  siteName: string | null;
  /** Absolute http(s) URL of the lead image. */
  imageUrl: string | null;
  description: string | null;
  /** Which layer supplied each field (json-ld, open-graph, meta, dublin-core, time, dom, site adapter id, url). */
  sources: Partial<Record<MetadataField, string>>;
}

export type MetadataField =
  | 'canonicalUrl'
  | 'title'
  | 'authors'
  | 'publishedAt'
  | 'publishedText'
  | 'modifiedAt'
  | 'category'
  | 'views'
  | 'language'
  | 'siteName'
  | 'imageUrl'
  | 'description';

/**
 * What the extractor needs of a site adapter (a publisher rule is one; see
 * core/publishers/types.ts): metadata does not depend on publishers, publishers build on it.
 */
export interface SiteAdapter {
  /** Recorded in `sources` for the fields the adapter supplied, unless it names its own. */
  id: string;
  /**
   * Fills what only this site's DOM and text carry. Receives what the generic layers found
   * and returns only the fields it could improve.
   */
  adaptMetadata?(doc: Document, url: URL, found: ArticleMetadata): Partial<ArticleMetadata>;
}
