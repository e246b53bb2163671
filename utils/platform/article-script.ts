/**
 * The article script outside its manifest matches: injected into a frame on demand (the user
 * began a selection there, or opened the popup), so that any site's reuse rule is read
 * before a copy, and no page pays for it at load. Needs the `scripting` permission and host
 * access to the page (README, "Permissions").
 */

/** Where the build puts entrypoints/article.content.ts. */
export const ARTICLE_SCRIPT_FILE = '/content-scripts/article.js';

export interface ScriptingApi {
  scripting: {
    executeScript(injection: {
      target: { tabId: number; frameIds?: number[] };
      files: string[];
    }): Promise<unknown>;
  };
}

export async function injectArticleScript(
  api: ScriptingApi,
  tabId: number,
  frameId = 0,
): Promise<void> {
  await api.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    files: [ARTICLE_SCRIPT_FILE],
  });
}
