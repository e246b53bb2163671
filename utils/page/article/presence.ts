/**
 * Whether the article script runs in this frame. Content scripts of one extension share a
 * frame's isolated world (Chrome) or sandbox (Firefox), so a symbol on its global is seen by
 * the all-pages script, and never by the page.
 */
const ARTICLE_SCRIPT_HERE = Symbol.for('linkback.article-script');

type Marked = typeof globalThis & { [ARTICLE_SCRIPT_HERE]?: boolean };

export function isArticleScriptHere(): boolean {
  return (globalThis as Marked)[ARTICLE_SCRIPT_HERE] === true;
}

/** Marks the frame; the returned function unmarks it (the script invalidated or replaced). */
export function markArticleScriptHere(): () => void {
  (globalThis as Marked)[ARTICLE_SCRIPT_HERE] = true;
  return () => void ((globalThis as Marked)[ARTICLE_SCRIPT_HERE] = false);
}
