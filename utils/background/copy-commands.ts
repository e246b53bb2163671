/**
 * "Copy with attribution" and "Copy citation" from the context menu, and the keyboard
 * shortcut for the first (the `commands` API, changeable in the browser's shortcut
 * settings). They work where a plain copy would not be attributed: copy mode off, a short
 * selection, a page that states no rule. The copy itself happens in the page's frame, in
 * the article script (entrypoints/article.content.ts), which writes the clipboard through
 * the copy event as for any copy.
 */
import { CITATION_STYLES } from '../core/attribution/citation-styles';
import type { RequestedCopy, TabMessage } from '../platform/messaging';

/** The manifest's command (wxt.config.ts). */
export const COPY_COMMAND = 'copy-with-attribution';

const MENU_COPY = 'linkback-copy-with-attribution';
const MENU_CITE = 'linkback-copy-citation';
const citeItem = (style: string) => `${MENU_CITE}-${style}`;

/** Web pages only: the article script cannot run anywhere else. */
const WEB_PAGES = ['http://*/*', 'https://*/*'];

export interface MenuItem {
  id: string;
  title: string;
  contexts: Array<'selection' | 'page'>;
  parentId?: string;
  documentUrlPatterns: string[];
}

export interface MenusApi {
  removeAll(): Promise<void>;
  create(item: MenuItem): unknown;
}

export type MenuTitle =
  | 'menuCopyWithAttribution'
  | 'menuCopyCitation'
  | 'copyCitationApa'
  | 'copyCitationMla'
  | 'copyCitationChicago';

const STYLE_TITLES: Record<(typeof CITATION_STYLES)[number], MenuTitle> = {
  apa: 'copyCitationApa',
  mla: 'copyCitationMla',
  chicago: 'copyCitationChicago',
};

/** The menu items, made afresh (they outlive the background, not an update). */
export async function createCopyMenus(
  menus: MenusApi,
  title: (key: MenuTitle) => string,
): Promise<void> {
  await menus.removeAll();
  const base = { documentUrlPatterns: WEB_PAGES };
  menus.create({
    ...base,
    id: MENU_COPY,
    title: title('menuCopyWithAttribution'),
    contexts: ['selection'],
  });
  menus.create({
    ...base,
    id: MENU_CITE,
    title: title('menuCopyCitation'),
    contexts: ['page', 'selection'],
  });
  for (const style of CITATION_STYLES) {
    menus.create({
      ...base,
      id: citeItem(style),
      parentId: MENU_CITE,
      title: title(STYLE_TITLES[style]),
      contexts: ['page', 'selection'],
    });
  }
}

/** What a click on one of Linkback's menu items asks for; null for any other item. */
export function menuRequest(menuItemId: string | number): RequestedCopy | null {
  if (menuItemId === MENU_COPY) return 'attribution';
  return CITATION_STYLES.find((style) => citeItem(style) === menuItemId) ?? null;
}

export interface CopyRequestDeps {
  /** Sends to one frame of the tab, or to all of them (the shortcut does not know which). */
  sendToFrames(tabId: number, message: TabMessage, frameId?: number): Promise<unknown>;
  injectArticleScript(tabId: number, frameId: number): Promise<void>;
}

/**
 * Asks the frame (the menu's) or every frame (the shortcut's) to copy. A frame the article
 * script is not in yet (a site never selected on) gets it first. True when a frame copied.
 */
export async function requestCopy(
  deps: CopyRequestDeps,
  tabId: number,
  frameId: number | undefined,
  style: RequestedCopy,
): Promise<boolean> {
  const message: TabMessage = { type: 'copy:requested', style };
  const ask = () =>
    deps.sendToFrames(tabId, message, frameId).then(
      (reply) => !!reply,
      () => false,
    );
  if (await ask()) return true;
  await deps.injectArticleScript(tabId, frameId ?? 0);
  return ask();
}
