/**
 * The editor × check matrix: real Control+c on the article, real Control+v into each bundled
 * editor page (tests/e2e/editors/dist, served on the editors origin), assertions on the
 * editor's OWN model (`window.editorUnderTest.model()`). `editors.test.ts` runs it once per
 * browser.
 *
 * One browser launch per browser; one tab per editor, kept open. The clipboard is filled
 * twice per browser: once by a normal copy (the copy-time link, check 1) and once by a copy
 * the article page strips to bare text (checks 2–5, where the link is added at paste time).
 * Every paste is still a real Control+v.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import {
  launchWithExtension,
  type BrowserKind,
  type E2EPage,
  type ExtensionBrowser,
} from './browsers.ts';
import { buildEditorPages } from './editors/build.ts';
import type { EditorModel } from './editors/src/contract.ts';
import {
  countOccurrences,
  eventually,
  expectedArticleUrl,
  pressCopy,
  selectParagraphs,
  setPageStripsCopies,
  type ParagraphSelection,
  norm,
} from './helpers.ts';
import { CALIBER_EN_URL, editorPageUrl, startServer, type TestServer } from './server.ts';

/** Every page of tests/e2e/editors/src (see its README). */
export const MATRIX_EDITORS = [
  'textarea',
  'input',
  'contenteditable',
  'prosemirror',
  'tiptap',
  'lexical-rich',
  'lexical-plain',
  'quill',
  'ckeditor5',
  'tinymce',
  'slate',
  'draftjs',
  'codemirror',
  'monaco',
  'shadow',
] as const;
type EditorName = (typeof MATRIX_EDITORS)[number];

/** The pages whose handle has `insertCodeBlock()`. */
const CODE_BLOCK_EDITORS = new Set<EditorName>([
  'prosemirror',
  'tiptap',
  'lexical-rich',
  'quill',
  'ckeditor5',
  'tinymce',
]);

/**
 * Rich editors that cannot hold a link: stock Slate pastes `text/plain` only (no withHtml),
 * so the attribution arrives as the written-out URL, like in plain and code editors.
 */
const RICH_WITHOUT_LINKS = new Set<EditorName>(['slate']);

/**
 * Draft.js drops empty blocks and trailing white space from pasted HTML (its
 * convertFromHTML trims every block and skips empty ones), so nothing can come between the
 * pasted attribution and the text after the caret: the link stays whole (its own entity,
 * href and text exactly the URL) but the next word follows it with no space.
 */
const NO_SEPARATOR_AFTER_PASTE = new Set<EditorName>(['draftjs']);

/**
 * TinyMCE's undo does not answer a scripted Ctrl+Z, and its frame's own undo history is not
 * the editor's: the notice's Undo finds the link still there, changes nothing, and says to
 * press Ctrl+Z (a real one undoes the paste, see "one Control+z").
 */
const UNDO_BY_CTRL_Z_ONLY = new Set<EditorName>(['tinymce']);

export const CHECKS = [
  'copy-time link present',
  'copy-time, before a word',
  'copy-time, at the start',
  'link stripped by the page',
  'stripped, before a word',
  'into the middle',
  'one Control+z',
  'Undo in the notice',
  'code block',
] as const;
type CheckName = (typeof CHECKS)[number];

const START_TEXT = 'Hello world';
const T = { timeout: 30_000 };
const LABEL = 'Source';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Paragraphs of a selection's text, each normalised. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map(norm)
    .filter((p) => p.length > 0);
}

function short(model: EditorModel | null | undefined): string {
  if (!model) return 'null';
  return JSON.stringify({
    text:
      model.text.length > 700
        ? `${model.text.slice(0, 300)} … ${model.text.slice(-300)}`
        : model.text,
    links: model.links,
  });
}

interface EditorTab {
  page: E2EPage;
  kind: 'plain' | 'rich' | 'code';
  /** Set by "into the middle" once its paste has landed: "one Control+z" undoes that paste. */
  middlePasted: boolean;
}

export function defineEditorMatrix(browserKind: BrowserKind): void {
  describe(`editor matrix in ${browserKind}`, () => {
    let server: TestServer;
    let browser: ExtensionBrowser;
    let article: E2EPage;
    let articleUrl: string;
    const tabs = new Map<EditorName, Promise<EditorTab>>();
    const results = new Map<string, '✓' | '✗'>();
    /** What each editor did with the paste into its code block, printed under the matrix. */
    const codeBlockNotes = new Map<string, string>();
    let started = Date.now();

    before(async () => {
      started = Date.now();
      await buildEditorPages({ quiet: true });
      server = await startServer();
      browser = await launchWithExtension(browserKind, { serverHostPort: server.hostPort });
      article = await browser.newPage(CALIBER_EN_URL);
      articleUrl = await expectedArticleUrl(article);
    });

    after(async () => {
      console.log(
        `\n${formatMatrix(browserKind, results)}\n` +
          [...codeBlockNotes].map(([name, note]) => `code block, ${name}: ${note}\n`).join('') +
          `${browserKind}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
      await browser?.close();
      await server?.close();
    });

    // ------------------------------------------------------------ pages and gestures

    /** The editor's tab, opened once and reused by every check. */
    function editorTab(name: EditorName): Promise<EditorTab> {
      let tab = tabs.get(name);
      if (!tab) {
        tab = (async () => {
          const page = await browser.newPage(editorPageUrl(name));
          await page.waitFor(
            (a: { name: string }) => document.documentElement.dataset.editorReady === a.name,
            { name },
            { timeout: 15_000, message: `${name}: window.editorUnderTest never appeared` },
          );
          // Errors thrown by the editor (or by anything else in the page) from now on.
          const kind = await page.evaluate(() => {
            const w = window as unknown as { __errors?: string[] };
            if (!w.__errors) {
              const errors: string[] = [];
              w.__errors = errors;
              window.addEventListener('error', (e) => errors.push(String(e.message)));
              window.addEventListener('unhandledrejection', (e) =>
                errors.push(`unhandled rejection: ${String(e.reason)}`),
              );
            }
            return window.editorUnderTest!.kind;
          });
          return { page, kind, middlePasted: false };
        })();
        tabs.set(name, tab);
        // A page that failed to open is retried by the next check.
        tab.catch(() => tabs.delete(name));
      }
      return tab;
    }

    /**
     * setText('Hello world') through the editor's API (which also resets its undo history),
     * optionally a code block, then the caret at `offset` — ready for a real Control+v.
     */
    async function prepare(page: E2EPage, offset: number, codeBlock = false): Promise<string> {
      await page.bringToFront();
      await page.evaluate(
        (a: { text: string; codeBlock: boolean }) => {
          const editor = window.editorUnderTest!;
          editor.setText(a.text);
          if (a.codeBlock) {
            editor.placeCaret('end');
            editor.insertCodeBlock!();
          }
        },
        { text: START_TEXT, codeBlock },
      );
      // React editors (Slate, Draft.js) render the new value asynchronously.
      await sleep(120);
      const before = await page.evaluate(
        (a: { offset: number }) => {
          window.editorUnderTest!.placeCaret({ offset: a.offset });
          return window.editorUnderTest!.model().text;
        },
        { offset },
      );
      await sleep(120);
      return before;
    }

    async function readModel(page: E2EPage): Promise<EditorModel> {
      return page.evaluate(() => window.editorUnderTest!.model());
    }

    /** Waits for the model to change from `before`, then to stop changing. */
    async function settledModel(page: E2EPage, before: string): Promise<EditorModel> {
      const deadline = Date.now() + 5000;
      let model = await readModel(page);
      while (model.text === before && Date.now() < deadline) {
        await sleep(100);
        model = await readModel(page);
      }
      // Late reconciliations (React, Lexical's async update, TinyMCE's undo level…).
      for (let i = 0; i < 10; i++) {
        await sleep(150);
        const next = await readModel(page);
        if (JSON.stringify(next) === JSON.stringify(model)) break;
        model = next;
      }
      return model;
    }

    async function pageErrors(page: E2EPage): Promise<string[]> {
      return page.evaluate(() => (window as unknown as { __errors?: string[] }).__errors ?? []);
    }

    /** Pastes the clipboard with a real Control+v at `offset` of "Hello world". */
    async function pasteAt(
      tab: EditorTab,
      offset: number,
      codeBlock = false,
    ): Promise<{ before: string; model: EditorModel }> {
      const before = await prepare(tab.page, offset, codeBlock);
      await tab.page.press('Control+v');
      const model = await settledModel(tab.page, before);
      return { before, model };
    }

    // ------------------------------------------------------------ the two clipboards

    let normalCopy: Promise<ParagraphSelection> | null = null;
    /** Paragraphs 1–3 copied normally: the clipboard carries the copy-time attribution. */
    function copyNormally(): Promise<ParagraphSelection> {
      normalCopy ??= (async () => {
        await setStripping(false);
        const selection = await selectParagraphs(article);
        await pressCopy(article);
        return selection;
      })();
      normalCopy.catch(() => (normalCopy = null));
      return normalCopy;
    }

    let strippedCopy: Promise<ParagraphSelection> | null = null;
    /**
     * Paragraphs 1–3 copied while the article page's own copy handler replaces the clipboard
     * with bare text (as contract.ts does), once the copy has reached the paste index.
     */
    function copyStrippedByThePage(): Promise<ParagraphSelection> {
      strippedCopy ??= (async () => {
        const previous = await latestCopyRecordId();
        await setStripping(true);
        try {
          const selection = await selectParagraphs(article);
          await pressCopy(article);
          await waitForCopyRecord(previous, selection.text);
          return selection;
        } finally {
          await setStripping(false);
        }
      })();
      strippedCopy.catch(() => (strippedCopy = null));
      return strippedCopy;
    }

    async function setStripping(on: boolean): Promise<void> {
      await setPageStripsCopies(article, on);
    }

    function latestCopyRecord(): Promise<{ id: string; text: string } | null> {
      return browser.evalInExtension(async () => {
        type StorageArea = { get(key: string): Promise<Record<string, unknown>> };
        type Api = { storage: { local: StorageArea } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        const api = g.browser ?? g.chrome;
        const stored = await api.storage.local.get('copyRecords');
        const records = (stored.copyRecords ?? []) as { id: string; text: string }[];
        return records[0] ?? null;
      });
    }

    async function latestCopyRecordId(): Promise<string | null> {
      return (await latestCopyRecord())?.id ?? null;
    }

    async function waitForCopyRecord(previousId: string | null, text: string): Promise<void> {
      const deadline = Date.now() + 8000;
      for (;;) {
        const record = await latestCopyRecord();
        if (record && record.id !== previousId && record.text.trim() === text.trim()) break;
        if (Date.now() > deadline) {
          throw new Error(
            `the stripped copy never reached the records: ${JSON.stringify(record)?.slice(0, 300)}`,
          );
        }
        await sleep(100);
      }
      // The index write follows the record's, and the pages hear of it by a storage event.
      await sleep(300);
    }

    // ------------------------------------------------------------ assertions

    function keepsLinks(name: EditorName, tab: EditorTab): boolean {
      return tab.kind === 'rich' && !RICH_WITHOUT_LINKS.has(name);
    }

    /**
     * Exactly one attribution: one link to the article where links exist, else the URL once.
     * `onlyLinks`: the pasted text had no links of its own, so no other link may appear.
     */
    function assertOneAttribution(
      name: EditorName,
      tab: EditorTab,
      model: EditorModel,
      onlyLinks = false,
    ): void {
      const toArticle = model.links.filter((l) => l.href === articleUrl);
      if (onlyLinks) {
        assert.equal(
          model.links.length,
          toArticle.length,
          `no link other than the attribution; model: ${short(model)}`,
        );
      }
      if (keepsLinks(name, tab)) {
        assert.equal(
          toArticle.length,
          1,
          `exactly one link with href ${articleUrl}; model: ${short(model)}`,
        );
      } else {
        assert.equal(toArticle.length, 0, `${name} holds no links; model: ${short(model)}`);
      }
      assert.equal(
        countOccurrences(model.text, articleUrl),
        1,
        `the article URL appears exactly once in the text; model: ${short(model)}`,
      );
    }

    /**
     * Compares the words of a pasted part with what was pasted, whitespace as one space: plain
     * targets keep blank lines between paragraphs, rich editors make blocks ("\n"). A
     * single-line input turns line breaks into spaces (Chromium) or may drop them (Firefox).
     */
    function sameWords(name: EditorName, actual: string, expected: string, what: string): void {
      if (name === 'input' && norm(actual) !== norm(expected)) {
        // Firefox drops the line breaks of a paste into a single-line field.
        assert.equal(
          norm(actual),
          norm(expected.replace(/\n/g, '')),
          `${what} (line breaks dropped)`,
        );
        return;
      }
      assert.equal(norm(actual), norm(expected), what);
    }

    /**
     * After a paste at `offset` of "Hello world" where a word follows the caret: every pasted
     * paragraph is there, the URL appears once and is followed by white space and then the
     * rest of "Hello world" (never glued to it: "…/post/storyworld" is a dead link), no link
     * swallowed the word, and one Control+z restores "Hello world".
     */
    async function assertSeparatedThenUndo(
      t: TestContext,
      name: EditorName,
      tab: EditorTab,
      offset: number,
      selection: ParagraphSelection,
    ): Promise<void> {
      const { model } = await pasteAt(tab, offset);
      diagnose(t, `after Control+v at offset ${offset}`, model);
      assertOneAttribution(name, tab, model);
      const text = norm(model.text);
      for (const paragraph of paragraphsOf(selection.text)) {
        assert.ok(
          text.includes(paragraph),
          `pasted paragraph present: ${JSON.stringify(paragraph.slice(0, 80))}; model: ${short(model)}`,
        );
      }
      const rest = START_TEXT.slice(offset);
      const afterUrl = model.text.slice(model.text.indexOf(articleUrl) + articleUrl.length);
      if (NO_SEPARATOR_AFTER_PASTE.has(name)) {
        const link = model.links.find((l) => l.href === articleUrl);
        assert.equal(link?.text, articleUrl, `the link is exactly the URL; model: ${short(model)}`);
        assert.equal(afterUrl, rest, `"${rest}" follows the link; model: ${short(model)}`);
      } else {
        assert.match(
          afterUrl,
          /^\s/,
          `the URL is followed by white space, not by ${JSON.stringify(afterUrl.slice(0, 10))}; model: ${short(model)}`,
        );
      }
      assert.equal(norm(afterUrl), rest, `"${rest}" follows the URL; model: ${short(model)}`);
      assert.ok(
        norm(model.text).startsWith(START_TEXT.slice(0, offset)),
        `"${START_TEXT.slice(0, offset)}" kept before the paste; model: ${short(model)}`,
      );
      for (const link of model.links) {
        assert.ok(!link.text.includes('world'), `no link runs into "world": ${short(model)}`);
      }
      assert.deepEqual(await pageErrors(tab.page), [], 'no errors in the page');
      await assertOneUndoRestores(t, tab);
    }

    /** Presses Control+z once and waits for the model to be "Hello world" again. */
    async function assertOneUndoRestores(t: TestContext, tab: EditorTab): Promise<EditorModel> {
      await tab.page.press('Control+z');
      const deadline = Date.now() + 3000;
      let undone = await readModel(tab.page);
      while (undone.text !== START_TEXT && Date.now() < deadline) {
        await sleep(100);
        undone = await readModel(tab.page);
      }
      diagnose(t, 'after one Control+z', undone);
      assert.equal(
        undone.text,
        START_TEXT,
        `one Control+z restores "Hello world": ${short(undone)}`,
      );
      return undone;
    }

    function diagnose(t: TestContext, label: string, model: EditorModel): void {
      t.diagnostic(`${label}: ${short(model)}`);
    }

    // ------------------------------------------------------------ the matrix

    function check(
      name: EditorName,
      checkName: CheckName,
      body: (t: TestContext, tab: EditorTab) => Promise<void>,
    ): void {
      it(`${browserKind} › ${name} › ${checkName}`, T, async (t) => {
        try {
          const tab = await editorTab(name);
          await body(t, tab);
          results.set(`${name}|${checkName}`, '✓');
        } catch (error) {
          results.set(`${name}|${checkName}`, '✗');
          throw error;
        }
      });
    }

    describe('1. copy-time link present (normal copy)', () => {
      for (const name of MATRIX_EDITORS) {
        check(name, 'copy-time link present', async (t, tab) => {
          const selection = await copyNormally();
          const { model } = await pasteAt(tab, START_TEXT.length);
          diagnose(t, 'after Control+v', model);
          const text = norm(model.text);
          assert.ok(
            text.startsWith(START_TEXT),
            `"Hello world" kept at the start: ${short(model)}`,
          );
          for (const paragraph of paragraphsOf(selection.text)) {
            assert.ok(
              text.includes(paragraph),
              `pasted paragraph present: ${JSON.stringify(paragraph.slice(0, 80))}; model: ${short(model)}`,
            );
          }
          assertOneAttribution(name, tab, model);
          assert.deepEqual(await pageErrors(tab.page), [], 'no errors in the page');
        });

        check(name, 'copy-time, before a word', async (t, tab) => {
          await assertSeparatedThenUndo(t, name, tab, 'Hello '.length, await copyNormally());
        });

        check(name, 'copy-time, at the start', async (t, tab) => {
          await assertSeparatedThenUndo(t, name, tab, 0, await copyNormally());
        });
      }
    });

    describe('2–5. link stripped by the page (added at paste time)', () => {
      for (const name of MATRIX_EDITORS) {
        check(name, 'link stripped by the page', async (t, tab) => {
          const selection = await copyStrippedByThePage();
          const { model } = await pasteAt(tab, START_TEXT.length);
          diagnose(t, 'after Control+v', model);
          assertOneAttribution(name, tab, model, true);
          const text = norm(model.text);
          assert.ok(
            text.startsWith(START_TEXT),
            `"Hello world" kept at the start: ${short(model)}`,
          );
          // The first pasted paragraph joins "Hello world" or starts a block of its own.
          sameWords(
            name,
            model.text.replace(/^\s*Hello world/, ''),
            `${selection.text.trim()}\n\n${LABEL}: ${articleUrl}`,
            `model text = "Hello world" + the pasted text + the Source line; model: ${short(model)}`,
          );
          assert.deepEqual(await pageErrors(tab.page), [], 'no errors in the page');
        });

        check(name, 'stripped, before a word', async (t, tab) => {
          await assertSeparatedThenUndo(
            t,
            name,
            tab,
            'Hello '.length,
            await copyStrippedByThePage(),
          );
        });

        check(name, 'into the middle', async (t, tab) => {
          const selection = await copyStrippedByThePage();
          tab.middlePasted = false;
          const { before, model } = await pasteAt(tab, 'Hello'.length);
          if (model.text !== before) tab.middlePasted = true;
          diagnose(t, 'after Control+v at offset 5', model);
          assertOneAttribution(name, tab, model, true);
          const text = norm(model.text);
          assert.ok(text.startsWith('Hello'), `starts with "Hello": ${short(model)}`);
          assert.ok(text.endsWith(' world'), `ends with " world": ${short(model)}`);
          sameWords(
            name,
            model.text.replace(/^\s*Hello/, '').replace(/\s*world\s*$/, ''),
            `${selection.text.trim()}\n\n${LABEL}: ${articleUrl}`,
            `between "Hello" and " world": the pasted text + the Source line; model: ${short(model)}`,
          );
          assert.deepEqual(await pageErrors(tab.page), [], 'no errors in the page');
        });

        check(name, 'one Control+z', async (t, tab) => {
          await copyStrippedByThePage();
          if (!tab.middlePasted) {
            // "into the middle" did not leave a paste behind: make one here.
            const { before, model } = await pasteAt(tab, 'Hello'.length);
            assert.notEqual(model.text, before, `the paste changed nothing: ${short(model)}`);
          }
          tab.middlePasted = false;
          await tab.page.bringToFront();
          const pasted = await readModel(tab.page);
          assert.notEqual(pasted.text, START_TEXT, 'there is a paste to undo');
          const undone = await assertOneUndoRestores(t, tab);
          assert.deepEqual(undone.links, [], 'no link left behind');
        });

        check(name, 'Undo in the notice', async (t, tab) => {
          const selection = await copyStrippedByThePage();
          const { model } = await pasteAt(tab, START_TEXT.length);
          diagnose(t, 'after Control+v', model);
          assertOneAttribution(name, tab, model);
          // The page sees the notice's element only; what it says is in a closed shadow root.
          await tab.page.waitFor(
            () => document.querySelector('linkback-notice') !== null,
            undefined,
            {
              timeout: 5_000,
              message: `${name}: no paste notice`,
            },
          );
          await tab.page.press('Alt+Shift+Z');
          if (UNDO_BY_CTRL_Z_ONLY.has(name)) {
            // Its undo does not answer a scripted keystroke: the notice says to press Ctrl+Z,
            // and the paste stays exactly as it was.
            await sleep(1_000);
            const kept = await readModel(tab.page);
            assert.equal(kept.text, model.text, `the paste is untouched; model: ${short(kept)}`);
            return;
          }
          // Undo takes the paste out, then gives the user's own back: wait for the end state
          // (React editors draw the second step a frame or more later), then check it.
          const pasted = paragraphsOf(selection.text);
          const undone = await eventually(async () => {
            const now = await readModel(tab.page);
            const text = norm(now.text);
            const done =
              !now.text.includes(articleUrl) && pasted.every((part) => text.includes(part));
            return done ? now : null;
          }, `${name}: the notice’s Undo never left the paste without its link`).catch(() =>
            readModel(tab.page),
          );
          diagnose(t, 'after the notice’s Undo (Alt+Shift+Z)', undone);
          assert.equal(
            countOccurrences(undone.text, articleUrl),
            0,
            `the attribution is gone; model: ${short(undone)}`,
          );
          assert.deepEqual(undone.links, [], `no link left behind; model: ${short(undone)}`);
          const text = norm(undone.text);
          assert.ok(text.startsWith(START_TEXT), `"Hello world" kept: ${short(undone)}`);
          for (const paragraph of paragraphsOf(selection.text)) {
            assert.ok(
              text.includes(paragraph),
              `the paste stays: ${JSON.stringify(paragraph.slice(0, 80))}; model: ${short(undone)}`,
            );
          }
        });

        if (CODE_BLOCK_EDITORS.has(name)) {
          check(name, 'code block', async (t, tab) => {
            const selection = await copyStrippedByThePage();
            const hasCodeBlock = await tab.page.evaluate(
              () => typeof window.editorUnderTest!.insertCodeBlock === 'function',
            );
            assert.ok(hasCodeBlock, `${name} has insertCodeBlock()`);
            const { model } = await pasteAt(tab, START_TEXT.length, true);
            diagnose(t, 'after Control+v in a code block', model);
            // Where the pasted text went: some editors split it out of the code block.
            const where = await tab.page.evaluate(
              (a: { html: string; url: string }) => {
                const doc = new DOMParser().parseFromString(a.html, 'text/html');
                const code = [...doc.querySelectorAll('pre, code')];
                return {
                  codeBlocks: doc.querySelectorAll('pre').length,
                  sourceLineInCode: code.some((el) => (el.textContent ?? '').includes(a.url)),
                  helloInCode: code.some((el) => (el.textContent ?? '').includes('Hello world')),
                };
              },
              { html: model.html ?? '', url: articleUrl },
            );
            t.diagnostic(`code block: ${JSON.stringify(where)}`);
            codeBlockNotes.set(
              name,
              countOccurrences(model.text, articleUrl) === 0
                ? 'no Source line at all'
                : where.sourceLineInCode
                  ? 'pasted text and Source line inside the code block'
                  : `Source line OUTSIDE the code block (${where.codeBlocks} <pre>, ` +
                    `"Hello world" ${where.helloInCode ? 'in' : 'not in'} it)`,
            );
            if (model.html) t.diagnostic(`html: ${model.html.slice(0, 400)}`);
            assert.equal(
              countOccurrences(model.text, articleUrl),
              1,
              `the URL appears exactly once, as text; model: ${short(model)}`,
            );
            assert.equal(
              model.links.filter((l) => l.href === articleUrl).length,
              0,
              `code gets text only, no link; model: ${short(model)}`,
            );
            assert.ok(
              norm(model.text).startsWith(START_TEXT),
              `"Hello world" kept: ${short(model)}`,
            );
            sameWords(
              name,
              model.text.replace(/^\s*Hello world/, ''),
              `${selection.text.trim()}\n\n${LABEL}: ${articleUrl}`,
              `the code block holds "Hello world" + the pasted text + the Source line; model: ${short(model)}`,
            );
            assert.deepEqual(await pageErrors(tab.page), [], 'no errors in the page');
          });
        }
      }
    });
  });
}

/** editor × check → ✓ / ✗ (– where a check does not apply, · where it did not run). */
export function formatMatrix(browserKind: string, results: Map<string, '✓' | '✗'>): string {
  const short: Record<CheckName, string> = {
    'copy-time link present': 'copy-time',
    'copy-time, before a word': 'before word',
    'copy-time, at the start': 'at start',
    'link stripped by the page': 'stripped',
    'stripped, before a word': 'stripped, before word',
    'into the middle': 'middle',
    'one Control+z': 'undo',
    'Undo in the notice': 'notice undo',
    'code block': 'code block',
  };
  const header = [`${browserKind}`, ...CHECKS.map((c) => short[c])];
  const rows = MATRIX_EDITORS.map((name) => [
    name,
    ...CHECKS.map((c) =>
      c === 'code block' && !CODE_BLOCK_EDITORS.has(name)
        ? '–'
        : (results.get(`${name}|${c}`) ?? '·'),
    ),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
