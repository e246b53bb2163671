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

const RULED_SITES_SCRIPT_ID = 'article-on-ruled-sites';

export interface RegistrationApi {
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<Array<{ id: string }>>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    updateContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
  };
}

interface RegisteredScript {
  id: string;
  js: string[];
  matches: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/** Loads the article script with every page matching `matches` (none: no registration). */
export async function registerArticleScript(
  api: RegistrationApi,
  matches: readonly string[],
): Promise<void> {
  const ids = [RULED_SITES_SCRIPT_ID];
  const registered = await api.scripting.getRegisteredContentScripts({ ids });
  if (!matches.length) {
    if (registered.length) await api.scripting.unregisterContentScripts({ ids });
    return;
  }
  const script: RegisteredScript = {
    id: RULED_SITES_SCRIPT_ID,
    js: [ARTICLE_SCRIPT_FILE],
    matches: [...matches],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
  if (registered.length) await api.scripting.updateContentScripts([script]);
  else await api.scripting.registerContentScripts([script]);
}
