import type { Badge } from '../core/republication/report';

/** The toolbar-button calls Linkback uses: `browser.action` (MV3) or `browser.browserAction` (MV2). */
export interface ActionApi {
  setTitle(details: { tabId: number; title: string }): Promise<void>;
  setIcon(details: { tabId: number; path: Record<string, string> }): Promise<void>;
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
}

/** Badge colours: attention for a missing link, calm for compliance. */
const BADGE_COLOURS = { '!': '#b42318', '✓': '#067647' } as const;

const ICON_SIZES = [16, 32, 48, 128] as const;

function iconSet(folder: string): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), `/${folder}/${size}.png`]));
}

export const IDLE_ICONS = iconSet('icon');
export const ARTICLE_ICONS = iconSet('icon-active');

/** The toolbar titles, in the interface language (the extension's messages.json). */
export interface ActionTitles {
  article(publisherName: string, title: string | null): string;
  reuse(badge: '!' | '✓', articles: number): string;
  idle(): string;
}

type GetMessage = (key: string, substitutions?: string[]) => string;

/** Titles from `browser.i18n.getMessage`, English when a message is missing. */
export function localisedTitles(getMessage: GetMessage): ActionTitles {
  const message = (key: string, fallback: string, ...substitutions: string[]) =>
    getMessage(key, substitutions) || fallback;
  return {
    article: (publisherName, title) =>
      title
        ? message(
            'actionArticleTitled',
            `Linkback: ${publisherName} article recognised — ${title}`,
            publisherName,
            title,
          )
        : message('actionArticle', `Linkback: ${publisherName} article recognised`, publisherName),
    reuse: (badge, articles) =>
      badge === '!'
        ? message(
            'actionReuseMissing',
            `Linkback: this page reuses ${articles} article(s) without the required link`,
            String(articles),
          )
        : message(
            'actionReuseLinked',
            `Linkback: this page reuses ${articles} article(s) and links back`,
            String(articles),
          ),
    idle: () => 'Linkback',
  };
}

/** Shows, per tab, whether the page is a recognised article: a coloured icon and a title that says so. */
export function createActionIndicator(
  action: ActionApi,
  titles: ActionTitles = localisedTitles(() => ''),
) {
  return {
    async showArticle(tabId: number, publisherName: string, title: string | null): Promise<void> {
      await Promise.all([
        action.setTitle({
          tabId,
          title: titles.article(publisherName, title?.slice(0, 120) ?? null),
        }),
        action.setIcon({ tabId, path: ARTICLE_ICONS }),
      ]);
    },
    /** "!" when reused text lacks the required link, "✓" when all of it links back, nothing otherwise. */
    async showReport(tabId: number, badge: Badge, articles: number): Promise<void> {
      await action.setBadgeText({ tabId, text: badge });
      if (badge) {
        await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOURS[badge] });
        await action.setTitle({ tabId, title: titles.reuse(badge, articles) });
      }
    },
    async showIdle(tabId: number): Promise<void> {
      await Promise.all([
        action.setTitle({ tabId, title: titles.idle() }),
        action.setIcon({ tabId, path: IDLE_ICONS }),
      ]);
    },
  };
}

export type ActionIndicator = ReturnType<typeof createActionIndicator>;
