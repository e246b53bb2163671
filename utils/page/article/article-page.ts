import type { AttributionSource } from '../../core/attribution/format';
import { extractMetadata } from '../../core/metadata/extract';
import { drawLeadThumbnail } from './lead-thumbnail';
import type { BackgroundMessage } from '../../platform/messaging';
import type { ArticleState, ArticleView, PublisherSummary } from '../../core/records/article-state';
import { MAX_READ_TEXT } from '../../core/paste-index/build';
import { findPublisherRule } from '../../core/publishers';
import type { PublisherRule } from '../../core/publishers/types';
import type { VisibilityCheck } from '../../core/notices/visible-text';
import { findRuleInForce } from '../../core/rules/rule-in-force';
import { siteChoiceFor, siteRuleStatus, type SiteChoices } from '../../core/rules/site-choice';
import type { ReuseFinding, ReuseRule } from '../../core/rules/types';
import { normaliseHost, parseHttpUrl, toHttpUrl } from '../../core/url';
import type { CopyContext } from '../copy/copy-handler';
import { findArticleBodies } from '../copy/copy-policy';
import { looksLikeArticle } from './article-kind';

type ArticleRead = Omit<Extract<BackgroundMessage, { type: 'article:read' }>, 'type'>;

export interface ArticlePageOptions {
  /** The user's word on each site, as it is now: read at every use, so a change applies at once. */
  siteChoices?: () => SiteChoices;
  /** A real visibility check for notice detection (computed style); markup only without it. */
  isVisible?: VisibilityCheck;
}

/** A built-in publisher as the popup and the badge name it; else the site the rule names. */
function publisherSummary(
  publisher: PublisherRule | null,
  rule: ReuseRule | null,
  url: URL,
  siteName: string | null,
): PublisherSummary | null {
  if (publisher) {
    return {
      id: publisher.id,
      name: publisher.name,
      homeUrl: publisher.homeUrl,
      timeZone: publisher.timeZone,
      notice: rule?.quote ?? '',
    };
  }
  if (!rule) return null;
  return {
    id: url.hostname,
    // The site's own name ("Вести Прикаспия") reads better than the host a notice names.
    name: siteName ?? rule.publisher.name ?? url.hostname,
    homeUrl: `${url.origin}/`,
    notice: rule.quote,
  };
}

/**
 * What the article content script knows about its page, re-read when the URL changes
 * (sites navigate in-page) and cached otherwise: extraction is cheap but copy handlers run
 * often. On a built-in publisher's site the publisher's knowledge applies; on any other site
 * the page's own notice or licence, read once per URL, and on every site the user's word.
 */
export function createArticlePageModel(
  doc: Document = document,
  location: () => string = () => doc.location.href,
  options: ArticlePageOptions = {},
) {
  let cached: {
    url: string;
    publisher: PublisherRule | null;
    found: ReuseFinding | null;
    base: Omit<ArticleState, 'rule' | 'publisher'>;
  } | null = null;

  function readPage() {
    const url = location();
    if (cached?.url === url) return cached;
    const publisher = findPublisherRule(url);
    const parsed = parseHttpUrl(url);
    // Every article page's card, so the popup is right on any site; no card off the web.
    const metadata = parsed ? extractMetadata(doc, url, publisher ?? undefined) : null;
    const isArticle =
      !!metadata &&
      !!parsed &&
      (publisher ? publisher.isArticleUrl(parsed) : looksLikeArticle(doc, metadata));
    const found = parsed
      ? findRuleInForce(doc, url, {
          publisher,
          isVisible: options.isVisible,
          language: metadata?.language,
        })
      : null;
    cached = { url, publisher, found, base: { isArticle, url, metadata } };
    return cached;
  }

  function read(): ArticleState {
    const { url, publisher, found, base } = readPage();
    const parsed = parseHttpUrl(url);
    if (!parsed) return { ...base, publisher: null, rule: null };
    const choice = siteChoiceFor(options.siteChoices?.() ?? {}, parsed.hostname);
    const rule = siteRuleStatus(parsed.hostname, found, choice);
    const named = rule.inForce ?? (found?.kind === 'rule' ? found.rule : null);
    const summary = publisherSummary(publisher, named, parsed, base.metadata?.siteName ?? null);
    return { ...base, publisher: summary, rule };
  }

  /** Forgets the cache: the page may have rendered more since. */
  function refresh(): ArticleState {
    cached = null;
    return read();
  }

  /**
   * Where the attribution of a copy from this page links. The article, always, unless the
   * user chose the site: a link to the article is a link to the site too, so it meets a
   * notice that asks for either, and it takes the reader to the text itself.
   */
  function linkUrl(state: ArticleState, rule: ReuseRule): string | null {
    if (!state.metadata) return null;
    if (rule.linkTo === 'site' && rule.source === 'user' && state.publisher) {
      return state.publisher.homeUrl;
    }
    return state.metadata.canonicalUrl;
  }

  /** The user's own request on a page without a rule in force: the page, linked plainly. */
  function requestedContext(state: ArticleState): CopyContext | null {
    const meta = state.metadata;
    const url = toHttpUrl(meta?.canonicalUrl ?? state.url);
    const host = parseHttpUrl(state.url)?.hostname;
    if (!url || !host) return null;
    return {
      source: {
        url,
        title: meta?.title ?? null,
        siteName: meta?.siteName ?? state.publisher?.name ?? null,
        authors: meta?.authors ?? [],
        publishedAt: meta?.publishedAt ?? null,
        language: meta?.language ?? null,
      },
      articleUrl: url,
      placement: 'any',
      publisherId: state.publisher?.id ?? normaliseHost(host),
    };
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
      const rule = state.rule?.inForce;
      const meta = state.metadata;
      const host = state.rule?.host;
      if (!state.isArticle || !meta || !rule || !state.publisher || !host) return null;
      const bodies = findArticleBodies(doc, readPage().publisher?.bodySelector);
      const bodyText = boundedText(bodies.length ? bodies : [doc.body], MAX_READ_TEXT);
      return {
        article: {
          url: meta.canonicalUrl,
          title: meta.title,
          siteName: meta.siteName ?? state.publisher.name,
          publisherId: state.publisher.id,
          publishedAt: meta.publishedAt,
          language: meta.language,
          hosts: rule.publisher.hosts.length ? rule.publisher.hosts : [host],
          requiredLink: rule.linkTo,
          placement: rule.placement === 'start' ? 'start' : 'end',
        },
        bodyText,
      };
    },
    /**
     * What a copy from this page is attributed with; null where no rule is in force. When
     * the user asks for the attribution ("Copy with attribution"), any web page has one:
     * the site's rule where it states one, else a link to the page itself, after the text.
     */
    copyContext(requested = false): CopyContext | null {
      const state = read();
      const rule = state.rule?.inForce;
      const meta = state.metadata;
      if (requested && !(state.isArticle && rule && meta && state.publisher)) {
        return requestedContext(state);
      }
      // A home or section page is no article to link: its copies stay as they are.
      if (!state.isArticle || !rule || !meta || !state.publisher) return null;
      const url = linkUrl(state, rule);
      if (!url) return null;
      const source: AttributionSource = {
        url,
        title: meta.title,
        siteName: meta.siteName ?? state.publisher.name,
        authors: meta.authors,
        publishedAt: meta.publishedAt,
        language: meta.language,
        // A notice's "label" is the name it gives the publisher; only the user's replaces "Source".
        label: rule.source === 'user' ? rule.label : null,
        licence: rule.licence
          ? {
              name: rule.licence.name,
              url: rule.licence.url,
              authors: meta.authors,
              creditText: rule.licence.creditText,
            }
          : null,
      };
      return {
        source,
        articleUrl: meta.canonicalUrl,
        // "Anywhere": the user's setting decides (after the text by default).
        placement: rule.placement,
        publisherId: state.publisher.id,
        bodySelector: readPage().publisher?.bodySelector,
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
