/**
 * Bundles every tests/e2e/editors/src/*.ts(x) page (not contract.ts, not lib/) with esbuild
 * into dist/<name>.js (+ dist/<name>.css when the editor imports CSS, + dist/assets/ for
 * fonts) and writes dist/<name>.html around it.
 *
 * The editors come from this folder's own package: `ensureEditorsInstalled()` runs `npm ci`
 * here first when node_modules is missing or does not match package-lock.json.
 *
 * Incremental: skipped when every output is newer than src/**, this file and the
 * installed packages (node_modules/.package-lock.json, rewritten by every install).
 * `tsx tests/e2e/editors/build.ts [--force]`.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ensureEditorsInstalled } from './ensure-installed.ts';

export const EDITORS_DIR = dirname(fileURLToPath(import.meta.url));
export const SRC_DIR = join(EDITORS_DIR, 'src');
export const DIST_DIR = join(EDITORS_DIR, 'dist');
const NOT_PAGES = new Set(['contract']);

/** The copy source every page carries next to the editor (outside #editor). */
export const SOURCE_HTML =
  '<p id="source">Pasted <b>bold</b> text with <a href="https://example.com/x">a link</a>.</p>';

export function editorPageNames(): string[] {
  return readdirSync(SRC_DIR)
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => basename(f, extname(f)))
    .filter((name) => !NOT_PAGES.has(name))
    .sort();
}

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isUpToDate(names: string[]): boolean {
  const inputs = Math.max(
    newestMtime(SRC_DIR),
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
    statSync(join(EDITORS_DIR, 'node_modules', '.package-lock.json')).mtimeMs,
  );
  for (const name of names) {
    for (const ext of ['.js', '.html']) {
      const out = join(DIST_DIR, name + ext);
      if (!existsSync(out) || statSync(out).mtimeMs < inputs) return false;
    }
  }
  return true;
}

function pageHtml(name: string, hasCss: boolean): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>Linkback e2e editor: ${name}</title>
${hasCss ? `    <link rel="stylesheet" href="${name}.css" />\n` : ''}    <style>
      body { font-family: sans-serif; margin: 16px; }
      #editor { width: 660px; min-height: 120px; }
      #editor textarea, #editor input { font: inherit; }
      .ce, .lexical-root, .slate-editable, .public-DraftEditor-content, .ProseMirror {
        min-height: 100px; border: 1px solid #888; padding: 4px; white-space: pre-wrap;
      }
      .cm-editor { border: 1px solid #888; min-height: 100px; }
      #source-box { margin-top: 24px; border-top: 1px solid #ccc; }
    </style>
  </head>
  <body>
    <h1>${name}</h1>
    <div id="editor"></div>
    <div id="source-box">${SOURCE_HTML}</div>
    <script type="module" src="${name}.js"></script>
  </body>
</html>
`;
}

export async function buildEditorPages(
  opts: { force?: boolean; quiet?: boolean } = {},
): Promise<string> {
  // Not quiet: an install takes a while, and says so.
  ensureEditorsInstalled();
  const started = performance.now();
  const log = (msg: string) => {
    if (!opts.quiet) console.log(msg);
  };
  const names = editorPageNames();
  if (!opts.force && isUpToDate(names)) {
    log(
      `editor pages up to date (${names.length} pages, ${Math.round(performance.now() - started)} ms)`,
    );
    return DIST_DIR;
  }
  rmSync(DIST_DIR, { recursive: true, force: true });
  mkdirSync(DIST_DIR, { recursive: true });
  const entryPoints = names.map((name) => {
    const ts = join(SRC_DIR, `${name}.ts`);
    return existsSync(ts) ? ts : join(SRC_DIR, `${name}.tsx`);
  });
  await build({
    entryPoints,
    outdir: DIST_DIR,
    entryNames: '[name]',
    assetNames: 'assets/[name]-[hash]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: false,
    sourcemap: false,
    jsx: 'automatic',
    // draft-js (via fbjs) reads `global`.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: {
      '.ttf': 'file',
      '.woff': 'file',
      '.woff2': 'file',
      '.svg': 'file',
      '.png': 'file',
      '.gif': 'file',
    },
    // The repo's eslint.config.js does not ignore this folder; keep `eslint .` quiet about bundles.
    banner: { js: '/* eslint-disable */' },
    logLevel: 'error',
  });
  for (const name of names) {
    writeFileSync(
      join(DIST_DIR, `${name}.html`),
      pageHtml(name, existsSync(join(DIST_DIR, `${name}.css`))),
    );
  }
  log(
    `built ${names.length} editor pages into ${DIST_DIR} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return DIST_DIR;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildEditorPages({ force: process.argv.includes('--force') });
}
