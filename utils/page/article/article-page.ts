import type { AttributionSource } from '../../core/attribution/format';
import { extractMetadata } from '../../core/metadata/extract';
import { drawLeadThumbnail } from './lead-thumbnail';
import type { BackgroundMessage } from '../../platform/messaging';
import type { ArticleState, ArticleView } from '../../core/records/article-state';
import { findPublisherRule } from '../../core/publishers';
import type { CopyContext } from '../copy/copy-handler';
import { findArticleBodies } from '../copy/copy-policy';

type ArticleRead = Omit<Extract<BackgroundMessage, { type: 'article:read' }>, 'type'>;

/**
 * What the article content script knows about its page, re-read when the URL changes
 * (the publisher's site navigates in-page) and cached otherwise: extraction is cheap
 * but copy handlers run often.
 */
export function createArticlePageModel(
  doc: Document = document,
  location: () => string = () => doc.location.href,
) {
  let cached: { url: string; state: ArticleState } | null = null;

  function read(): ArticleState {
    const url = location();
    if (cached?.url === url) return cached.state;
    const rule = findPublisherRule(url);
    const isArticle = !!rule && rule.isArticleUrl(new URL(url));
    const metadata = isArticle ? extractMetadata(doc, url, rule) : null;
    const state: ArticleState = {
      isArticle,
      url,
      metadata,
      publisher: rule
        ? {
            id: rule.id,
            name: rule.name,
            homeUrl: rule.homeUrl,
            notice:
              rule.notice[metadata?.language ?? 'en'] ??
              rule.notice.en ??
              Object.values(rule.notice)[0] ??
              '',
          }
        : null,
    };
    cached = { url, state };
    return state;
  }

  /** Forgets the cache: the page may have rendered more since. */
  function refresh(): ArticleState {
    cached = null;
    return read();
  }

  return {
    state: read,
    refresh,
    /**
     * What the popup shows, read afresh: the state and a thumbnail of the lead image, drawn
     * only when the popup asks (a canvas per page load would cost every reader).
     */
    view(): ArticleView {
      const state = refresh();
      const imageUrl = state.metadata?.imageUrl ?? null;
      return { ...state, thumbnail: drawLeadThumbnail(doc, imageUrl) };
    },
    /** The article's card and body text for the republication index, or null off an article. */
    readArticle(): ArticleRead | null {
      const state = read();
      const rule = findPublisherRule(state.url);
      if (!state.isArticle || !state.metadata || !rule) return null;
      const bodies = findArticleBodies(doc, rule.bodySelector);
      const bodyText = (bodies.length ? bodies : [doc.body])
        .map((element) => element?.textContent ?? '')
        .join('\n');
      const meta = state.metadata;
      return {
        article: {
          url: meta.canonicalUrl,
          title: meta.title,
          siteName: meta.siteName ?? rule.name,
          publisherId: rule.id,
          publishedAt: meta.publishedAt,
          language: meta.language,
          hosts: rule.hosts,
          requiredLink: rule.requiredLink,
          placement: rule.placement,
        },
        bodyText,
      };
    },
    copyContext(): CopyContext | null {
      const state = read();
      if (!state.isArticle || !state.metadata || !state.publisher) return null;
      const rule = findPublisherRule(state.url);
      const source: AttributionSource = {
        url: state.metadata.canonicalUrl,
        title: state.metadata.title,
        siteName: state.metadata.siteName ?? state.publisher.name,
        language: state.metadata.language,
      };
      return {
        source,
        placement: rule?.placement ?? 'end',
        publisherId: state.publisher.id,
        bodySelector: rule?.bodySelector,
      };
    },
  };
}
