/**
 * `npm run demo`: Linkback on a local copy of a Caliber.az article, and on other news sites
 * that state their reuse terms in their own words, in Chromium.
 *
 * With a display (DISPLAY or WAYLAND_DISPLAY): opens a headed Chromium with the built
 * extension on the article and on a page of paste targets, and waits until you close it.
 * Without one: runs the walkthrough headless (real selection, Control+c, Control+v) and
 * writes screenshots to demo-output/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  launchChromiumWithExtension,
  playwrightPage,
  type ChromiumExtensionBrowser,
  type E2EPage,
} from '../tests/e2e/browsers.ts';
import {
  elementCenter,
  expectedArticleUrl,
  lastProbePaste,
  openTabUnloaded,
  pasteInto,
  pressCopy,
  resetEditors,
  selectParagraphs,
  setPageStripsCopies,
} from '../tests/e2e/helpers.ts';
import {
  caliberAzUrl,
  CALIBER_EN_URL,
  CALIBER_HOME_URL,
  EDITORS_URL,
  EDITOR_HOST,
  REPO_ROOT,
  startServer,
  type TestServer,
} from '../tests/e2e/server.ts';
import { PUBLISHER_SITES, publisherSiteUrl } from '../tests/e2e/publisher-sites.ts';

const OUT_DIR = join(REPO_ROOT, 'demo-output');

function step(message: string): void {
  console.log(`\n▸ ${message}`);
}

/** An extension page as the system's dark mode shows it, saved whole. */
async function darkScreenshot(page: E2EPage, file: string): Promise<void> {
  await playwrightPage(page).emulateMedia({ colorScheme: 'dark' });
  const path = join(OUT_DIR, file);
  await page.screenshot(path, { fullPage: true });
  console.log(`  screenshot: ${path}`);
}

/**
 * The popup on the English article with Chromium's interface in `lang`: the strings, dates
 * and numbers follow the interface, the article's own fields stay as the page wrote them.
 */
async function popupInLanguage(server: TestServer, lang: string, file: string): Promise<void> {
  const browser = await launchChromiumWithExtension({ serverHostPort: server.hostPort, lang });
  try {
    await browser.newPage(CALIBER_EN_URL);
    const popup = await browser.openPopup(await browser.findTabId(CALIBER_EN_URL), {
      width: 400,
      height: 600,
    });
    const heading = await popup.waitFor(
      () => document.querySelector('[data-testid="metadata-card"] .eyebrow')?.textContent ?? null,
      undefined,
      { timeout: 8000, message: `the popup (${lang}) shows no metadata card` },
    );
    console.log(`  ${lang}: "${heading}"`);
    const path = join(OUT_DIR, file);
    await popup.screenshot(path, { fullPage: true });
    console.log(`  screenshot: ${path}`);
  } finally {
    await browser.close();
  }
}

async function headed(server: TestServer): Promise<void> {
  const browser = await launchChromiumWithExtension({
    serverHostPort: server.hostPort,
    headed: true,
    // This script closes the browser itself on Ctrl+C, then the server.
    handleSignals: false,
  });
  const stop = async () => {
    await browser.close();
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  await browser.newPage(CALIBER_EN_URL);
  await browser.newPage(EDITORS_URL);
  console.log(`
Linkback demo — Chromium with the extension from .output/chrome-mv3
(caliber.az and editor.test are served locally from port ${server.port}).

Tabs:
  1. ${CALIBER_EN_URL}
  2. ${EDITORS_URL}

Try:
  • In tab 1, hover the toolbar's puzzle icon and pin Linkback: its title says the article
    is recognised; click it for the metadata card (title, author, date, views, reuse rule).
  • Select a few paragraphs of the article, press Ctrl+C, switch to tab 2 and press Ctrl+V
    in the textarea (plain text: "Source: <url>" line) and in the rich box (a real link).
  • Double-click a single word and copy it: nothing is added.
  • Put the caret inside text in the textarea and paste: the Source line ends with a line
    break, never glued to the next word. Paste into the search box of
    http://${EDITOR_HOST}/quiet-fields.html: the sentence arrives without the Source line.
  • Paste repair: copy from the article, then paste into the editors page — pasted text that
    lost its link (the page stripped it) gets it back inside the editor.
  • Republication check: open http://${EDITOR_HOST}/reuse-nolink.html (quotes the article, no
    link: badge "!"), reuse-linked.html ("✓"), reuse-unrelated.html (nothing).
  • Other articles: http://caliber.az/post/… (Russian, "Источник"), http://caliber.az/ (home),
    ${caliberAzUrl()} (its cover photo is an <img>: the popup shows a thumbnail the page drew).

Close the browser window (or press Ctrl+C here) to stop.`);
  await browser.waitForClose();
  await browser.close(); // removes the temporary profile
  await server.close();
}

async function walkthrough(server: TestServer): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  let browser: ChromiumExtensionBrowser | null = null;
  try {
    step('Launching headless Chromium with .output/chrome-mv3');
    browser = await launchChromiumWithExtension({ serverHostPort: server.hostPort });
    console.log(`  extension: ${browser.extensionOrigin}`);

    step(`Opening the article ${CALIBER_EN_URL}`);
    const article = await browser.newPage(CALIBER_EN_URL);
    const home = await browser.newPage(CALIBER_HOME_URL);
    const editors = await browser.newPage(EDITORS_URL);
    const url = await expectedArticleUrl(article);
    const tabId = await browser.findTabId(CALIBER_EN_URL);
    const title = await browser.getActionTitle(tabId);
    console.log(`  toolbar title: ${title}`);

    step('Selecting the first three paragraphs with the mouse');
    const selection = await selectParagraphs(article);
    console.log(`  selected ${selection.text.length} characters`);
    const shot1 = join(OUT_DIR, '1-article-selection.png');
    await article.screenshot(shot1);
    console.log(`  screenshot: ${shot1}`);

    step('Pressing Control+c on the article');
    await pressCopy(article);

    step(`Pasting with Control+v on ${EDITORS_URL}`);
    await resetEditors(editors);
    await pasteInto(editors, '#probe');
    const paste = await lastProbePaste(editors);
    await pasteInto(editors, '#ta');
    await pasteInto(editors, '#ce');
    await editors.waitFor(() => (document.getElementById('ce')?.textContent ?? '').length > 0);
    await editors.evaluate(() => window.scrollTo(0, 0));
    const shot2 = join(OUT_DIR, '2-pasted.png');
    await editors.screenshot(shot2, { fullPage: true });
    console.log(`  screenshot: ${shot2}`);
    console.log('\n  ----- text/plain on the clipboard -----');
    console.log((paste.plain ?? '(none)').replace(/^/gm, '  | '));
    console.log('  ----- text/html on the clipboard (last 300 characters) -----');
    console.log(`  | …${(paste.html ?? '(none)').slice(-300)}`);

    step('Opening the popup for the article tab (400×600)');
    const popup = await browser.openPopup(tabId, { width: 400, height: 600 });
    await popup
      .waitFor(() => document.querySelector('[data-testid="metadata-card"]') !== null, undefined, {
        timeout: 8000,
        message: 'the popup shows no metadata card',
      })
      .catch((err: Error) => console.log(`  warning: ${err.message}`));
    const shot3 = join(OUT_DIR, '3-popup.png');
    await popup.screenshot(shot3);
    console.log(`  screenshot: ${shot3}`);
    // All of it, beside the Russian and Azerbaijani ones of step 18.
    const shot18en = join(OUT_DIR, '18-popup-en.png');
    await popup.screenshot(shot18en, { fullPage: true });
    console.log(`  screenshot: ${shot18en}`);

    // The English page's cover is a CSS background: no element to draw, so no picture. The
    // Azerbaijani page shows its cover in an <img>, and the card shows a thumbnail of it.
    step('Opening the popup for the Azerbaijani article, whose cover photo the page has loaded');
    const azArticle = await browser.newPage(caliberAzUrl());
    const azPopup = await browser.openPopup(await browser.findTabId(azArticle.url()), {
      width: 400,
      height: 600,
    });
    const thumbnail = await azPopup
      .waitFor(
        () => {
          const image = document.querySelector<HTMLImageElement>('[data-testid="lead-thumbnail"]');
          return image?.complete && image.naturalWidth > 0
            ? `${image.naturalWidth}×${image.naturalHeight}, ${image.src.length} characters of data: URL`
            : null;
        },
        undefined,
        { timeout: 8000, message: 'the popup shows no thumbnail of the cover' },
      )
      .catch((err: Error) => `none (warning: ${err.message})`);
    console.log(`  thumbnail drawn by the page, no request made: ${thumbnail}`);
    const shot3b = join(OUT_DIR, '3b-popup-cover-thumbnail.png');
    await azPopup.screenshot(shot3b);
    console.log(`  screenshot: ${shot3b}`);

    step('Opening the popup for the home page tab (recent copies)');
    const homeTab = await browser.findTabId(home.url());
    const popupHome = await browser.openPopup(homeTab, { width: 400, height: 600 });
    await popupHome
      .waitFor(() => document.querySelector('[data-testid="copy-record"]') !== null, undefined, {
        timeout: 8000,
        message: 'the popup lists no recent copy',
      })
      .catch((err: Error) => console.log(`  warning: ${err.message}`));
    const shot4 = join(OUT_DIR, '4-popup-recent-copies.png');
    await popupHome.screenshot(shot4);
    console.log(`  screenshot: ${shot4}`);

    step(
      'Paste repair: the article page strips the link from the clipboard, as many news sites do',
    );
    await setPageStripsCopies(article, true);
    await selectParagraphs(article);
    await pressCopy(article);
    await setPageStripsCopies(article, false);
    await new Promise((resolve) => setTimeout(resolve, 800)); // the copy reaches the paste index
    await resetEditors(editors);
    await pasteInto(editors, '#ce');
    const repaired = await editors.waitFor(
      () => {
        const links = [...document.querySelectorAll('#ce a')].map(
          (a) => (a as HTMLAnchorElement).href,
        );
        return links.length ? links : null;
      },
      undefined,
      { timeout: 8000, message: 'no link was added at paste time' },
    );
    console.log(`  the rich box now links to: ${repaired.join(', ')}`);
    await editors
      .waitFor(() => document.querySelector('linkback-notice') !== null, undefined, {
        timeout: 3000,
        message: 'no paste notice',
      })
      .catch((err: Error) => console.log(`  warning: ${err.message}`));
    const shot5 = join(OUT_DIR, '5-paste-repaired.png');
    await editors.screenshot(shot5, { fullPage: true });
    console.log(
      `  screenshot: ${shot5} (with the notice "Source link added", Undo, Not on this site)`,
    );

    step('The notice’s Undo (Alt+Shift+Z): the link comes out, the paste stays as copied');
    await editors.press('Alt+Shift+Z');
    const undone = await editors.waitFor(
      () => {
        const box = document.getElementById('ce');
        return box && !box.querySelector('a') && box.innerText.trim() ? box.innerText.length : null;
      },
      undefined,
      { timeout: 8000, message: 'the notice’s Undo left the link in' },
    );
    console.log(`  the rich box holds the ${undone} characters pasted, and no link`);
    const shot5b = join(OUT_DIR, '5b-paste-notice-undone.png');
    await editors.screenshot(shot5b, { fullPage: true });
    console.log(`  screenshot: ${shot5b}`);

    const reuseUrl = `http://${EDITOR_HOST}/reuse-nolink.html`;
    step(
      'A page you only read pays almost nothing: a fresh tab loads the paste code when used — ' +
        'here a click and Control+v at once, the paste held until it is in',
    );
    const fresh = await browser.newPage(EDITORS_URL);
    const freshField = await elementCenter(fresh, '#ta');
    if (!freshField) throw new Error('no #ta on the editors page');
    await fresh.clickAndPaste(freshField.x, freshField.y);
    const heldPaste = await fresh.waitFor(
      () => (document.getElementById('ta') as HTMLTextAreaElement).value || null,
      undefined,
      { timeout: 8000, message: 'the paste made at once never arrived' },
    );
    console.log(`  the textarea ends: …${JSON.stringify(heldPaste.slice(-90))}`);
    const shot5c = join(OUT_DIR, '5c-paste-at-once.png');
    await fresh.screenshot(shot5c);
    console.log(`  screenshot: ${shot5c}`);
    await fresh.close();

    step(
      'A popup opened while a page still loads says the page is being checked, and shows the ' +
        'report when it comes (the page waits 5 s for a slow image)',
    );
    const loadingUrl = `${reuseUrl}?loading=5000`;
    await openTabUnloaded(browser, loadingUrl);
    const popupChecking = await browser.openPopup(
      await browser.findTabId(loadingUrl, { timeout: 15_000 }),
      { width: 400, height: 600 },
    );
    const checkingText = await popupChecking.waitFor(
      () => document.querySelector('[data-testid="report-checking"]')?.textContent ?? null,
      undefined,
      { message: 'the popup did not say the page is being checked' },
    );
    console.log(`  the popup says: ${checkingText}`);
    const shot5d = join(OUT_DIR, '5d-popup-checking.png');
    await popupChecking.screenshot(shot5d);
    console.log(`  screenshot: ${shot5d}`);
    await popupChecking.waitFor(
      () => document.querySelector('[data-testid="reused-article"]') !== null,
      undefined,
      { timeout: 20_000, message: 'the report never came to the popup' },
    );
    console.log('  then the report: the page reuses the article without a link');
    await popupChecking.close();

    step(`Republication check: ${reuseUrl} quotes the article without a link`);
    await browser.newPage(reuseUrl);
    const reuseTab = await browser.findTabId(reuseUrl, { timeout: 15_000 });
    const popupReuse = await browser.openPopup(reuseTab, { width: 400, height: 600 });
    await popupReuse
      .waitFor(() => document.querySelector('[data-testid="reused-article"]') !== null, undefined, {
        timeout: 8000,
        message: 'the popup reports no reused article',
      })
      .catch((err: Error) => console.log(`  warning: ${err.message}`));
    const shot6 = join(OUT_DIR, '6-popup-republication.png');
    await popupReuse.screenshot(shot6);
    console.log(`  screenshot: ${shot6}`);

    step('Pasting before existing text: the attribution never runs into the next word');
    await selectParagraphs(article, 0, 0);
    await pressCopy(article);
    await new Promise((resolve) => setTimeout(resolve, 800)); // the copy reaches the paste index
    await editors.bringToFront();
    await editors.evaluate(() => {
      const area = document.getElementById('ta') as HTMLTextAreaElement;
      area.value = 'Hello world';
      area.focus();
      area.setSelectionRange(6, 6);
    });
    await editors.press('Control+v');
    const joined = await editors.waitFor(() => {
      const value = (document.getElementById('ta') as HTMLTextAreaElement).value;
      return value.length > 'Hello world'.length ? value : null;
    });
    const afterUrl = joined.slice(joined.indexOf(url) + url.length);
    console.log(`  after the URL: ${JSON.stringify(afterUrl)} (a line break, then "world")`);
    if (!/^\s+world$/.test(afterUrl))
      throw new Error(`the URL runs into the next word: ${afterUrl}`);
    await editors.evaluate(() => {
      // Tall enough to show the whole paste and the "world" after it.
      const area = document.getElementById('ta') as HTMLTextAreaElement;
      area.style.height = `${area.scrollHeight + 8}px`;
      window.scrollTo(0, 0);
    });
    const shot7 = join(OUT_DIR, '7-pasted-before-a-word.png');
    await editors.screenshot(shot7, { fullPage: true });
    console.log(`  screenshot: ${shot7}`);

    const fieldsUrl = `http://${EDITOR_HOST}/quiet-fields.html`;
    step(`Pasting the same copy into a search box (${fieldsUrl}): the sentence alone`);
    const fields = await browser.newPage(fieldsUrl);
    await fields.evaluate(() => document.getElementById('search')?.focus());
    await fields.press('Control+v');
    const query = await fields.waitFor(
      () => (document.getElementById('search') as HTMLInputElement).value || null,
    );
    console.log(`  the search box holds: ${JSON.stringify(query.slice(0, 80))}…`);
    if (query.includes('Source:')) throw new Error('the search box got the attribution');
    const shot8 = join(OUT_DIR, '8-search-box.png');
    await fields.screenshot(shot8);
    console.log(`  screenshot: ${shot8}`);

    step('Damaged stored data: the background repairs it when it starts, and the popup says so');
    await browser.evalInExtension(async () => {
      type Area = {
        get(key: string): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
        remove(key: string): Promise<void>;
      };
      const chrome = (
        globalThis as unknown as { chrome: { storage: { local: Area; session: Area } } }
      ).chrome;
      const { copyRecords } = await chrome.storage.local.get('copyRecords');
      // As a damaged profile leaves it: two unreadable records and a broken paste index.
      await chrome.storage.local.set({
        copyRecords: [...((copyRecords as unknown[]) ?? []), 'not a record', { id: 7 }],
        pasteIndex: { version: 1, sources: 'garbage' },
      });
      await chrome.storage.session.remove('storageHealth'); // as in a new browser session
    });
    const worker = await browser.context.newCDPSession(playwrightPage(article));
    await worker.send('ServiceWorker.enable');
    await worker.send('ServiceWorker.stopAllWorkers');
    await worker.detach();
    await article.goto(CALIBER_EN_URL); // its report starts the background again
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const popupHealth = await browser.openPopup(homeTab, { width: 400, height: 600 });
    const notice = await popupHealth
      .waitFor(() => document.querySelector('[data-testid="storage-notice"]')?.textContent ?? null)
      .catch((err: Error) => `none (warning: ${err.message})`);
    console.log(`  the popup says: ${notice}`);
    const shot9 = join(OUT_DIR, '9-popup-storage-repaired.png');
    await popupHealth.screenshot(shot9);
    console.log(`  screenshot: ${shot9}`);

    step('Storage full: the newest copies are kept, older ones make room, and the popup says so');
    await browser.evalInExtension(async () => {
      type Local = {
        QUOTA_BYTES: number;
        getBytesInUse(keys: null): Promise<number>;
        set(items: Record<string, unknown>): Promise<void>;
      };
      const chrome = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome;
      const { local } = chrome.storage;
      // Another extension's worth of data, as it were: all but 2 kB of the 10 MB quota.
      const room = local.QUOTA_BYTES - (await local.getBytesInUse(null)) - 2_000;
      await local.set({ demoFiller: 'x'.repeat(Math.max(0, room - 30)) });
    });
    for (const [from, to] of [
      [3, 4],
      [4, 5],
      [5, 6],
    ] as const) {
      await selectParagraphs(article, from, to);
      await pressCopy(article);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const popupFull = await browser.openPopup(tabId, { width: 400, height: 600 });
    const fullNotice = await popupFull
      .waitFor(() => document.querySelector('[data-testid="storage-notice"]')?.textContent ?? null)
      .catch((err: Error) => `none (warning: ${err.message})`);
    console.log(`  the popup says: ${fullNotice}`);
    const shot10 = join(OUT_DIR, '10-popup-storage-full.png');
    await popupFull.screenshot(shot10, { fullPage: true });
    console.log(`  screenshot: ${shot10}`);
    await browser.evalInExtension(async () => {
      const chrome = (
        globalThis as unknown as {
          chrome: { storage: { local: { remove(key: string): Promise<void> } } };
        }
      ).chrome;
      await chrome.storage.local.remove('demoFiller');
    });

    step('Any publisher: sites other than Caliber.az, each with its own reuse terms');
    for (const [name, file] of [
      ['ru', '11-popup-any-publisher-ru-notice.png'],
      ['az', '12-popup-any-publisher-az-first-paragraph.png'],
      ['cc', '13-popup-any-publisher-cc-by.png'],
    ] as const) {
      const url = publisherSiteUrl(name);
      const page = await browser.newPage(url);
      await selectParagraphs(page, 0, 1, '.article-body p');
      // The article script arrives as the selection begins; a person's Control+c comes later.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await pressCopy(page);
      await resetEditors(editors);
      await pasteInto(editors, '#probe');
      const copied = await lastProbePaste(editors);
      const attribution = (copied.plain ?? '').split('\n\n');
      console.log(
        `  ${PUBLISHER_SITES[name].host}: the copy carries "${name === 'az' ? attribution[0] : attribution[attribution.length - 1]}"`,
      );
      const sitePopup = await browser.openPopup(await browser.findTabId(url), {
        width: 400,
        height: 900,
      });
      await sitePopup.waitFor(() => !!document.querySelector('[data-testid="rule-card"]'));
      const shot = join(OUT_DIR, file);
      await sitePopup.screenshot(shot, { fullPage: true });
      console.log(`  screenshot: ${shot}`);
      await sitePopup.close();
    }
    step('Turning the rule off for vesti.test in the popup: the next copy there carries nothing');
    const vestiUrl = publisherSiteUrl('ru');
    const vesti = await browser.newPage(`${vestiUrl}?demo`);
    const vestiPopup = await browser.openPopup(await browser.findTabId(`${vestiUrl}?demo`), {
      width: 400,
      height: 900,
    });
    await vestiPopup.waitFor(() => !!document.querySelector('[data-action="rule-off"]'));
    await vestiPopup.evaluate(() =>
      document.querySelector<HTMLButtonElement>('[data-action="rule-off"]')?.click(),
    );
    await vestiPopup.waitFor(() => !!document.querySelector('[data-action="rule-on"]'));
    const shot14 = join(OUT_DIR, '14-popup-any-publisher-turned-off.png');
    await vestiPopup.screenshot(shot14, { fullPage: true });
    console.log(`  screenshot: ${shot14}`);
    await selectParagraphs(vesti, 2, 3, '.article-body p');
    await pressCopy(vesti);
    await resetEditors(editors);
    await pasteInto(editors, '#probe');
    console.log(`  the copy now ends: "${(await lastProbePaste(editors)).plain?.slice(-60)}"`);
    await vestiPopup.evaluate(() =>
      document.querySelector<HTMLButtonElement>('[data-action="rule-on"]')?.click(),
    );

    step('The options page: your word on sites, and a settings file refused by field');
    const options = await browser.openExtensionPage('options.html', { width: 720, height: 900 });
    await options.waitFor(() => !!document.querySelector('input[name="host"]'));
    await options.evaluate(() => {
      const host = document.querySelector<HTMLInputElement>('input[name="host"]');
      if (!host) throw new Error('the options page has no host field');
      host.value = 'plain.test';
      host.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options.evaluate(() =>
      document.querySelector<HTMLButtonElement>('[data-action="site-add"]')?.click(),
    );
    await options.waitFor(() => !!document.querySelector('[data-site="plain.test"]'));
    await options.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[name="import"]');
      if (!input) throw new Error('the options page has no import field');
      const files = new DataTransfer();
      const bad = {
        format: 'linkback-settings',
        version: 1,
        settings: { minWords: 'six' },
        sites: {},
      };
      files.items.add(new File([JSON.stringify(bad)], 'settings.json'));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    // The settings file's own status: the template fields have (empty) alerts of their own.
    const refusal = await options.waitFor(
      () => document.querySelector('[data-testid="transfer-status"][role="alert"]')?.textContent,
    );
    console.log(`  the options page says: ${refusal}`);
    const shot15 = join(OUT_DIR, '15-options-sites-and-settings-file.png');
    await options.screenshot(shot15, { fullPage: true });
    console.log(`  screenshot: ${shot15}`);
    await options.close();

    step('The history page: every copy and paste, searchable, exportable');
    const history = await browser.openExtensionPage('history-page.html', {
      width: 1000,
      height: 900,
    });
    const count = await history.waitFor(
      () => document.querySelector('[data-testid="history-count"]')?.textContent ?? null,
    );
    console.log(`  the history holds: ${count}`);
    const shot16 = join(OUT_DIR, '16-history.png');
    await history.screenshot(shot16);
    console.log(`  screenshot: ${shot16}`);
    await history.close();

    step('Dark mode, as the system asks for it: the popup, the options page and the history');
    const darkPopup = await browser.openPopup(tabId, { width: 400, height: 600 });
    await darkPopup.waitFor(() => !!document.querySelector('[data-testid="metadata-card"]'));
    await darkScreenshot(darkPopup, '17-dark-popup.png');
    await darkPopup.close();
    const darkReuse = await browser.openPopup(reuseTab, { width: 400, height: 600 });
    await darkReuse.waitFor(() => !!document.querySelector('[data-testid="reuse-meter"]'));
    await darkScreenshot(darkReuse, '17-dark-popup-republication.png');
    await darkReuse.close();
    const darkOptions = await browser.openExtensionPage('options.html', {
      width: 720,
      height: 900,
    });
    await darkOptions.waitFor(() => !!document.querySelector('input[name="host"]'));
    await darkScreenshot(darkOptions, '17-dark-options.png');
    await darkOptions.close();
    const darkHistory = await browser.openExtensionPage('history-page.html', {
      width: 1000,
      height: 900,
    });
    await darkHistory.waitFor(() => !!document.querySelector('[data-testid="history-list"]'));
    await playwrightPage(darkHistory).emulateMedia({ colorScheme: 'dark' });
    const shot17 = join(OUT_DIR, '17-dark-history.png');
    await darkHistory.screenshot(shot17); // the first screenful: the list is long
    console.log(`  screenshot: ${shot17}`);
    await darkHistory.close();

    const plain = paste.plain ?? '';
    const expectedLine = `Source: ${url}`;
    if (!plain.trimEnd().endsWith(expectedLine)) {
      throw new Error(`the pasted text/plain does not end with "${expectedLine}"`);
    }
    if (!(paste.html ?? '').includes(`href="${url}"`)) {
      throw new Error(`the pasted text/html has no link to ${url}`);
    }
    // One Chromium at a time: the interface language is chosen when the browser starts.
    await browser.close();
    browser = null;
    step('The popup on the article in Russian and Azerbaijani (Chromium --lang; English: step 3)');
    for (const lang of ['ru', 'az']) {
      await popupInLanguage(server, lang, `18-popup-${lang}.png`);
    }

    console.log(`\n✔ Demo done: the copy carried "${expectedLine}" and a link. PNGs in ${OUT_DIR}`);
  } finally {
    await browser?.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const server = await startServer();
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) await headed(server);
  else await walkthrough(server);
}

main().catch((err: unknown) => {
  console.error(`\n✖ Demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
