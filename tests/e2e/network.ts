/**
 * "Linkback makes no network requests", tested: a user's whole flow with every request the
 * extension's own contexts make recorded, and the test server as a second witness.
 * `network-chromium.test.ts` and `network-firefox.test.ts` run it.
 *
 * What counts — the promise is about the extension, not about the pages the user visits:
 * - A request is *network* when its URL leaves the browser: any scheme except the extension's
 *   own files (`chrome-extension:`, `moz-extension:`, read from the installed folder),
 *   `data:`, `blob:`, `about:` and the browser's own `chrome:` pages. An attempt counts even
 *   when refused (Chromium reports an image the extension pages' policy blocked).
 * - It is *the extension's* when an extension context makes it: the background (service
 *   worker, event page), an extension page (popup, options), or a content script (in
 *   Chromium: a request whose initiator's stack runs in a content script file). A web address
 *   loaded in a tab the test did not open (tabs.create, say) counts too.
 * - The web pages' own requests (documents, images, favicons), the navigations the test makes
 *   as the user, and Firefox's own services (see BROWSER_VENDOR_HOSTS) are not the extension's.
 *
 * The witnesses:
 * 1. Chromium only, inside the browser: Playwright's request events, which cover every page,
 *    frame and service worker of the context (Playwright attaches over CDP before they run,
 *    and reports service-worker requests unless PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK is
 *    set), for the background and the extension pages; and a CDP session (Network.enable) on
 *    each web page, attached before it navigates, for requests started from a content script.
 *    Out of its reach: the options dialog that chrome://extensions embeds (a guest view), so
 *    the flow opens the same options page in a tab as well.
 * 2. The test server, in both browsers: no request may carry an extension Origin or Referer,
 *    and each request it receives must be one a web page made itself (Chromium: the pages' CDP
 *    record; Firefox: each page's own performance timeline), counted one for one, so the
 *    popup loading an image the page also loaded is still caught. In Firefox every http
 *    request and every https tunnel goes through the server (the proxy; https added here), so
 *    there it covers the whole browser; in Chromium, the hosts mapped to it.
 * A witness that saw nothing proves nothing: the suite checks that each saw the traffic it
 * should (the pages' requests, the extension's own files), and has extension contexts request
 * something on purpose to see it reported. Before the popup stopped loading lead images, the
 * flow failed here with its loads: three in Chromium; in Firefox, whose image cache hands the
 * popup what the page already loaded, the https tunnels for the og:image the page never showed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page as PwPage } from 'playwright-core';
import {
  launchChromiumWithExtension,
  launchFirefoxWithExtension,
  type BrowserKind,
  type ChromiumExtensionBrowser,
  type E2EPage,
  type ExtensionBrowser,
} from './browsers.ts';
import {
  articlesIndexed,
  failAfter,
  elementCenter,
  eventually,
  lastProbePaste,
  pasteInto,
  pressCopy,
  resetEditors,
  selectParagraphs,
  setPageStripsCopies,
} from './helpers.ts';
import {
  CALIBER_EN_PATH,
  CALIBER_EN_URL,
  EDITORS_URL,
  EDITOR_HOST,
  caliberAzUrl,
  caliberFixtureUrl,
  startServer,
  type SeenRequest,
  type TestServer,
} from './server.ts';

const T = { timeout: 120_000 };

/** Schemes whose requests never leave the browser. */
const LOCAL_SCHEMES = /^(?:chrome-extension|moz-extension|data|blob|about|chrome):/i;
const EXTENSION_SCHEMES = /^(?:chrome-extension|moz-extension):/i;

export function leavesBrowser(url: string): boolean {
  return !LOCAL_SCHEMES.test(url);
}

type ExtensionContext = 'background' | 'extension page' | 'content script' | 'opened tab';

export interface ExtensionRequest {
  from: ExtensionContext;
  /** The worker, page or script that made it. */
  by: string;
  url: string;
}

/** What the browser itself reports. */
interface InBrowserWitness {
  /** Resolves once every page opened so far is recorded (open a page, await this, navigate). */
  ready(): Promise<void>;
  /** Network requests made by the extension's contexts (Chromium; empty in Firefox). */
  extensionRequests: ExtensionRequest[];
  /** Requests for the extension's own files, per context: proof the recording works. */
  ownFiles: Record<ExtensionContext, number>;
  /** `host path` of each request the web pages made themselves. */
  pageRequests(webPages: E2EPage[]): Promise<string[]>;
}

function hostPath(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.hostname.toLowerCase()} ${u.pathname}`;
  } catch {
    return null;
  }
}

/** The extension script in a request's initiator, if the request started in one. */
function extensionScriptIn(
  initiator: {
    url?: string;
    stack?: { callFrames: Array<{ url: string }>; parent?: unknown };
  },
  extensionOrigin: string,
): string | null {
  const urls = [initiator.url ?? ''];
  type Stack = { callFrames: Array<{ url: string }>; parent?: Stack };
  for (let stack = initiator.stack as Stack | undefined; stack; stack = stack.parent) {
    urls.push(...stack.callFrames.map((frame) => frame.url));
  }
  return urls.find((url) => url.startsWith(extensionOrigin)) ?? null;
}

function watchChromium(browser: ChromiumExtensionBrowser): InBrowserWitness {
  if (process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK) {
    throw new Error('PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK hides the service worker: unset it');
  }
  const { context, extensionOrigin } = browser;
  const extensionRequests: ExtensionRequest[] = [];
  const ownFiles: Record<ExtensionContext, number> = {
    background: 0,
    'extension page': 0,
    'content script': 0,
    'opened tab': 0,
  };
  const fromPages: string[] = [];

  context.on('request', (request) => {
    const url = request.url();
    const worker = request.serviceWorker();
    let from: ExtensionContext | null = null;
    let by = '';
    if (worker) {
      by = worker.url();
      if (by.startsWith(extensionOrigin)) from = 'background';
    } else {
      try {
        // The document making the request; a navigation is made from the frame's current one.
        by = request.frame().url();
        if (by.startsWith(extensionOrigin)) from = 'extension page';
      } catch {
        // A navigation in a tab that has no frame yet: the test opens every page blank first,
        // so this tab was opened by someone else (the browser for openOptionsPage, or the
        // extension); a web address loaded there counts.
        from = 'opened tab';
        by = '(a tab the test did not open)';
      }
    }
    if (!from) return;
    if (leavesBrowser(url)) extensionRequests.push({ from, by, url });
    else if (url.startsWith(extensionOrigin)) ownFiles[from]++;
  });

  const attachments: Array<Promise<void>> = [];
  const attach = (page: PwPage) => {
    const attached = (async () => {
      const session = await context.newCDPSession(page);
      session.on('Network.requestWillBeSent', (event) => {
        const url = event.request.url;
        if (!leavesBrowser(url) || event.documentURL.startsWith(extensionOrigin)) return;
        const script = extensionScriptIn(event.initiator, extensionOrigin);
        if (script) {
          const from = script.includes('/content-scripts/') ? 'content script' : 'extension page';
          extensionRequests.push({ from, by: script, url });
          return;
        }
        const key = hostPath(url);
        if (key) fromPages.push(key);
      });
      await session.send('Network.enable');
    })().catch((error: unknown) => {
      // A page closed while attaching has nothing more to record.
      if (!page.isClosed()) throw error;
    });
    attachments.push(attached);
  };
  context.pages().forEach(attach);
  context.on('page', attach);

  return {
    async ready() {
      await Promise.all(attachments);
    },
    extensionRequests,
    ownFiles,
    async pageRequests() {
      return [...fromPages];
    },
  };
}

/**
 * Firefox: no view inside the browser (puppeteer's BiDi network events do not name the
 * context that made a request). The server, as the proxy, sees everything; the pages' own
 * performance timelines say which of it they made.
 */
function watchFirefox(): InBrowserWitness {
  return {
    ready: async () => undefined,
    extensionRequests: [],
    ownFiles: { background: 0, 'extension page': 0, 'content script': 0, 'opened tab': 0 },
    async pageRequests(webPages) {
      const all = await Promise.all(
        webPages.map((page) =>
          page.evaluate(() =>
            [
              ...performance.getEntriesByType('navigation'),
              ...performance.getEntriesByType('resource'),
            ].map((entry) => entry.name),
          ),
        ),
      );
      return all.flat().flatMap((url) => hostPath(url) ?? []);
    },
  };
}

/** Requests sent with an extension's Origin or Referer. */
function fromExtensionOrigins(requests: SeenRequest[]): SeenRequest[] {
  return requests.filter((request) =>
    [request.headers.origin, request.headers.referer].some(
      (value) => typeof value === 'string' && EXTENSION_SCHEMES.test(value),
    ),
  );
}

/**
 * Firefox's own services (Remote Settings polls firefox.settings.services.mozilla.com; the
 * release build ignores the preference that would point it elsewhere): the browser's traffic,
 * which goes through the proxy like everything else, not the extension's.
 */
const BROWSER_VENDOR_HOSTS = /(?:^|\.)(?:mozilla\.(?:com|net|org)|firefox\.com)$/i;

/** The server's requests that no page made, matched one for one by `host path`. */
function unexplained(requests: SeenRequest[], pageRequests: string[]): string[] {
  const left = new Map<string, number>();
  for (const key of pageRequests) left.set(key, (left.get(key) ?? 0) + 1);
  const out: string[] = [];
  for (const request of requests) {
    if (request.method === 'CONNECT') {
      // The pages here make no https request: a tunnel is someone else's.
      if (!BROWSER_VENDOR_HOSTS.test(request.host))
        out.push(`CONNECT ${request.host}${request.path}`);
      continue;
    }
    const key = `${request.host} ${request.path}`;
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else out.push(key);
  }
  return out;
}

interface CardReading {
  title: string;
  thumbnail: { src: string; decoded: boolean } | null;
}

/** Waits for the popup's metadata card and reads its title and thumbnail. */
function readCard(popup: E2EPage): Promise<CardReading> {
  return popup.waitFor(
    () => {
      const card = document.querySelector('[data-testid="metadata-card"]');
      if (!card) return null;
      const image = card.querySelector<HTMLImageElement>('[data-testid="lead-thumbnail"]');
      // A data: image decodes after it is drawn: read it once loaded or refused (a refused
      // one is complete too, with no width). Seen on Firefox ESR 140 once the popup drew sooner.
      if (image && !image.complete) return null;
      return {
        title: card.querySelector('[data-field="title"]')?.textContent ?? '',
        thumbnail: image
          ? {
              src: image.getAttribute('src') ?? '',
              decoded: image.complete && image.naturalWidth > 0,
            }
          : null,
      };
    },
    undefined,
    { timeout: 10_000, message: 'the popup shows no metadata card' },
  );
}

async function clickSelector(page: E2EPage, selector: string): Promise<void> {
  const at = await elementCenter(page, selector);
  if (!at) throw new Error(`${selector} not found on ${page.url()}`);
  await page.click(at.x, at.y);
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function defineNetworkSuite(kind: BrowserKind): void {
  describe(`no network requests from Linkback in ${kind}`, () => {
    let server: TestServer;
    let browser: ExtensionBrowser;
    let witness: InBrowserWitness;
    const webPages: E2EPage[] = [];

    /** A web page, recorded from its first request on. */
    async function openWebPage(url: string): Promise<E2EPage> {
      const page = await browser.newPage();
      await witness.ready();
      await page.goto(url);
      webPages.push(page);
      return page;
    }

    async function pageRequests(): Promise<string[]> {
      return witness.pageRequests(webPages);
    }

    /** Waits for the in-browser witness to report `url` (its report may come after the server's). */
    async function witnessReports(from: ExtensionContext, url: string, by?: string): Promise<void> {
      const deadline = Date.now() + 3000;
      const found = () =>
        witness.extensionRequests.some(
          (r) => r.from === from && r.url === url && (by === undefined || r.by === by),
        );
      while (!found()) {
        if (Date.now() > deadline) {
          assert.fail(
            `the in-browser witness did not report the ${from}'s request for ${url}: ${JSON.stringify(witness.extensionRequests)}`,
          );
        }
        await settle(100);
      }
    }

    before(async () => {
      server = await startServer();
      if (kind === 'chromium') {
        const chromium = await launchChromiumWithExtension({ serverHostPort: server.hostPort });
        browser = chromium;
        witness = watchChromium(chromium);
      } else {
        const [host, port] = server.hostPort.split(':');
        browser = await launchFirefoxWithExtension({
          serverHostPort: server.hostPort,
          // https too goes through the server (which refuses the tunnel but records it):
          // otherwise Firefox would try such a request directly and the server would not see it.
          firefoxPrefs: { 'network.proxy.ssl': host, 'network.proxy.ssl_port': Number(port) },
        });
        witness = watchFirefox();
      }
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    const cards: Record<'css-background' | 'img-cover' | 'og-image-only', CardReading | null> = {
      'css-background': null,
      'img-cover': null,
      'og-image-only': null,
    };

    let flowRan = false;
    let article: E2EPage | null = null;

    it(
      'runs a user’s flow: read, copy, paste, the popup on articles and a reusing page, settings',
      T,
      () =>
        // A hang says where it was: the flow is long, and a bare timeout says nothing.
        failAfter(110_000, () => `the flow hung at: ${step}`, flow()),
    );

    let step = 'start';
    async function flow(): Promise<void> {
      step = 'reading three articles';
      // Read: an article whose cover is a CSS background, one whose cover is an <img>, and
      // one whose og:image the page never loads.
      article = await openWebPage(CALIBER_EN_URL);
      const withCover = await openWebPage(caliberAzUrl());
      const ogOnly = await openWebPage(caliberFixtureUrl('caliber-en-og-jsonld'));
      const editors = await openWebPage(EDITORS_URL);

      step = 'copy and paste';
      // Copy → paste: the link comes with the copy …
      await selectParagraphs(article);
      await pressCopy(article);
      await resetEditors(editors);
      await pasteInto(editors, '#probe');
      const paste = await lastProbePaste(editors);
      assert.match(paste.plain ?? '', /Source: http:\/\/caliber\.az\/en\/post\//);
      // … and, when the page strips it from the clipboard, at paste time.
      await setPageStripsCopies(article, true);
      await selectParagraphs(article, 1, 3);
      await pressCopy(article);
      await setPageStripsCopies(article, false);
      await resetEditors(editors);
      await pasteInto(editors, '#ce');
      await editors.waitFor(
        () => document.querySelector('#ce a[href*="caliber.az/en/post/"]') !== null,
        undefined,
        { timeout: 8000, message: 'no link added at paste time in #ce' },
      );

      step = 'the popup on each article';
      // The popup on each article.
      for (const [name, page] of [
        ['css-background', article],
        ['img-cover', withCover],
        ['og-image-only', ogOnly],
      ] as const) {
        const popup = await browser.openPopup(await browser.findTabId(page.url()));
        cards[name] = await readCard(popup);
        await popup.close();
      }

      step = 'the popup on a reusing page';
      // The popup on a page that reuses the article without a link.
      await articlesIndexed(browser);
      const reuseUrl = `http://${EDITOR_HOST}/reuse-nolink.html`;
      await openWebPage(reuseUrl);
      const reusePopup = await browser.openPopup(
        await browser.findTabId(reuseUrl, { timeout: 15_000 }),
      );
      await reusePopup.waitFor(
        () => document.querySelectorAll('[data-testid="reused-article"]').length > 0,
        undefined,
        { timeout: 15_000, message: 'no reused article in the popup for reuse-nolink' },
      );

      step = 'the settings';
      // Settings: from the popup's button, and as a page where a setting is changed and back.
      await clickSelector(reusePopup, '[data-action="open-settings"]');
      await reusePopup.close();
      if (kind === 'chromium') {
        // Chromium shows the options in a dialog of chrome://extensions (a guest view,
        // outside Playwright's reach; the same page is recorded below, opened in a tab).
        const { context } = browser as ChromiumExtensionBrowser;
        await eventually(
          async () => context.pages().some((p) => p.url().includes('?options=')),
          'the popup’s Settings button opened no options page',
        );
      }
      const options = await browser.openExtensionPage('options.html');
      await options.waitFor(
        () => document.querySelector('input[name="mode"]') !== null,
        undefined,
        { message: 'the options page shows no settings' },
      );
      // Paste only, and back to both.
      for (const mode of ['paste', 'both']) {
        await clickSelector(options, `input[name="mode"][value="${mode}"]`);
        await options.waitFor(() =>
          /\S/.test(document.querySelector('[role="status"]')?.textContent ?? ''),
        );
      }
      await options.close();
      await settle(1500);
      flowRan = true;
    }

    it('… during which the extension made no network request', T, async () => {
      assert.ok(flowRan, 'the flow ran to its end');
      const fromPages = await pageRequests();
      console.log(
        `[network] ${kind}: the server received ${server.requests.length} requests, the pages made ${fromPages.length}` +
          (kind === 'chromium'
            ? `; requests for the extension's own files: ${JSON.stringify(witness.ownFiles)}`
            : ''),
      );
      assert.deepEqual(
        witness.extensionRequests,
        [],
        'network requests made by the extension’s contexts',
      );
      assert.deepEqual(
        fromExtensionOrigins(server.requests),
        [],
        'requests with an extension Origin or Referer',
      );
      assert.deepEqual(
        unexplained(server.requests, fromPages),
        [],
        'requests the test server received that no page made',
      );

      // The witnesses were listening.
      assert.ok(
        server.requests.some((r) => r.path === CALIBER_EN_PATH),
        'the server saw the article',
      );
      assert.ok(
        fromPages.some((key) => key.endsWith(CALIBER_EN_PATH)),
        'the pages’ record has the article',
      );
      if (kind === 'chromium') {
        assert.ok(witness.ownFiles['extension page'] > 0, 'extension pages’ own files were seen');
        assert.ok(witness.ownFiles.background > 0, 'the service worker’s own files were seen');
      }
    });

    it('… and the popup showed the lead image only where the page had loaded it', T, () => {
      assert.ok(flowRan, 'the flow ran to its end');
      assert.equal(cards['css-background']?.thumbnail, null, 'a CSS background gives no picture');
      assert.equal(cards['og-image-only']?.thumbnail, null, 'an image not loaded is not shown');
      const thumbnail = cards['img-cover']?.thumbnail;
      assert.ok(thumbnail, 'the cover the page loaded in an <img> is shown');
      assert.match(thumbnail.src, /^data:image\/(webp|jpeg|png);base64,/);
      assert.ok(thumbnail.src.length <= 60_000, `thumbnail of ${thumbnail.src.length} characters`);
      assert.equal(thumbnail.decoded, true, 'the popup’s policy lets it show a data: image');
    });

    it(
      'the witnesses report a request an extension context makes; the extension pages’ policy refuses one',
      T,
      async () => {
        const probe = (name: string) => `http://caliber.az/linkback-network-probe/${name}`;
        const reached = (name: string) =>
          server.requests.some((r) => r.path === `/linkback-network-probe/${name}`);

        // The no-network policy: fetch and an image from an extension page are refused.
        const page = await browser.openExtensionPage('popup.html?e2e=network-probe');
        const refused = await page.evaluate(
          (a: { fetchUrl: string; imageUrl: string }) =>
            Promise.all([
              fetch(a.fetchUrl).then(
                () => 'loaded',
                () => 'refused',
              ),
              new Promise<string>((resolve) => {
                const image = new Image();
                image.onload = () => resolve('loaded');
                image.onerror = () => resolve('refused');
                image.src = a.imageUrl;
              }),
            ]),
          { fetchUrl: probe('page-fetch'), imageUrl: probe('page-image') },
        );
        assert.deepEqual(refused, ['refused', 'refused']);

        // A navigation from an extension page is no fetch: the policy lets it go, the witnesses see it.
        await page.evaluate((a: { url: string }) => void location.assign(a.url), {
          url: probe('page'),
        });
        await eventually(async () => reached('page'), 'the server never saw the probe navigation');
        if (kind === 'chromium') {
          await witnessReports('extension page', probe('page'));
          // Chromium reports even the image the policy refused: attempts count, not just loads.
          await witnessReports('extension page', probe('page-image'));
        } else {
          assert.ok(
            unexplained(server.requests, await pageRequests()).includes(
              'caliber.az /linkback-network-probe/page',
            ),
            'the server witness did not single out the extension page’s request',
          );
        }
        assert.equal(reached('page-fetch') || reached('page-image'), false);
        await page.close();

        if (kind !== 'chromium') return;
        const { context, extensionOrigin } = browser as ChromiumExtensionBrowser;

        // The service worker: the policy refuses its fetch too.
        const worker = context.serviceWorkers().find((w) => w.url().startsWith(extensionOrigin));
        assert.ok(worker, 'the extension’s service worker');
        const fromWorker = await worker.evaluate(
          (url) =>
            fetch(url).then(
              () => 'loaded',
              () => 'refused',
            ),
          probe('worker-fetch'),
        );
        assert.equal(fromWorker, 'refused');
        assert.equal(reached('worker-fetch'), false);

        // A content script: no policy applies, the initiator's stack names it. CDP evaluates the
        // probe in the content scripts' isolated world, named as a content script file.
        const rawArticle = context.pages().find((p) => p.url() === article?.url());
        assert.ok(rawArticle, 'the article tab');
        const session = await context.newCDPSession(rawArticle);
        const contexts: Array<{ id: number; origin: string; type?: string }> = [];
        session.on('Runtime.executionContextCreated', ({ context: c }) =>
          contexts.push({
            id: c.id,
            origin: c.origin,
            type: c.auxData?.type as string | undefined,
          }),
        );
        await session.send('Runtime.enable');
        const isolated = contexts.find(
          (c) => c.type === 'isolated' && c.origin === extensionOrigin,
        );
        assert.ok(isolated, `no content script world in ${JSON.stringify(contexts)}`);
        const script = `${extensionOrigin}/content-scripts/network-probe.js`;
        await session.send('Runtime.evaluate', {
          contextId: isolated.id,
          expression: `fetch(${JSON.stringify(probe('content-script'))}).catch(() => {});\n//# sourceURL=${script}`,
        });
        await eventually(
          async () => reached('content-script'),
          'the content script probe never left',
        );
        await witnessReports('content script', probe('content-script'), script);
        assert.ok(
          unexplained(server.requests, await pageRequests()).includes(
            'caliber.az /linkback-network-probe/content-script',
          ),
          'the server witness did not single out the content script’s request',
        );
        await session.detach();
      },
    );
  });
}
