/**
 * Huge and pathological pages (pathological-pages.ts), in a real browser with the built
 * extension: a 10 MB page of 100,000 paragraphs, 50,000 nested elements, 200 iframes, and
 * article pages with a 5 MB JSON-LD block, JSON-LD nested 10,000 deep and a 1 MB title.
 * What must hold, as the user sees it: the popup still opens and answers for the tab; a
 * paste of stripped article text lands whole with its link, in the page and in its frames
 * (same-origin and cross-origin);
 * on the article pages the copy is recorded. How long Linkback's tasks take on these pages
 * is the benchmark's business (tests/bench/huge-pages.ts), not an assertion here.
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
  eventually,
  expectedArticleUrl,
  norm,
  pressCopy,
  selectParagraphs,
  setPageStripsCopies,
  storedPasteRecords,
  waitForCopyRecord,
  type ParagraphSelection,
} from './helpers.ts';
import {
  ARTICLE_PATHOLOGICAL_PAGES,
  FRAMES_HOST,
  GENERIC_PATHOLOGICAL_PAGES,
  articlePathologicalUrl,
  genericPathologicalUrl,
  type ArticlePathologicalPage,
  type GenericPathologicalPage,
} from './pathological-pages.ts';
import { CALIBER_EN_URL, startServer, type TestServer } from './server.ts';

const T = { timeout: 120_000 };

/** Opens the popup for the tab showing `url` and waits until it shows `selector`, and no error. */
async function popupShows(browser: ExtensionBrowser, url: string, selector: string) {
  const popup = await browser.openPopup(await browser.findTabId(url, { timeout: 30_000 }));
  try {
    await popup.waitFor(
      (a: { selector: string }) => !!document.querySelector(a.selector),
      {
        selector,
      },
      { timeout: 30_000, message: `the popup never showed ${selector} for ${url}` },
    );
    const error = await popup.evaluate(
      () => document.querySelector('[role="alert"]')?.textContent ?? null,
    );
    assert.equal(error, null, 'the popup shows no error');
  } finally {
    await popup.close();
  }
}

/** Where a frame's text field is on the page: the frame's box plus the field's box inside it. */
function frameFieldCenter(page: E2EPage, frameIndex: number) {
  return page.evaluate(
    (a: { frameIndex: number }) => {
      const frames = document.querySelectorAll('iframe');
      const frame = frames[a.frameIndex]!;
      frame.scrollIntoView({ block: 'center' });
      const box = frame.getBoundingClientRect();
      // Frames on the other origin cannot be read: every frame has the same layout as frame 0.
      const field = (frames[0]!.contentDocument as Document).querySelector('textarea')!;
      const inner = field.getBoundingClientRect();
      return { x: box.left + inner.left + 10, y: box.top + inner.top + inner.height / 2 };
    },
    { frameIndex },
  );
}

export function definePathologicalSuite(kind: BrowserKind): void {
  describe(`huge and pathological pages in ${kind}`, () => {
    let server: TestServer;
    let browser: ExtensionBrowser;
    let article: E2EPage;
    let articleUrl: string;
    let stripped: ParagraphSelection;

    before(async () => {
      server = await startServer();
      browser = await launchWithExtension(kind, { serverHostPort: server.hostPort });
      article = await browser.newPage(CALIBER_EN_URL);
      articleUrl = await expectedArticleUrl(article);
      await setPageStripsCopies(article, true);
      stripped = await selectParagraphs(article, 1, 2);
      await pressCopy(article);
      await waitForCopyRecord(browser, stripped.text);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Clicks at `at`, pastes, and returns what `read` finds in the page once something landed. */
    async function pasteAt(page: E2EPage, at: { x: number; y: number }, read: () => string | null) {
      await page.bringToFront();
      // As a person would: the notice of the paste before goes with a key (its buttons may
      // cover the spot the test clicks next).
      await page.press('Escape');
      await page.click(at.x, at.y);
      await page.press('Control+v');
      return page.waitFor(read, undefined, { timeout: 30_000, message: 'nothing was pasted' });
    }

    function assertWholeAndLinked(value: string) {
      assert.equal(countOccurrences(norm(value), norm(stripped.text)), 1, 'the text, whole, once');
      assert.equal(countOccurrences(value, articleUrl), 1, 'with one link');
    }

    for (const name of Object.keys(GENERIC_PATHOLOGICAL_PAGES) as GenericPathologicalPage[]) {
      it(`${kind} › ${name}: the popup answers; a paste lands whole with its link`, T, async () => {
        const url = genericPathologicalUrl(name);
        const page = await browser.newPage(url);
        try {
          if (name.startsWith('nested-')) {
            await page.waitFor(() => document.documentElement.dataset.built === 'yes');
          }
          const at = await elementCenter(page, '#ta');
          assert.ok(at, 'the comment box is on screen');
          const value = await pasteAt(
            page,
            at,
            () => (document.getElementById('ta') as HTMLTextAreaElement).value || null,
          );
          assertWholeAndLinked(value);
          if (name === 'iframes-200') await pasteIntoFrames(page);
          await popupShows(browser, url, '[data-testid="not-article"]');
        } finally {
          await page.close();
        }
      });
    }

    /** Pastes into a same-origin and a cross-origin frame of the 200-frame page. */
    async function pasteIntoFrames(page: E2EPage) {
      await page.waitFor(() => {
        const frame = document.querySelector('iframe');
        return frame?.contentDocument?.querySelector('textarea') ? true : null;
      });
      const startedAt = Date.now();
      const value = await pasteAt(page, await frameFieldCenter(page, 0), () => {
        const frame = document.querySelector('iframe')!;
        return frame.contentDocument?.querySelector('textarea')?.value || null;
      });
      assertWholeAndLinked(value);

      // The cross-origin frame cannot be read from the page: its paste record says what landed.
      // Its record is told apart by its origin: the first paste's may still be on its way.
      const crossOrigin = await frameFieldCenter(page, 1);
      await page.press('Escape');
      await page.click(crossOrigin.x, crossOrigin.y);
      await page.press('Control+v');
      const latest = await eventually(async () => {
        const records = await storedPasteRecords(browser);
        return records.find(
          (record) =>
            record.destinationOrigin === `http://${FRAMES_HOST}` && record.pastedAt >= startedAt,
        );
      }, 'the paste in the cross-origin frame was never recorded');
      assert.equal(latest?.added, true, 'Linkback added the link there');
    }

    for (const name of Object.keys(ARTICLE_PATHOLOGICAL_PAGES) as ArticlePathologicalPage[]) {
      it(`${kind} › ${name}: the popup shows the article; a copy is recorded`, T, async () => {
        const url = articlePathologicalUrl(name);
        const page = await browser.newPage(url);
        try {
          await popupShows(browser, url, '[data-testid="metadata-card"]');
          const selection = await selectParagraphs(page, 3, 3);
          await pressCopy(page);
          await waitForCopyRecord(browser, selection.text, 15_000);
        } finally {
          await page.close();
        }
      });
    }
  });
}
