/**
 * The editors the end-to-end suite pastes into are their own npm package (this folder's
 * package.json and package-lock.json), so that the root `npm ci` does not download them.
 * `ensureEditorsInstalled()` runs `npm ci` here when that install is missing or does not
 * match the committed lockfile, and prints why; otherwise it returns at once, silently.
 *
 * "Matches" compares the lockfile with the one npm wrote into node_modules/.package-lock.json
 * at the last install: every package at the same version, none extra, none missing (an
 * optional package absent from node_modules is fine: npm skips other platforms' binaries).
 * A changed lockfile (a pull, a branch switch, an upgrade) therefore reinstalls; mtimes are
 * not consulted.
 *
 * Called by build.ts before every build (so `npm run test:e2e`, `npm run test:e2e:oldest`,
 * the editor matrix run on its own and check.ts all get the editors), and by
 * `npm run typecheck:editors`. `tsx tests/e2e/editors/ensure-installed.ts` does it by hand.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const EDITORS_DIR = dirname(fileURLToPath(import.meta.url));
const LOCKFILE = join(EDITORS_DIR, 'package-lock.json');
const INSTALLED = join(EDITORS_DIR, 'node_modules', '.package-lock.json');

interface LockEntry {
  version?: string;
  optional?: boolean;
  link?: boolean;
}

function lockPackages(path: string): Record<string, LockEntry> {
  const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages?: Record<string, LockEntry> };
  const packages = { ...lock.packages };
  delete packages['']; // the package itself, only in package-lock.json
  return packages;
}

/** Why the installed editors do not match the lockfile, or undefined when they do. */
export function editorsInstallStale(): string | undefined {
  if (!existsSync(INSTALLED)) return 'not installed yet';
  const wanted = lockPackages(LOCKFILE);
  const installed = lockPackages(INSTALLED);
  for (const [path, entry] of Object.entries(wanted)) {
    const have = installed[path];
    if (!have) {
      if (entry.optional) continue;
      return `${path.replace(/^node_modules\//, '')} missing`;
    }
    if (have.version !== entry.version) {
      return `${path.replace(/^node_modules\//, '')} is ${have.version}, the lockfile says ${entry.version}`;
    }
  }
  for (const path of Object.keys(installed)) {
    if (!wanted[path]) return `${path.replace(/^node_modules\//, '')} is not in the lockfile`;
  }
  return undefined;
}

export function ensureEditorsInstalled(): void {
  const why = editorsInstallStale();
  if (!why) return;
  const where = relative(process.cwd(), EDITORS_DIR) || '.';
  console.log(`editors: ${why}: npm ci in ${where} (the test editors' own package)`);
  const started = performance.now();
  // --prefix as well as cwd: under `npm run`, npm_config_local_prefix names the repo root.
  const result = spawnSync('npm', ['ci', '--prefix', EDITORS_DIR, '--no-audit', '--no-fund'], {
    cwd: EDITORS_DIR,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`npm ci in ${where} failed (exit ${result.status ?? result.signal})`);
  }
  const still = editorsInstallStale();
  if (still)
    throw new Error(`npm ci in ${where} finished, but the install is still stale: ${still}`);
  console.log(`editors: installed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureEditorsInstalled();
  console.log('editors: node_modules matches package-lock.json');
}
