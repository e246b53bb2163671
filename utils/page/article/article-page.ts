import type { AttributionSource } from '../../core/attribution/format';
import { extractMetadata } from '../../core/metadata/extract';
import { drawLeadThumbnail } from './lead-thumbnail';
import type { BackgroundMessage } from '../../platform/messaging';
import type { ArticleState, ArticleView } from '../../core/records/article-state';
import { MAX_READ_TEXT } from '../../core/paste-index/build';
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
            timeZone: rule.timeZone,
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
      const bodyText = boundedText(bodies.length ? bodies : [doc.body], MAX_READ_TEXT);
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

/**
 * The text of `elements`, joined by line breaks as their `textContent` would be, up to `limit`
 * characters: the indexes keep no more than that, and reading and sending all of a 10 MB page
 * took a quarter of a second on the main thread.
 */
function boundedText(elements: ReadonlyArray<Element | null>, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  for (const element of elements) {
    if (!element || length >= limit) continue;
    if (parts.length > 0) {
      parts.push('\n');
      length += 1;
    }
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && length < limit; node = walker.nextNode()) {
      const data = (node as Text).data;
      parts.push(data);
      length += data.length;
    }
  }
  return parts.join('').slice(0, limit);
}
