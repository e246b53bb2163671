/**
 * Hostile pages against the paste path: each page of pages/hostile.html?attack=NAME turns
 * on Linkback in its own way before the user pastes (refuses scripted events, replaces or
 * freezes DOM constructors and prototypes, redefines `defaultPrevented`, requires Trusted
 * Types). Text copied from the article while the article page strips the link (so
 * Linkback cancels the paste and re-delivers it) is pasted with a real Control+v into a
 * textarea and a contenteditable on each. What must hold: the user's text arrives whole,
 * exactly once, with at most one attribution. Whether the link made it is reported too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  launchWithExtension,
  type BrowserKind,
  type E2EPage,
  type ExtensionBrowser,
} from './browsers.ts';
import {
  countOccurrences,
  elementCenter,
  expectedArticleUrl,
  pressCopy,
  selectParagraphs,
  setPageStripsCopies,
  type ParagraphSelection,
  norm,
  waitForCopyRecord,
} from './helpers.ts';
import { CALIBER_EN_URL, EDITOR_HOST, startServer, type TestServer } from './server.ts';

export const ATTACKS = [
  'none',
  'cancel-untrusted',
  'prevent-untrusted',
  'stop-propagation',
  'defaultprevented-true',
  'defaultprevented-false',
  'fake-constructors',
  'no-execcommand',
  'no-dispatch',
  'broken-dom',
  'frozen',
  'trusted-types',
] as const;

const TARGETS = ['#ta', '#ce'] as const;
const T = { timeout: 30_000 };

export function defineHostileSuite(kind: BrowserKind): void {
  describe(`hostile pages in ${kind}`, () => {
    let server: TestServer;
    let browser: ExtensionBrowser;
    let article: E2EPage;
    let page: E2EPage;
    let articleUrl: string;
    let selection: ParagraphSelection;
    const outcomes: string[] = [];
    let intact = 0;
    let linked = 0;

    before(async () => {
      server = await startServer();
      browser = await launchWithExtension(kind, { serverHostPort: server.hostPort });
      article = await browser.newPage(CALIBER_EN_URL);
      articleUrl = await expectedArticleUrl(article);
      page = await browser.newPage(`http://${EDITOR_HOST}/hostile.html?attack=none`);
      // The article page strips the link: Linkback must cancel the paste and deliver its own.
      await setPageStripsCopies(article, true);
      selection = await selectParagraphs(article);
      await pressCopy(article);
      await waitForCopyRecord(browser, selection.text);
    });

    after(async () => {
      console.log(
        `\n${kind}: pastes intact on hostile pages ${intact}/${outcomes.length}, ` +
          `with the link ${linked}/${outcomes.length}\n${outcomes.join('\n')}\n`,
      );
      await browser?.close();
      await server?.close();
    });

    for (const attack of ATTACKS) {
      for (const target of TARGETS) {
        it(`${kind} › ${attack} › ${target}: the paste arrives whole, once`, T, async () => {
          await page.goto(`http://${EDITOR_HOST}/hostile.html?attack=${attack}`);
          await page.waitFor(
            (a: { attack: string }) => document.documentElement.dataset.attack === a.attack,
            { attack },
            { message: `the ${attack} page did not set itself up` },
          );
          await page.bringToFront();
          const at = await elementCenter(page, target);
          assert.ok(at, `${target} is visible`);
          await page.click(at.x, at.y);
          await page.press('Control+v');
          const text = await page.waitFor(
            (a: { target: string }) => {
              const el = document.querySelector(a.target) as HTMLElement & { value?: string };
              const value = a.target === '#ta' ? (el.value ?? '') : el.innerText;
              return value.trim() ? value : null;
            },
            { target },
            { timeout: 5000, message: `nothing arrived in ${target} on the ${attack} page` },
          );
          const withLink = countOccurrences(text, articleUrl);
          outcomes.push(`  ${attack} ${target}: ${withLink ? 'text + link' : 'text only'}`);
          const expected = norm(selection.text);
          const got = norm(text);
          assert.equal(
            countOccurrences(got, expected),
            1,
            `the selection arrives once and whole: ${got.slice(0, 200)} … ${got.slice(-200)}`,
          );
          assert.ok(withLink <= 1, `at most one attribution: ${got.slice(-300)}`);
          assert.equal(
            got.replace(expected, '').trim(),
            withLink ? `Source: ${articleUrl}` : '',
            'nothing but the text and at most one Source line',
          );
          intact++;
          if (withLink) linked++;
        });
      }
    }
  });
}
