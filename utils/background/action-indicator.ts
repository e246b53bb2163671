/** The toolbar-button calls Linkback uses: `browser.action` (MV3) or `browser.browserAction` (MV2). */
export interface ActionApi {
  setTitle(details: { tabId: number; title: string }): Promise<void>;
  setIcon(details: { tabId: number; path: Record<string, string> }): Promise<void>;
}

const ICON_SIZES = [16, 32, 48, 128] as const;

function iconSet(folder: string): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), `/${folder}/${size}.png`]));
}

export const IDLE_ICONS = iconSet('icon');
export const ARTICLE_ICONS = iconSet('icon-active');

/** Shows, per tab, whether the page is a recognised article: a coloured icon and a title that says so. */
export function createActionIndicator(action: ActionApi) {
  return {
    async showArticle(tabId: number, publisherName: string, title: string | null): Promise<void> {
      const name = title ? ` — ${title.slice(0, 120)}` : '';
      await Promise.all([
        action.setTitle({ tabId, title: `Linkback: ${publisherName} article recognised${name}` }),
        action.setIcon({ tabId, path: ARTICLE_ICONS }),
      ]);
    },
    async showIdle(tabId: number): Promise<void> {
      await Promise.all([
        action.setTitle({ tabId, title: 'Linkback' }),
        action.setIcon({ tabId, path: IDLE_ICONS }),
      ]);
    },
  };
}

export type ActionIndicator = ReturnType<typeof createActionIndicator>;
