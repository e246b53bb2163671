/**
 * Large input through the real paste path: a 1 MiB selection of an article whose page
 * strips the link, pasted with Control+v into a textarea and a contenteditable elsewhere.
 * What must hold: the text arrives whole (same length and words), once, with one
 * attribution after it, and the tab does not freeze (the time from Control+v to the text
 * being there is printed; a paste that does not arrive within 80 s fails, as the 70 s freeze
 * once seen would). How long Linkback's own tasks take is measured by `npm run bench`.
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
import { EDITORS_URL, hugeArticleUrl, startServer, type TestServer } from './server.ts';

const KIB = 1024;
const T = { timeout: 90_000 };

export function defineStressSuite(kind: BrowserKind): void {
  describe(`large pastes in ${kind}`, () => {
    let server: TestServer;
    let browser: ExtensionBrowser;
    let article: E2EPage;
    let editors: E2EPage;
    let articleUrl: string;
    let selection: ParagraphSelection;
    const timings: string[] = [];

    before(async () => {
      server = await startServer();
      browser = await launchWithExtension(kind, { serverHostPort: server.hostPort });
      article = await browser.newPage(hugeArticleUrl(KIB));
      articleUrl = await expectedArticleUrl(article);
      editors = await browser.newPage(EDITORS_URL);
      const paragraphs = await article.evaluate(
        () => document.querySelectorAll('.post_body p').length,
      );
      await setPageStripsCopies(article, true);
      selection = await selectParagraphs(article, 0, paragraphs - 1);
      assert.ok(selection.text.length >= KIB * 1024, `selected ${selection.text.length} chars`);
      await pressCopy(article);
      await waitForCopyRecord(browser, selection.text, 30_000);
    });

    after(async () => {
      console.log(`\n${kind}: ${timings.join('; ')}\n`);
      await browser?.close();
      await server?.close();
    });

    /** Pastes into `target` of `page` (emptied first); the text that arrived and the time it took. */
    async function timePaste(page: E2EPage, target: '#ta' | '#ce') {
      await page.evaluate(
        (a: { target: string }) => {
          const el = document.querySelector(a.target) as HTMLElement & { value?: string };
          if (a.target === '#ta') el.value = '';
          else el.innerHTML = '';
        },
        { target },
      );
      await page.bringToFront();
      const at = await elementCenter(page, target);
      assert.ok(at, `${target} is visible`);
      await page.click(at.x, at.y);
      // The click brings the page runtime; a paste this large is not held until it is in
      // (paste-hold.ts), so it comes a moment later, as from someone who clicked, then pasted.
      // Once, on CI's oldest Chromium, the runtime was not in yet at once.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const started = Date.now();
      await page.press('Control+v');
      const text = await page.waitFor(
        (a: { target: string; length: number }) => {
          const el = document.querySelector(a.target) as HTMLElement & { value?: string };
          const value = a.target === '#ta' ? (el.value ?? '') : el.innerText;
          return value.length >= a.length * 0.9 ? value : null;
        },
        { target, length: selection.text.length },
        { timeout: 80_000, message: `the 1 MiB paste never arrived in ${target}` },
      );
      return { text, elapsed: Date.now() - started };
    }

    for (const target of ['#ta', '#ce'] as const) {
      it(`${kind} › 1 MiB into ${target}: whole, once, attributed after it`, T, async () => {
        // The browser alone: the same fields on the publisher's own page.
        await article.evaluate(() => {
          const fields = document.createElement('div');
          fields.innerHTML =
            '<textarea id="ta"></textarea><div id="ce" contenteditable="true"></div>';
          document.body.prepend(fields);
        });
        const alone = await timePaste(article, target);
        await article.evaluate(() => document.getElementById('ta')?.parentElement?.remove());
        const { text, elapsed } = await timePaste(editors, target);
        timings.push(
          `1 MiB paste into ${target}: ${elapsed} ms (the browser alone: ${alone.elapsed} ms)`,
        );
        const expected = norm(selection.text);
        const got = norm(text);
        assert.equal(countOccurrences(got, expected), 1, 'the selection arrives once and whole');
        assert.equal(countOccurrences(got, articleUrl), 1, 'with one attribution');
        assert.ok(
          got.indexOf(articleUrl) > got.indexOf(expected),
          'the attribution follows the pasted text',
        );
      });
    }
  });
}
