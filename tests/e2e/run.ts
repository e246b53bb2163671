/**
 * `npm run test:e2e [-- chromium|firefox|server|editors ...]`: the end-to-end tests, two files
 * at a time (see CONCURRENCY), with node's own test runner. Needs `npm run build:all` first.
 * Prints the exact version and path of each browser the chosen files use, first and again in
 * the last line.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, findFirefox } from './browsers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const extraArgs = process.argv.slice(2).filter((a) => a.startsWith('-'));

const files = readdirSync(here)
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort((a, b) => (a.startsWith('server') ? -1 : b.startsWith('server') ? 1 : a.localeCompare(b)))
  .map((f) => relative(root, join(here, f)));

if (files.length === 0) {
  console.error(`No e2e test files match ${filters.join(', ')}`);
  process.exit(2);
}

/** Which browsers a test file launches: by its name; a file naming neither uses both. */
function browsersOf(file: string): Array<'chromium' | 'firefox'> {
  if (file.includes('server')) return [];
  if (file.includes('chromium')) return ['chromium'];
  if (file.includes('firefox')) return ['firefox'];
  return ['chromium', 'firefox'];
}

/** `Chromium 150.0.7871.100 (/path)`, from the binary's own `--version`. */
function describeBrowser(kind: 'chromium' | 'firefox'): string {
  const name = kind === 'chromium' ? 'Chromium' : 'Firefox';
  let path = '';
  try {
    path = kind === 'chromium' ? findChromium() : findFirefox();
    // Debian's /usr/bin/chromium wrapper may print a harmless shell warning on stderr.
    const out = execFileSync(path, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
    });
    const version = /\d+(?:\.\d+)+[a-z0-9]*/i.exec(out)?.[0];
    return `${name} ${version ?? `(unrecognised version: ${out.trim()})`} (${path})`;
  } catch (err) {
    const why = (err as Error).message.split('\n')[0];
    return `${name}: not usable${path ? ` (${path})` : ''}: ${why}`;
  }
}

const browsers = (['chromium', 'firefox'] as const)
  .filter((kind) => files.some((f) => browsersOf(f).includes(kind)))
  .map(describeBrowser);
for (const b of browsers) console.log(`e2e: ${b}`);

/**
 * Test files run two at a time: each launches its own browsers and server, and most of a
 * file's time is spent waiting on a browser, so two fit on a 2-core machine (the suite takes
 * about 3 minutes instead of 6). `E2E_CONCURRENCY=1` runs them one by one.
 */
const CONCURRENCY = Math.max(1, Number(process.env.E2E_CONCURRENCY) || 2);

const started = Date.now();
// The editor matrix (and the any-publisher suite) pastes into the bundled editor pages: build them first (skipped when
// up to date), so the build does not count against the suite's own timeouts. The build
// installs the editors' own package (tests/e2e/editors) first when it is missing or stale.
if (files.some((f) => f.endsWith('editors.test.ts') || f.endsWith('any-publisher.test.ts'))) {
  const { buildEditorPages } = await import('./editors/build.ts');
  await buildEditorPages();
}
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${CONCURRENCY}`,
    '--test-reporter=spec',
    ...extraArgs,
    ...files,
  ],
  { cwd: root, stdio: 'inherit' },
);
child.on('exit', (code, signal) => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const on = browsers.length > 0 ? ` on ${browsers.join(', ')}` : '';
  console.log(`\ne2e: ${files.length} file(s) in ${seconds} s${on}`);
  process.exit(code ?? (signal ? 1 : 0));
});
