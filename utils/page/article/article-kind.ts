import type { ArticleMetadata } from '../../core/metadata/types';

/**
 * Whether a page with no site knowledge is an article rather than a home, section or search
 * page: it says so (og:type, a schema.org article body) or has what articles have (a
 * headline with a publication date, or a headline inside an <article>). Built-in publishers
 * answer from their URL patterns.
 */
export function looksLikeArticle(doc: Document, metadata: ArticleMetadata): boolean {
  const ogType = doc.head
    ?.querySelector('meta[property="og:type"]')
    ?.getAttribute('content')
    ?.toLowerCase();
  if (ogType === 'article') return true;
  if (ogType === 'website') return false;
  if (doc.querySelector('[itemprop="articleBody"], [itemprop="headline"]')) return true;
  if (!metadata.title) return false;
  return !!metadata.publishedAt || !!doc.querySelector('article h1');
}
