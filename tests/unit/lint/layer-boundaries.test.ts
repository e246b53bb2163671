// @vitest-environment node
/**
 * The layer boundaries of eslint.config.js, fed real imports: each forbidden arrow fails
 * `npm run lint`, each allowed one passes. The files need not exist: ESLint picks the rules
 * by the path alone.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

/** The messages of the rules that enforce the layers, for `code` written at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    [
      'utils/core/url.ts',
      "import { storage } from '../platform/storage/items';",
      /core is browser-free/,
    ],
    ['utils/core/metadata/x.ts', "import { x } from '../../page/dom';", /core is browser-free/],
    [
      'utils/core/x.ts',
      "import { x } from '../background/handle-message';",
      /core is browser-free/,
    ],
    ['utils/core/x.ts', "import { x } from '../../components/PopupApp';", /core is browser-free/],
    ['utils/core/x.ts', "import { browser } from 'wxt/browser';", /core is browser-free/],
    ['utils/core/x.ts', "import { storage } from 'wxt/utils/storage';", /core is browser-free/],
    ['utils/core/x.ts', "import { openDB } from 'idb';", /core is browser-free/],
    ['utils/core/x.ts', 'export const id = browser.runtime.id;', /core is browser-free/],
    ['utils/core/x.ts', 'export const here = document.title;', /core is browser-free/],
    [
      'utils/background/x.ts',
      "import x from '../../entrypoints/background';",
      /nothing imports it/,
    ],
    ['tests/unit/x.test.ts', "import x from '../../entrypoints/content';", /nothing imports it/],
    ['components/X.tsx', "import { x } from '../utils/page/dom';", /the UI talks to pages/],
    ['components/X.tsx', "import { x } from '../utils/background/article-store';", /the UI talks/],
    ['utils/platform/x.ts', "import { x } from '../page/dom';", /imports only core/],
    ['utils/platform/x.ts', "import { x } from '../background/write-queue';", /imports only core/],
    ['utils/page/x.ts', "import { x } from '../background/write-queue';", /through messages/],
    ['utils/background/x.ts', "import { x } from '../page/dom';", /through messages/],
    ['utils/page/paste/x.ts', "import { x } from '../../platform/storage/items';", /page-values/],
    [
      'entrypoints/x.content.ts',
      "import { x } from '../utils/platform/storage/items';",
      /page-values/,
    ],
  ])('%s: %s fails lint', async (filePath, code, why) => {
    const errors = await boundaryErrors(filePath, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(why);
  });

  it.each([
    ['utils/core/attribution/x.ts', "import { toHttpUrl } from '../url';"],
    ['utils/core/x.ts', 'export const read = (doc: Document) => doc.title;'],
    ['utils/platform/x.ts', "import type { CopyRecord } from '../core/records/records';"],
    ['utils/platform/x.ts', "import { storage } from 'wxt/utils/storage';"],
    ['utils/page/x.ts', "import { watchedValue } from '../platform/storage/page-values';"],
    ['utils/page/x.ts', "import { toHttpUrl } from '../core/url';"],
    ['utils/background/x.ts', "import { sendToTab } from '../platform/messaging';"],
    ['components/X.tsx', "import { settingsItem } from '../utils/platform/storage/items';"],
    ['entrypoints/background.ts', "import { x } from '../utils/background/handle-message';"],
    ['entrypoints/content.ts', "import { x } from '../utils/page/paste/paste-guard';"],
    ['tests/unit/x.test.ts', "import { x } from '../../utils/page/dom';"],
  ])('%s: %s passes', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});
