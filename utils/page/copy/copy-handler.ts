import { hasAttribution } from '../../core/attribution/detect';
import { appendAttribution, type AttributionSource } from '../../core/attribution/format';
import { renderAttribution } from '../../core/attribution/template';
import { withTextFragment } from '../../core/attribution/text-fragment';
import type { NewCopyRecord } from '../../core/records/records';
import type { LinkPlacement } from '../../core/publishers/types';
import type { Settings } from '../../core/records/settings';
import { formatStyledCitation } from '../../core/attribution/citation-styles';
import type { RequestedCopy } from '../../platform/messaging';
import { decideCopy, findArticleBodies } from './copy-policy';
import { cleanSelectionHtml, serializeSelection, type SanitizeHtml } from './selection-html';

/** The article a copy comes from, as the content script knows it at copy time. */
export interface CopyContext {
  /** What the attribution links to and says: the article, or the site when its rule asks. */
  source: AttributionSource;
  /** The article's own canonical URL, which the copy record is filed under. */
  articleUrl: string;
  /** Where the rule puts the link; "any": where the user's setting says (after the text by default). */
  placement: LinkPlacement | 'any';
  publisherId: string;
  /** The publisher's selector for the article body, if it has one. */
  bodySelector?: string;
}

export interface CopyHandlerDeps {
  /**
   * Null when the page is not a recognised article (e.g. after in-page navigation).
   * `requested`: the user asked for the attribution, which any web page then has.
   */
  getContext(requested?: boolean): CopyContext | null;
  /**
   * What the user asked this copy to be, when it is one they asked for from the context menu
   * or the keyboard shortcut (taken once: the next copy is an ordinary one again).
   */
  takeRequest?(): RequestedCopy | null;
  getSettings(): Settings;
  /** The browser's interface language, for a label in it when the settings ask. */
  interfaceLanguage?(): string | null;
  sanitize: SanitizeHtml;
  onCopied(record: NewCopyRecord): void;
  onError?(error: unknown): void;
  now?(): number;
  doc?: Document;
}

/** The rule's placement, or the user's where the rule lets the link go anywhere. */
export function placementFor(context: CopyContext, settings: Settings): LinkPlacement {
  if (context.placement !== 'any') return context.placement;
  return settings.placement === 'start' ? 'start' : 'end';
}

/**
 * What the attribution names, as the settings shape it: the label's language, a link to the
 * passage. How it is written (Linkback's line or the user's template) is renderAttribution's.
 */
function attributionFor(
  context: CopyContext,
  settings: Settings,
  passage: string,
  interfaceLanguage: string | null,
): AttributionSource {
  const source = { ...context.source };
  if (settings.labelLanguage === 'interface' && interfaceLanguage) {
    source.language = interfaceLanguage;
  }
  if (settings.deepLink) source.url = withTextFragment(source.url, passage);
  return source;
}

/**
 * The `copy` listener for article pages. It only takes over the clipboard once both
 * flavours are fully built; any failure before that leaves the browser's own copy alone.
 */
export function createCopyHandler(deps: CopyHandlerDeps): (event: ClipboardEvent) => void {
  const doc = deps.doc ?? document;
  return (event) => {
    try {
      const request = deps.takeRequest?.() ?? null;
      if (!event.clipboardData) return;
      const settings = deps.getSettings();
      const context = deps.getContext(request !== null);
      if (!context) return;
      if (request && request !== 'attribution') {
        event.clipboardData.setData('text/plain', citationOf(context, request, deps));
        event.preventDefault();
        return;
      }
      const selection = doc.getSelection();
      const origin = event.composedPath?.()[0] ?? event.target;
      // Asked for, the attribution goes on whatever the length and mode settings say.
      const bodies = request ? [] : findArticleBodies(doc, context.bodySelector);
      const minWords = request ? 1 : settings.minWords;
      if (!decideCopy(selection, origin, minWords, bodies).attribute || !selection) return;
      const record = (plain: string, attributed: boolean) =>
        deps.onCopied({
          articleUrl: context.articleUrl,
          linkUrl: context.source.url === context.articleUrl ? undefined : context.source.url,
          placement: placementFor(context, settings),
          title: context.source.title ?? null,
          publisherId: context.publisherId,
          siteName: context.source.siteName ?? null,
          language: context.source.language,
          copiedAt: (deps.now ?? Date.now)(),
          text: plain,
          textLength: plain.length,
          attributed,
        });
      // A page that wrote its own clipboard data has decided, and copy mode may be off: the
      // copy is still recorded, so that pasting it elsewhere gets the link then.
      if (!request && (event.defaultPrevented || !settings.attributeOnCopy)) {
        record(selection.toString(), false);
        return;
      }

      const plain = selection.toString();
      const html = cleanSelectionHtml(
        serializeSelection(selection, doc),
        doc.baseURI,
        deps.sanitize,
        doc,
      );
      const alreadyLinked = hasAttribution({ plain, html }, context.source.url);
      if (!alreadyLinked) {
        const source = attributionFor(context, settings, plain, deps.interfaceLanguage?.() ?? null);
        const now = new Date((deps.now ?? Date.now)());
        const payload = appendAttribution(
          { plain, html },
          renderAttribution(source, settings.template, now),
          placementFor(context, settings),
        );
        event.clipboardData.setData('text/plain', payload.plain);
        event.clipboardData.setData('text/html', payload.html);
        event.preventDefault();
      }
      record(plain, !alreadyLinked);
    } catch (error) {
      deps.onError?.(error);
    }
  };
}

/** The page's citation in a reference-list style, dated today, in the interface's language. */
function citationOf(
  context: CopyContext,
  style: Exclude<RequestedCopy, 'attribution'>,
  deps: Pick<CopyHandlerDeps, 'interfaceLanguage' | 'now'>,
): string {
  const { source } = context;
  return formatStyledCitation(
    {
      url: context.articleUrl,
      title: source.title ?? null,
      authors: source.authors ?? [],
      siteName: source.siteName ?? null,
      publishedAt: source.publishedAt ?? null,
    },
    style,
    {
      accessed: new Date((deps.now ?? Date.now)()),
      locale: deps.interfaceLanguage?.() ?? undefined,
    },
  );
}
