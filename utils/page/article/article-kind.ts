import type { ArticleMetadata } from '../../core/metadata/types';

/**
 * Whether a page with no site knowledge is an article rather than a home, section or search
 * page: it says so (og:type, a schema.org article body) or has what articles have (a
 * publication date and a headline). Built-in publishers answer from their URL patterns.
 */
export function looksLikeArticle(doc: Document, metadata: ArticleMetadata): boolean {
  const ogType = doc.head
    ?.querySelector('meta[property="og:type"]')
    ?.getAttribute('content')
    ?.toLowerCase();
  if (ogType === 'article') return true;
  if (ogType === 'website') return false;
  if (doc.querySelector('[itemprop="articleBody"]')) return true;
  return !!metadata.title && !!metadata.publishedAt;
}
