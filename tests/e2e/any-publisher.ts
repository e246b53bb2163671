/**
 * Any publisher, end to end: news sites other than Caliber.az (publisher-sites.ts) state
 * their reuse terms in their own words, and a real selection and Control+c there must give
 * what each asks — a Russian footer notice, an Azerbaijani first-paragraph rule, a CC BY
 * licence — and nothing where a site asks nothing. The popup shows the rule with the site's
 * words, and turning it off there changes the very next copy, without reloading the tab.
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
  badgeText,
  elementCenter,
  eventually,
  lastProbePaste,
  norm,
  pasteInto,
  pressCopy,
  resetEditors,
  selectParagraphs,
  selectWord,
  setPageStripsCopies,
  storedPasteRecords,
  countOccurrences,
  waitForCopyRecord,
  type PasteRecord,
} from './helpers.ts';
import { PUBLISHER_SITES, publisherSiteUrl, type PublisherSiteName } from './publisher-sites.ts';
import {
  CALIBER_EN_URL,
  EDITOR_HOST,
  EDITORS_URL,
  editorPageUrl,
  startServer,
  type TestServer,
} from './server.ts';
import { parseCsv } from '../csv.ts';

const BODY = '.article-body p';

const T = { timeout: 60_000 };

export function defineAnyPublisherSuite(kind: BrowserKind): void {
  describe(`any publisher in ${kind}`, () => {
    let server: TestServer;
    let browser: ExtensionBrowser;
    let editors: E2EPage;
    const sites = new Map<PublisherSiteName, E2EPage>();

    before(async () => {
      server = await startServer();
      browser = await launchWithExtension(kind, { serverHostPort: server.hostPort });
      editors = await browser.newPage(EDITORS_URL);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    async function site(name: PublisherSiteName): Promise<E2EPage> {
      let page = sites.get(name);
      if (!page) {
        page = await browser.newPage(publisherSiteUrl(name));
        sites.set(name, page);
      }
      return page;
    }

    /** A real selection of paragraphs 0–1 and Control+c on the site, then Control+v into the probe. */
    /**
     * On a site seen for the first time the article script comes when a selection begins,
     * tens of milliseconds before a person's Control+c; the test's Control+c follows the
     * mouse at once, so it waits for the script as a person's would. (A copy made before it
     * arrives is left as the browser made it; the site's next pages load it at once.)
     */
    async function articleScriptArrived(page: E2EPage): Promise<void> {
      const tabId = await browser.findTabId(page.url());
      await eventually(
        () => browser.askArticle(tabId),
        `the article script never came to ${page.url()} after a selection`,
        5_000,
      );
    }

    async function copyAndPaste(
      name: PublisherSiteName,
    ): Promise<{ text: string; pasted: PasteRecord }> {
      const page = await site(name);
      const { text } = await selectParagraphs(page, 0, 1, BODY);
      await articleScriptArrived(page);
      await pressCopy(page);
      await resetEditors(editors);
      await pasteInto(editors, '#probe');
      return { text, pasted: await lastProbePaste(editors) };
    }

    /**
     * Paragraphs `from`–`to` of the Russian site copied while the site strips the link from
     * the clipboard (as many news sites do): the link is then added at paste time.
     */
    async function copyStrippedFromRu(from: number, to: number): Promise<void> {
      const page = await site('ru');
      await setPageStripsCopies(page, true);
      try {
        const { text } = await selectParagraphs(page, from, to, BODY);
        await pressCopy(page);
        await waitForCopyRecord(browser, text);
      } finally {
        await setPageStripsCopies(page, false);
      }
    }

    it(
      'a Russian footer notice: the copy links to the article, and a rich editor keeps the link',
      T,
      async () => {
        const { text, pasted } = await copyAndPaste('ru');
        assert.ok(pasted.plain, 'the clipboard has text');
        assert.ok(norm(pasted.plain).startsWith(norm(text)), 'the copied text comes first, whole');
        assert.ok(
          pasted.plain.trimEnd().endsWith(`Источник: ${publisherSiteUrl('ru')}`),
          `the Russian label and the article link end the text: ${JSON.stringify(pasted.plain.slice(-80))}`,
        );
        assert.match(
          pasted.html ?? '',
          /<a href="http:\/\/vesti\.test\/news\/2025\/terminal-opens">/,
          'the HTML flavour links too',
        );

        // The same clipboard into a real rich editor: the link is in its model.
        const editor = await browser.newPage(editorPageUrl('prosemirror'));
        try {
          await editor.waitFor(
            () => document.documentElement.dataset.editorReady === 'prosemirror',
            undefined,
            {
              timeout: 15_000,
              message: 'ProseMirror never became ready',
            },
          );
          await editor.evaluate(() => {
            window.editorUnderTest!.setText('');
            window.editorUnderTest!.placeCaret('end');
          });
          await editor.press('Control+v');
          const model = await eventually(
            () =>
              editor.evaluate(() => {
                const m = window.editorUnderTest!.model();
                return m.links.length ? m : null;
              }),
            'no link reached ProseMirror’s model',
          );
          assert.ok(
            model.links.some((link) => link.href === publisherSiteUrl('ru')),
            `ProseMirror keeps the article link: ${JSON.stringify(model.links)}`,
          );
          assert.ok(norm(model.text).includes(norm(PUBLISHER_SITES.ru.paragraphs[0]!)));
        } finally {
          await editor.close();
        }
      },
    );

    it('an Azerbaijani first-paragraph rule: the link comes first', T, async () => {
      const { text, pasted } = await copyAndPaste('az');
      const expected = `Mənbə: ${publisherSiteUrl('az')}`;
      assert.ok(
        pasted.plain?.startsWith(`${expected}\n\n`),
        `the link opens the text: ${JSON.stringify(pasted.plain?.slice(0, 120))}`,
      );
      assert.ok(norm(pasted.plain ?? '').endsWith(norm(text)), 'the copied text follows, whole');
      assert.ok(
        (pasted.html ?? '').indexOf(publisherSiteUrl('az')) <
          (pasted.html ?? '').indexOf('Gəncə şəhərində'),
        'in HTML too, the link comes before the text',
      );
    });

    it('a CC BY page: a credit with title, author, source and licence', T, async () => {
      const { pasted } = await copyAndPaste('cc');
      const site = PUBLISHER_SITES.cc;
      assert.ok(
        pasted.plain
          ?.trimEnd()
          .endsWith(
            `Source: ${publisherSiteUrl('cc')} — “${site.title}”, ${site.author}. ` +
              'License: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
          ),
        `the TASL credit ends the text: ${JSON.stringify(pasted.plain?.slice(-220))}`,
      );
      assert.match(
        pasted.html ?? '',
        /<a href="https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/" rel="license">CC BY 4\.0<\/a>/,
      );
    });

    it(
      'a site that states no terms: the copy is left exactly as the browser made it',
      T,
      async () => {
        const { text, pasted } = await copyAndPaste('none');
        assert.equal(norm(pasted.plain ?? ''), norm(text));
        assert.doesNotMatch(pasted.html ?? '', /data-linkback|plain\.test/);
      },
    );

    it('a copy the site strips is still repaired when pasted elsewhere', T, async () => {
      await copyStrippedFromRu(2, 3);
      await resetEditors(editors);
      await pasteInto(editors, '#ce');
      const html = await editors.waitFor(
        () => {
          const ce = document.getElementById('ce');
          return ce?.querySelector('a[href]') ? ce.innerHTML : null;
        },
        undefined,
        { timeout: 5_000, message: 'the paste into #ce never got its link' },
      );
      assert.ok(html.includes(`href="${publisherSiteUrl('ru')}"`), html.slice(-300));
      assert.ok(
        norm(html.replace(/<[^>]+>/g, ' ')).includes(norm(PUBLISHER_SITES.ru.paragraphs[2]!)),
      );
    });

    /** Stores `settings` over the defaults (null: the defaults again); open tabs follow. */
    function setStoredSettings(settings: Record<string, unknown> | null): Promise<void> {
      return browser.evalInExtension(
        async (a: { settings: Record<string, unknown> | null }) => {
          type Area = {
            set(v: Record<string, unknown>): Promise<void>;
            remove(k: string): Promise<void>;
          };
          const g = globalThis as unknown as {
            browser?: { storage: { local: Area } };
            chrome: { storage: { local: Area } };
          };
          const local = (g.browser ?? g.chrome).storage.local;
          if (a.settings) await local.set({ settings: a.settings });
          else await local.remove('settings');
          // The page follows storage by an event: give it the moment a person would.
          await new Promise((resolve) => setTimeout(resolve, 200));
        },
        { settings },
      );
    }

    /**
     * What the background sends the page's frame when the user picks "Copy with attribution"
     * or "Copy citation › …" in the context menu, or presses the shortcut (Alt+Shift+C). A
     * headless browser shows no context menu, and its shortcuts are the window's, which
     * synthetic key events never reach: the test sends the message itself.
     */
    function requestCopy(tabId: number, style: string): Promise<unknown> {
      return browser.evalInExtension(
        (a: { tabId: number; style: string }) => {
          type Tabs = {
            tabs: { sendMessage(id: number, m: unknown, o: { frameId: number }): Promise<unknown> };
          };
          const g = globalThis as unknown as { browser?: Tabs; chrome: Tabs };
          return (g.browser ?? g.chrome).tabs.sendMessage(
            a.tabId,
            { type: 'copy:requested', style: a.style },
            { frameId: 0 },
          );
        },
        { tabId, style },
      );
    }

    it(
      'Copy with attribution: a one-word selection on a site with no rule, copy mode off, is linked',
      T,
      async () => {
        const page = await site('none');
        const tabId = await browser.findTabId(page.url());
        await setStoredSettings({ attributeOnCopy: false });
        try {
          const word = await selectWord(page, BODY);
          await articleScriptArrived(page);
          assert.deepEqual(await requestCopy(tabId, 'attribution'), { copied: true });
          await resetEditors(editors);
          await pasteInto(editors, '#probe');
          const pasted = await lastProbePaste(editors);
          assert.equal(
            pasted.plain?.trim(),
            `${word}\n\nSource: ${publisherSiteUrl('none')}`,
            'the word, then the page’s link',
          );
          assert.match(pasted.html ?? '', /<a href="http:\/\/plain\.test\//);

          // "Copy citation › APA": the page's reference, no selection needed.
          assert.deepEqual(await requestCopy(tabId, 'apa'), { copied: true });
          await resetEditors(editors);
          await pasteInto(editors, '#probe');
          const cited = await lastProbePaste(editors);
          assert.match(cited.plain ?? '', /\(\d{4}, [A-Z][a-z]+ \d{1,2}\)\./, 'an APA date');
          assert.ok(
            cited.plain?.includes(PUBLISHER_SITES.none.title) &&
              cited.plain.includes(publisherSiteUrl('none')),
            `title and URL cited: ${cited.plain}`,
          );
        } finally {
          await setStoredSettings(null);
        }
      },
    );

    it(
      'the paste notice: “Not on this site” takes the link out, and the next paste there is left alone',
      T,
      async () => {
        await copyStrippedFromRu(2, 3);
        const ce = () =>
          editors.evaluate(() => {
            const element = document.getElementById('ce')!;
            return { html: element.innerHTML, text: element.innerText };
          });
        const noticeShown = () =>
          editors.evaluate(() => document.querySelector('linkback-notice') !== null);
        await resetEditors(editors);
        await pasteInto(editors, '#ce');
        await editors.waitFor(() => document.querySelector('#ce a[href]') !== null, undefined, {
          timeout: 5_000,
          message: 'the paste into #ce never got its link',
        });
        // A notice says the link was added (a task after the paste, which it never slows).
        await eventually(noticeShown, 'no notice said the link was added', 3_000);
        await editors.press('Alt+Shift+N');
        const undone = await eventually(async () => {
          const now = await ce();
          // Undo takes the attributed paste out, then puts the user's own back.
          return now.html.includes('href') || !now.text.trim() ? null : now;
        }, 'the link stayed after “Not on this site”, or the paste did not come back');
        assert.ok(
          norm(undone.text).includes(norm(PUBLISHER_SITES.ru.paragraphs[2]!)),
          `the paste stays: ${undone.text.slice(0, 200)}`,
        );
        assert.equal(countOccurrences(undone.text, publisherSiteUrl('ru')), 0);
        const undoneRecord = await eventually(
          async () => (await storedPasteRecords(browser)).find((record) => 'undone' in record),
          'the history never marked the paste undone',
        );
        assert.equal(undoneRecord.destinationOrigin, new URL(EDITORS_URL).origin);

        // The notice goes by itself a few seconds after saying what it did.
        await eventually(async () => !(await noticeShown()), 'the notice never went away', 8_000);

        // The next paste on this site goes in as the user made it, and nothing is said.
        try {
          await resetEditors(editors);
          await pasteInto(editors, '#ce');
          const again = await eventually(async () => {
            const now = await ce();
            return now.text.trim() ? now : null;
          }, 'the second paste never landed');
          await new Promise((resolve) => setTimeout(resolve, 500));
          assert.doesNotMatch((await ce()).html, /href=/, 'no link added on a quiet site');
          assert.ok(norm(again.text).includes(norm(PUBLISHER_SITES.ru.paragraphs[2]!)));
          assert.equal(await noticeShown(), false, 'no notice on a quiet site');
        } finally {
          await browser.evalInExtension(async () => {
            type Api = { storage: { local: { remove(key: string): Promise<void> } } };
            const g = globalThis as unknown as { browser?: Api; chrome: Api };
            await (g.browser ?? g.chrome).storage.local.remove('siteChoices');
          });
        }
      },
    );

    it(
      'a site seen with a rule loads the article script with its next pages: a quick copy is linked',
      T,
      async () => {
        const url = `${publisherSiteUrl('ru')}?second-visit`;
        const page = await browser.newPage(url);
        try {
          const tabId = await browser.findTabId(url);
          // No selection yet: the script came with the page, as on Caliber.az.
          await eventually(
            () => browser.askArticle(tabId),
            'the article script did not load with a page of a site known to state a rule',
            5_000,
          );
          await selectParagraphs(page, 0, 1, BODY);
          await pressCopy(page);
          await resetEditors(editors);
          await pasteInto(editors, '#probe');
          const pasted = await lastProbePaste(editors);
          assert.ok(
            pasted.plain?.trimEnd().endsWith(`Источник: ${publisherSiteUrl('ru')}`),
            JSON.stringify(pasted.plain?.slice(-100)),
          );
        } finally {
          await page.close();
        }
      },
    );

    it(
      'the popup shows the site’s card and its rule, and turning it off applies at once',
      T,
      async () => {
        const page = await site('ru');
        const tabId = await browser.findTabId(page.url());
        const popup = await browser.openPopup(tabId);
        try {
          const shown = await popup.waitFor(
            () => {
              const text = (selector: string) =>
                document.querySelector(selector)?.textContent ?? null;
              const quote = text('[data-testid="rule-quote"]');
              return quote
                ? {
                    title: text('[data-field="title"]'),
                    authors: text('[data-field="authors"]'),
                    source: text('[data-field="rule-source"]'),
                    quote,
                  }
                : null;
            },
            undefined,
            { timeout: 10_000, message: 'the popup never showed the rule card' },
          );
          assert.equal(shown.title, PUBLISHER_SITES.ru.title);
          assert.ok(
            shown.authors?.includes(PUBLISHER_SITES.ru.author),
            `authors: ${shown.authors}`,
          );
          assert.ok(shown.source, 'the rule says where it comes from');
          assert.ok(shown.quote.includes('гиперссылка на vesti.test обязательна'), shown.quote);

          await popup.evaluate(() =>
            document.querySelector<HTMLButtonElement>('[data-action="rule-off"]')!.click(),
          );
          await popup.waitFor(
            () => !!document.querySelector('[data-action="rule-on"]'),
            undefined,
            {
              message: 'the popup never said Linkback is off here',
            },
          );
          // No reload of the site's tab: the next copy there is left alone.
          const { text, pasted } = await copyAndPaste('ru');
          assert.equal(norm(pasted.plain ?? ''), norm(text), 'nothing added once turned off');

          await popup.evaluate(() =>
            document.querySelector<HTMLButtonElement>('[data-action="rule-on"]')!.click(),
          );
          await popup.waitFor(() => !!document.querySelector('[data-action="rule-off"]'));
          const again = await copyAndPaste('ru');
          assert.ok(
            again.pasted.plain?.includes(`Источник: ${publisherSiteUrl('ru')}`),
            'on again: linked',
          );
        } finally {
          await popup.close();
        }
      },
    );
    it(
      'the user adds a rule where the site states none, from the popup of a fresh tab',
      T,
      async () => {
        // A tab where nothing was selected yet: the popup brings the article script itself.
        const page = await browser.newPage(publisherSiteUrl('none'));
        const popup = await browser.openPopup(await browser.findTabId(page.url()));
        try {
          await popup.waitFor(
            () => document.querySelector('[data-testid="rule-state"]')?.textContent ?? null,
            undefined,
            { timeout: 10_000, message: 'the popup never said the site has no rule' },
          );
          await popup.evaluate(() =>
            document.querySelector<HTMLButtonElement>('[data-action="rule-edit"]')!.click(),
          );
          await popup.waitFor(() => !!document.querySelector('[data-testid="rule-form"]'));
          await popup.evaluate(() => {
            const form = document.querySelector('[data-testid="rule-form"]')!;
            const placement = form.querySelector<HTMLSelectElement>('[name="placement"]')!;
            placement.value = 'start';
            placement.dispatchEvent(new Event('change', { bubbles: true }));
            const label = form.querySelector<HTMLInputElement>('[name="label"]')!;
            label.value = 'Via Plain Daily';
            label.dispatchEvent(new Event('input', { bubbles: true }));
          });
          await popup.evaluate(() =>
            document.querySelector<HTMLButtonElement>('[data-action="rule-save"]')!.click(),
          );
          const source = await popup.waitFor(
            () => document.querySelector('[data-field="rule-source"]')?.textContent ?? null,
          );
          assert.equal(source, 'Your rule');
          // The tab hears of the rule through a storage event, a moment after the popup
          // saved it; a person's next copy comes later than this test's would.
          const tabId = await browser.findTabId(page.url());
          await eventually(async () => {
            const view = await browser.askArticle(tabId);
            return view?.rule?.choice?.kind === 'rule' ? true : null;
          }, 'the tab never took the user’s rule');

          const copyStarted = Date.now();
          const { text } = await selectParagraphs(page, 0, 1, BODY);
          await pressCopy(page);
          // The paste must read this copy: once on a loaded CI machine, Firefox's clipboard
          // still held an earlier copy of the same paragraphs. Its record comes with the write.
          await waitForCopyRecord(browser, text, 8000, copyStarted);
          await resetEditors(editors);
          await pasteInto(editors, '#probe');
          const pasted = await lastProbePaste(editors);
          assert.ok(
            pasted.plain?.startsWith(`Via Plain Daily: ${publisherSiteUrl('none')}\n\n`),
            `the user's label and link open the text: ${JSON.stringify(pasted.plain?.slice(0, 100))}`,
          );
          assert.ok(norm(pasted.plain ?? '').endsWith(norm(text)));

          await popup.evaluate(() =>
            document.querySelector<HTMLButtonElement>('[data-action="rule-reset"]')!.click(),
          );
          await popup.waitFor(() => !!document.querySelector('[data-testid="rule-state"]'));
        } finally {
          await popup.close();
          await page.close();
        }
      },
    );
    /** Puts `text` in the options page's file input as a chosen file, as the file dialog would. */
    async function chooseFile(options: E2EPage, text: string): Promise<string> {
      const before = await options.evaluate(
        () => document.querySelector('[data-testid="transfer-status"]')?.textContent ?? '',
      );
      await options.evaluate((content: string) => {
        const input = document.querySelector<HTMLInputElement>('input[name="import"]')!;
        const files = new DataTransfer();
        files.items.add(new File([content], 'settings.json', { type: 'application/json' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, text);
      return options.waitFor(
        (previous: string) => {
          const said = document.querySelector('[data-testid="transfer-status"]')?.textContent;
          return said && said !== previous ? said : null;
        },
        before,
        { message: 'the options page said nothing about the import' },
      );
    }

    const storedSites = () =>
      browser.evalInExtension(async () => {
        type Api = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        return JSON.stringify(
          (await (g.browser ?? g.chrome).storage.local.get('siteChoices')).siteChoices ?? {},
        );
      });

    it(
      'a settings file: a bad one is refused by field and changes nothing; a good one applies in open tabs',
      T,
      async () => {
        const options = await browser.openExtensionPage('options.html', {
          width: 800,
          height: 900,
        });
        try {
          const before = await storedSites();
          const refused = await chooseFile(
            options,
            JSON.stringify({
              format: 'linkback-settings',
              version: 1,
              settings: { attributeOnCopy: true, attributeOnPaste: true, minWords: 6 },
              sites: {
                'vesti.test': { kind: 'rule', linkTo: 'article', placement: 'middle', label: null },
              },
            }),
          );
          assert.match(refused, /sites\["vesti\.test"\]\.placement/);
          assert.match(refused, /Nothing was changed/);
          assert.equal(await storedSites(), before, 'a refused file changes nothing');

          const imported = await chooseFile(
            options,
            JSON.stringify({
              format: 'linkback-settings',
              version: 1,
              settings: { attributeOnCopy: true, attributeOnPaste: true, minWords: 6 },
              sites: { 'vesti.test': { kind: 'off' } },
            }),
          );
          assert.match(imported, /Imported/);
          const listed = await options.waitFor(
            () => document.querySelector('[data-site="vesti.test"]')?.textContent ?? null,
          );
          assert.match(listed, /Off/);
          // The vesti.test tab has been open all along: its next copy carries nothing.
          const off = await copyAndPaste('ru');
          assert.equal(norm(off.pasted.plain ?? ''), norm(off.text));

          // Export: the file handed to the browser holds what is stored, and reads back. (The
          // test keeps the Blob the page makes: an extension page's CSP does not let it fetch one.)
          await options.evaluate(() => {
            const w = window as unknown as { __exported?: Blob };
            const make = URL.createObjectURL.bind(URL);
            URL.createObjectURL = (blob: Blob | MediaSource) => {
              if (blob instanceof Blob) w.__exported = blob;
              return make(blob);
            };
            document.querySelector<HTMLButtonElement>('[data-action="export"]')!.click();
          });
          const exported = await options.waitFor(
            async () =>
              (await (window as unknown as { __exported?: Blob }).__exported?.text()) ?? null,
          );
          const file = JSON.parse(exported) as { format: string; sites: unknown };
          assert.equal(file.format, 'linkback-settings');
          assert.deepEqual(file.sites, { 'vesti.test': { kind: 'off' } });

          // Forgetting the site in the list: the site's own rule applies again, still without reload.
          await options.evaluate(() =>
            document
              .querySelector<HTMLButtonElement>(
                '[data-site="vesti.test"] [data-action="site-forget"]',
              )!
              .click(),
          );
          await options.waitFor(() => !document.querySelector('[data-site="vesti.test"]'));
          const on = await copyAndPaste('ru');
          assert.ok(on.pasted.plain?.includes(`Источник: ${publisherSiteUrl('ru')}`));
        } finally {
          await options.close();
        }
      },
    );
    it(
      'the options page: placement, label language and a deep link change the next copy in an open tab',
      T,
      async () => {
        const options = await browser.openExtensionPage('options.html', {
          width: 800,
          height: 900,
        });
        const set = (name: string, value: string | boolean) =>
          options.evaluate(
            ({ name, value }: { name: string; value: string | boolean }) => {
              const field = document.querySelector<HTMLInputElement | HTMLSelectElement>(
                `[name="${name}"]`,
              )!;
              if (typeof value === 'boolean') (field as HTMLInputElement).checked = value;
              else field.value = value;
              field.dispatchEvent(new Event('change', { bubbles: true }));
            },
            { name, value },
          );
        try {
          await options.waitFor(() => !!document.querySelector('[name="placement"]'));
          // vesti.test's notice lets the link go anywhere: the user's "before the text" applies.
          await set('placement', 'start');
          await set('labelLanguage', 'interface');
          await set('deepLink', true);
          await options.waitFor(
            () => document.querySelector('.settings [role="status"]')?.textContent === 'Saved.',
          );
        } finally {
          // Closed before the copy: a tab in front of the article may still be laying out
          // when the mouse drags (Firefox 140 once selected one paragraph of two).
          await options.close();
        }
        try {
          const { text, pasted } = await copyAndPaste('ru');
          const [first = '', ...rest] = (pasted.plain ?? '').split('\n\n');
          // The browsers here run in English: the label follows the interface, not the article.
          assert.match(first, /^Source: http:\/\/vesti\.test\/news\/2025\/terminal-opens#:~:text=/);
          assert.ok(first.includes(encodeURIComponent('Новый')), first);
          assert.equal(norm(rest.join(' ')), norm(text));
        } finally {
          await browser.evalInExtension(async () => {
            type Api = { storage: { local: { remove(key: string): Promise<void> } } };
            const g = globalThis as unknown as { browser?: Api; chrome: Api };
            // Back to the defaults for the tests after this one.
            await (g.browser ?? g.chrome).storage.local.remove('settings');
          });
        }
      },
    );
    /** The settings as stored (what the article scripts follow). */
    const storedSettings = () =>
      browser.evalInExtension(async () => {
        type Api = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        return (await (g.browser ?? g.chrome).storage.local.get('settings')).settings as
          | {
              attributeOnCopy?: boolean;
              attributeOnPaste?: boolean;
              template?: { plain: string | null; html: string | null };
            }
          | undefined;
      });

    it(
      'the options page: a template and the mode, typed and clicked, shape the next copy in an open tab; Off adds nothing',
      T,
      async () => {
        // The article's tab is open and its script there before anything changes.
        const page = await site('ru');
        await selectParagraphs(page, 0, 1, BODY);
        await articleScriptArrived(page);

        const plainTemplate = '{site} - {title} ({published}): {url}';
        const htmlTemplate = '<{title}>, {author}. {label}: {url}';
        const openOptions = async () => {
          const options = await browser.openExtensionPage('options.html', {
            width: 800,
            height: 900,
          });
          await options.waitFor(() => !!document.querySelector('textarea[name="templateHtml"]'));
          return options;
        };
        /** A real mouse click in `selector` on the options page. */
        const click = async (options: E2EPage, selector: string) => {
          const at = await elementCenter(options, selector);
          if (!at) throw new Error(`${selector} is not on the options page`);
          await options.click(at.x, at.y);
        };
        try {
          const options = await openOptions();
          try {
            await click(options, 'input[name="mode"][value="copy"]');
            await click(options, 'textarea[name="templatePlain"]');
            await options.type(plainTemplate);
            await click(options, 'textarea[name="templateHtml"]');
            await options.type(htmlTemplate);
            await eventually(async () => {
              const stored = await storedSettings();
              return (
                stored?.attributeOnCopy === true &&
                stored.attributeOnPaste === false &&
                stored.template?.plain === plainTemplate &&
                stored.template.html === htmlTemplate
              );
            }, 'the mode and the templates typed never reached storage');
            const preview = await options.evaluate(
              () => document.querySelector('[data-testid="preview-plain"]')?.textContent ?? '',
            );
            assert.match(preview, /^Example News - .+ \(2025-04-01\): https:\/\/example\.com\//);
          } finally {
            // Closed before the copy, as above: the article's tab must be laid out in front.
            await options.close();
          }

          const vesti = PUBLISHER_SITES.ru;
          const url = publisherSiteUrl('ru');
          const templated = await copyAndPaste('ru');
          assert.ok(
            templated.pasted.plain
              ?.trimEnd()
              .endsWith(`\n\n${vesti.siteName} - ${vesti.title} (2025-04-01): ${url}`),
            `the plain flavour ends with the template's line: ${JSON.stringify(templated.pasted.plain?.slice(-160))}`,
          );
          assert.ok(
            norm(templated.pasted.plain ?? '').startsWith(norm(templated.text)),
            'the copied text comes first, whole',
          );
          assert.ok(
            templated.pasted.html?.includes(
              `<p data-linkback="attribution">&lt;${vesti.title}&gt;, ${vesti.author}. Источник: ` +
                `<a href="${url}">${url}</a></p>`,
            ),
            `the HTML flavour ends with the template's line, its text escaped and the link active: ${JSON.stringify(templated.pasted.html?.slice(-300))}`,
          );

          const again = await openOptions();
          try {
            await click(again, 'input[name="mode"][value="off"]');
            await eventually(async () => {
              const stored = await storedSettings();
              return stored?.attributeOnCopy === false && stored.attributeOnPaste === false;
            }, 'mode Off never reached storage');
          } finally {
            await again.close();
          }
          const off = await copyAndPaste('ru');
          assert.equal(
            norm(off.pasted.plain ?? ''),
            norm(off.text),
            'Off: the copy carries nothing',
          );
          assert.doesNotMatch(off.pasted.html ?? '', /data-linkback|vesti\.test\/news/);
        } finally {
          await browser.evalInExtension(async () => {
            type Api = { storage: { local: { remove(key: string): Promise<void> } } };
            const g = globalThis as unknown as { browser?: Api; chrome: Api };
            // Back to the defaults for the tests after this one.
            await (g.browser ?? g.chrome).storage.local.remove('settings');
          });
        }
      },
    );
    it(
      'the history page lists the copies and pastes, filters them, and exports a CSV that parses back',
      T,
      async () => {
        const history = await browser.openExtensionPage('history-page.html', {
          width: 1000,
          height: 900,
        });
        try {
          const listed = () =>
            history.evaluate(() =>
              [...document.querySelectorAll('[data-testid="history-list"] > li')].map((li) => ({
                kind: li.getAttribute('data-kind') ?? '',
                title: li.querySelector('[data-field="title"]')?.textContent ?? '',
              })),
            );
          await history.waitFor(() => !!document.querySelector('[data-testid="history-list"]'));
          const all = await listed();
          assert.ok(
            all.some((row) => row.kind === 'copy' && row.title === PUBLISHER_SITES.ru.title),
          );
          assert.ok(
            all.some((row) => row.kind === 'paste'),
            'the repaired paste is listed',
          );

          await history.evaluate(() => {
            const kind = document.querySelector<HTMLSelectElement>('[name="kind"]')!;
            kind.value = 'copy';
            kind.dispatchEvent(new Event('change', { bubbles: true }));
            const query = document.querySelector<HTMLInputElement>('[name="query"]')!;
            query.value = 'vesti.test';
            query.dispatchEvent(new Event('input', { bubbles: true }));
          });
          const shown = await eventually(async () => {
            const rows = await listed();
            return rows.length > 0 && rows.every((row) => row.kind === 'copy') ? rows : null;
          }, 'the filtered history never showed only vesti.test copies');
          assert.ok(
            shown.every((row) => row.title === PUBLISHER_SITES.ru.title),
            JSON.stringify(shown),
          );

          // The CSV of this view: the Blob the page hands the browser, read back.
          await history.evaluate(() => {
            const w = window as unknown as { __exported?: Blob };
            const make = URL.createObjectURL.bind(URL);
            URL.createObjectURL = (blob: Blob | MediaSource) => {
              if (blob instanceof Blob) w.__exported = blob;
              return make(blob);
            };
            document.querySelector<HTMLButtonElement>('[data-action="export-csv"]')!.click();
          });
          const csv = await history.waitFor(
            async () =>
              (await (window as unknown as { __exported?: Blob }).__exported?.text()) ?? null,
          );
          const rows = parseCsv(csv);
          assert.deepEqual(rows[0]?.slice(0, 3), ['kind', 'time', 'title']);
          assert.deepEqual(
            rows.slice(1).map((row) => [row[0], row[2]]),
            shown.map((row) => [row.kind, row.title]),
            'the CSV holds exactly the rows shown',
          );
        } finally {
          await history.close();
        }
      },
    );

    /** What the extension keeps under `keys` in storage.local, as stored. */
    const stored = <T>(keys: string[]) =>
      browser.evalInExtension(async (wanted: string[]) => {
        type Api = { storage: { local: { get(k: string[]): Promise<Record<string, unknown>> } } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        return (await (g.browser ?? g.chrome).storage.local.get(wanted)) as T;
      }, keys);

    async function openHistory(): Promise<E2EPage> {
      const history = await browser.openExtensionPage('history-page.html', {
        width: 1000,
        height: 900,
      });
      await history.waitFor(
        () =>
          !!document.querySelector('[data-testid="history-list"], [data-testid="history-empty"]'),
      );
      return history;
    }

    /** The history page's list as shown: kind, id, time, article title and the line that says what happened. */
    const shownRows = (history: E2EPage) =>
      history.evaluate(() =>
        [...document.querySelectorAll('[data-testid="history-list"] > li')].map((li) => ({
          kind: li.getAttribute('data-kind') ?? '',
          id: li.getAttribute('data-id') ?? '',
          time: li.querySelector('time')?.getAttribute('datetime') ?? '',
          title: li.querySelector('[data-field="title"]')?.textContent ?? '',
          line: li.querySelector('.hint')?.textContent ?? '',
          page: li.querySelector<HTMLAnchorElement>('[data-field="page"]')?.href ?? null,
        })),
      );

    const chooseKind = (history: E2EPage, kind: string) =>
      history.evaluate((value: string) => {
        const select = document.querySelector<HTMLSelectElement>('[name="kind"]')!;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, kind);

    /** The CSV the page hands the browser for the view shown (the Blob, kept as it is made). */
    async function exportedCsv(history: E2EPage): Promise<string[][]> {
      await history.evaluate(() => {
        const w = window as unknown as { __csv?: Blob | null; __keeps?: true };
        w.__csv = null;
        if (!w.__keeps) {
          w.__keeps = true;
          const make = URL.createObjectURL.bind(URL);
          URL.createObjectURL = (blob: Blob | MediaSource) => {
            if (blob instanceof Blob) w.__csv = blob;
            return make(blob);
          };
        }
        document.querySelector<HTMLButtonElement>('[data-action="export-csv"]')!.click();
      });
      const csv = await history.waitFor(
        async () => (await (window as unknown as { __csv?: Blob | null }).__csv?.text()) ?? null,
      );
      return parseCsv(csv);
    }

    it(
      'copies and pastes made in two tabs at once all reach the history, newest first; a kind shows only itself; the CSV holds the rows shown',
      T,
      async () => {
        const start = Date.now();
        const editorA = await browser.newPage(EDITORS_URL);
        const editorB = await browser.newPage(EDITORS_URL);
        // A paste says where it went by the page's title: each editor tab has its own.
        await editorA.evaluate(() => void (document.title = 'Editor A'));
        await editorB.evaluate(() => void (document.title = 'Editor B'));
        const pairs = [
          { name: 'ru', editor: editorA, destination: 'Editor A' },
          { name: 'cc', editor: editorB, destination: 'Editor B' },
        ] as const;
        for (const { name } of pairs) await site(name);
        type Stored = {
          copyRecords?: Array<{ id: string; articleUrl: string; copiedAt: number }>;
          pasteRecords?: Array<{ id: string; destinationTitle: string; pastedAt: number }>;
        };
        const fresh = async () => {
          const { copyRecords = [], pasteRecords = [] } = await stored<Stored>([
            'copyRecords',
            'pasteRecords',
          ]);
          return {
            copies: copyRecords.filter((copy) => copy.copiedAt >= start),
            pastes: pasteRecords.filter((paste) => paste.pastedAt >= start),
          };
        };
        let history: E2EPage | null = null;
        try {
          // Two tabs working at once, as the background sees them: a person's keys and mouse
          // are in one tab at a time (and so are the drivers'), so the copies follow each
          // other at once, then the pastes, and their records reach the background together.
          // The clipboard is one for the whole browser: both pastes carry the second copy;
          // each copy and each paste must be recorded once.
          for (const { name } of pairs) {
            const page = await site(name);
            await selectParagraphs(page, 1, 2, BODY);
            await articleScriptArrived(page);
            await pressCopy(page);
          }
          // The copies' records (and with them the paste index) before the pastes.
          await eventually(async () => {
            const { copies } = await fresh();
            return pairs.every(({ name }) =>
              copies.some((copy) => copy.articleUrl === publisherSiteUrl(name)),
            );
          }, 'the two copies never reached the records');
          await new Promise((resolve) => setTimeout(resolve, 300));
          for (const { editor } of pairs) await pasteInto(editor, '#probe');
          const made = await eventually(async () => {
            const now = await fresh();
            return now.copies.length >= 2 && now.pastes.length >= 2 ? now : null;
          }, 'the two copies and two pastes never all reached the records');
          assert.deepEqual(
            made.copies.map((copy) => copy.articleUrl).sort(),
            [publisherSiteUrl('cc'), publisherSiteUrl('ru')],
            'each tab’s copy is recorded once',
          );
          assert.deepEqual(
            made.pastes.map((paste) => paste.destinationTitle).sort(),
            ['Editor A', 'Editor B'],
            'each tab’s paste is recorded once',
          );

          history = await openHistory();
          const rows = await shownRows(history);
          const times = rows.map((row) => Date.parse(row.time));
          assert.ok(
            times.every((time, i) => i === 0 || times[i - 1]! >= time),
            `newest first: ${JSON.stringify(rows.map((row) => row.time))}`,
          );
          const recent = rows.filter((row) => Date.parse(row.time) >= start);
          assert.deepEqual(
            recent.map((row) => row.id).sort(),
            [...made.copies, ...made.pastes].map((record) => record.id).sort(),
            'the history shows exactly the records made',
          );
          assert.deepEqual(
            recent
              .filter((row) => row.kind === 'copy')
              .map((row) => row.title)
              .sort(),
            [PUBLISHER_SITES.cc.title, PUBLISHER_SITES.ru.title].sort(),
          );
          for (const { destination } of pairs) {
            assert.ok(
              recent.some((row) => row.kind === 'paste' && row.line.includes(destination)),
              `a paste into ${destination} is listed: ${JSON.stringify(recent)}`,
            );
          }

          // The CSV of the whole view: the same rows, in the same order.
          const csv = await exportedCsv(history);
          const column = (name: string) => csv[0]!.indexOf(name);
          assert.deepEqual(
            csv
              .slice(1)
              .map((row) => [row[column('kind')], row[column('time')], row[column('title')]]),
            rows.map((row) => [row.kind, row.time, row.title]),
            'the CSV holds exactly the rows shown',
          );

          for (const kind of ['paste', 'copy'] as const) {
            await chooseKind(history, kind);
            const only = await eventually(async () => {
              const shown = await shownRows(history!);
              return shown.every((row) => row.kind === kind) ? shown : null;
            }, `the ${kind} filter never showed only ${kind} entries`);
            assert.deepEqual(
              only.map((row) => row.id),
              rows.filter((row) => row.kind === kind).map((row) => row.id),
              `the ${kind} filter shows every ${kind}, in the same order`,
            );
          }
        } finally {
          await history?.close();
          await editorA.close();
          await editorB.close();
        }
      },
    );

    it(
      'a page found reusing a read article is listed as “Reuse found”, once however often it is checked, and exported',
      T,
      async () => {
        const article = await browser.newPage(CALIBER_EN_URL);
        const reuseUrl = `http://${EDITOR_HOST}/reuse-nolink.html`;
        let reuse: E2EPage | null = null;
        let history: E2EPage | null = null;
        type Finding = { pageUrl: string; foundAt: number; linkStatus: string };
        const findings = async () =>
          (
            (await stored<{ reuseFindings?: Finding[] }>(['reuseFindings'])).reuseFindings ?? []
          ).filter((finding) => finding.pageUrl === reuseUrl);
        try {
          await eventually(
            async () =>
              (
                await stored<{ articleSummary?: { publisherHosts: string[] } }>(['articleSummary'])
              ).articleSummary?.publisherHosts.includes('caliber.az'),
            'the Caliber.az article was never indexed',
            15_000,
          );
          reuse = await browser.newPage(reuseUrl);
          const tabId = await browser.findTabId(reuseUrl, { timeout: 15_000 });
          await eventually(
            async () => (await badgeText(browser, tabId)) === '!',
            'no “!” badge on the page that reuses the article without a link',
            10_000,
          );
          const [first] = await eventually(async () => {
            const found = await findings();
            return found.length ? found : null;
          }, 'the reuse was never recorded');
          assert.equal(first!.linkStatus, 'none');

          // Checked again (a reload): the same finding, newer, not a second one.
          await reuse.goto(reuseUrl);
          const again = await eventually(async () => {
            const found = await findings();
            return found.some((finding) => finding.foundAt > first!.foundAt) ? found : null;
          }, 'the page checked again never updated its finding');
          assert.equal(again.length, 1, 'one finding per page and article');

          history = await openHistory();
          await chooseKind(history, 'reuse');
          const rows = await eventually(async () => {
            const shown = await shownRows(history!);
            return shown.length && shown.every((row) => row.kind === 'reuse') ? shown : null;
          }, 'the reuse filter never showed reuse found');
          const row = rows.find((shown) => shown.page === reuseUrl);
          assert.ok(row, `the page is listed and linked: ${JSON.stringify(rows)}`);
          assert.match(row.line, /Reuse found: Digest: envoys to Moscow \(no link\)/);
          assert.match(row.line, /No hyperlink to the source · Reuses \d+% of the article/);
          assert.match(row.title, /Trump sends/);

          const csv = await exportedCsv(history);
          const column = (name: string) => csv[0]!.indexOf(name);
          const exported = csv
            .slice(1)
            .find((cells) => cells[column('destination')]?.endsWith(reuseUrl));
          assert.ok(exported, 'the CSV has the finding');
          assert.equal(exported[column('kind')], 'reuse');
          assert.equal(exported[column('links back')], 'none');
          assert.equal(exported[column('meets rule')], 'no');
          assert.match(exported[column('share reused')] ?? '', /^\d+%$/);
        } finally {
          await history?.close();
          await reuse?.close();
          await article.close();
        }
      },
    );

    it(
      'a shorter retention chosen in the options applies at once; Clear all, once confirmed, empties the history',
      T,
      async () => {
        type Paste = { id: string; pastedAt: number };
        const pastes = async () =>
          (await stored<{ pasteRecords?: Paste[] }>(['pasteRecords'])).pasteRecords ?? [];
        // A paste from 40 days ago, as an earlier session would have left it.
        const old = {
          id: 'forty-days-old',
          articleUrl: publisherSiteUrl('ru'),
          title: PUBLISHER_SITES.ru.title,
          destinationOrigin: 'http://editor.test',
          destinationTitle: 'An old draft',
          pastedAt: Date.now() - 40 * 86_400_000,
          added: true,
        };
        const kept = (await pastes()).map((paste) => paste.id);
        await browser.evalInExtension(async (entry: typeof old) => {
          type Api = {
            storage: {
              local: {
                get(k: string): Promise<Record<string, unknown>>;
                set(v: Record<string, unknown>): Promise<void>;
              };
            };
          };
          const g = globalThis as unknown as { browser?: Api; chrome: Api };
          const local = (g.browser ?? g.chrome).storage.local;
          const { pasteRecords = [] } = (await local.get('pasteRecords')) as {
            pasteRecords?: unknown[];
          };
          await local.set({ pasteRecords: [...pasteRecords, entry] });
        }, old);
        assert.ok((await pastes()).some((paste) => paste.id === old.id));

        const options = await browser.openExtensionPage('options.html', {
          width: 800,
          height: 900,
        });
        try {
          await options.waitFor(() => !!document.querySelector('[name="historyMaxDays"]'));
          await options.evaluate(() => {
            const days = document.querySelector<HTMLSelectElement>('[name="historyMaxDays"]')!;
            days.value = '30';
            days.dispatchEvent(new Event('change', { bubbles: true }));
          });
          const after = await eventually(async () => {
            const now = await pastes();
            return now.some((paste) => paste.id === old.id) ? null : now;
          }, 'the paste older than 30 days stayed after the retention was shortened');
          assert.deepEqual(
            after.map((paste) => paste.id),
            kept,
            'only what is older than 30 days went',
          );
        } finally {
          await options.close();
          await browser.evalInExtension(async () => {
            type Api = { storage: { local: { remove(key: string): Promise<void> } } };
            const g = globalThis as unknown as { browser?: Api; chrome: Api };
            await (g.browser ?? g.chrome).storage.local.remove('settings');
          });
        }

        const history = await openHistory();
        try {
          const total = (await shownRows(history)).length;
          assert.ok(total > 0, 'the history has entries to clear');
          await history.evaluate(() =>
            document.querySelector<HTMLButtonElement>('[data-action="history-clear"]')!.click(),
          );
          const question = await history.waitFor(
            () =>
              document.querySelector('[data-testid="history-clear-confirm"]')?.textContent ?? null,
          );
          assert.ok(question.includes(`Delete all ${total} entries`), question);
          await history.evaluate(() =>
            document
              .querySelector<HTMLButtonElement>('[data-action="history-clear-confirm"]')!
              .click(),
          );
          await history.waitFor(
            () => !!document.querySelector('[data-testid="history-empty"]'),
            undefined,
            {
              message: 'the history page never said it is empty after Clear all',
            },
          );
          const left = await stored<Record<string, unknown[]>>([
            'copyRecords',
            'pasteRecords',
            'reuseFindings',
          ]);
          assert.deepEqual(left, { copyRecords: [], pasteRecords: [], reuseFindings: [] });
        } finally {
          await history.close();
        }
      },
    );
  });
}
