/**
 * `npm run test:e2e [-- chromium|firefox|server|editors ...]`: the end-to-end tests, one file at a
 * time, with node's own test runner. Needs `npm run build:all` first.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const started = Date.now();
// The editor matrix pastes into the bundled editor pages: build them first (skipped when
// up to date), so the build does not count against the suite's own timeouts.
if (files.some((f) => f.endsWith('editors.test.ts'))) {
  const { buildEditorPages } = await import('./editors/build.ts');
  await buildEditorPages();
}
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    ...extraArgs,
    ...files,
  ],
  { cwd: root, stdio: 'inherit' },
);
child.on('exit', (code, signal) => {
  console.log(`\ne2e: ${files.length} file(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code ?? (signal ? 1 : 0));
});
