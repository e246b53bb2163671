/**
 * Real browsers with the built extension loaded, behind one small interface so the same
 * test body runs in Chromium (playwright-core over CDP) and Firefox ESR (puppeteer-core
 * over WebDriver BiDi). See /work/shared/TESTING.md for why each knob is set.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, {
  ProtocolError,
  type Browser as PptrBrowser,
  type Page as PptrPage,
} from 'puppeteer-core';
import { FRAMES_HOST } from './pathological-pages.ts';
import { PUBLISHER_SITE_HOSTS } from './publisher-sites.ts';
import { CALIBER_HOSTS, EDITOR_HOST, REPO_ROOT } from './server.ts';

export type BrowserKind = 'chromium' | 'firefox';

export const FIREFOX_GECKO_ID = 'linkback@linkback.dev';
/** moz-extension://<this>/ — fixed through `extensions.webextensions.uuids`. */
export const FIREFOX_EXTENSION_UUID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

export const CHROME_BUILD_DIR = join(REPO_ROOT, '.output', 'chrome-mv3');
export const FIREFOX_BUILD_DIR = join(REPO_ROOT, '.output', 'firefox-mv2');

export interface LaunchOptions {
  /** `127.0.0.1:PORT` of the test server (see server.ts). */
  serverHostPort: string;
  /**
   * Built extension folder; defaults to `$E2E_CHROME_EXTENSION_DIR` / `$E2E_FIREFOX_EXTENSION_DIR`,
   * else `.output/chrome-mv3` or `.output/firefox-mv2`.
   */
  extensionDir?: string;
  /** Chromium only: show the window (the demo). Default: headless. */
  headed?: boolean;
  viewport?: { width: number; height: number };
  /** Chromium only: let Playwright close the browser on SIGINT/SIGTERM (default true). */
  handleSignals?: boolean;
  /**
   * Chromium only: the interface language (`--lang=ru`), which picks the extension's
   * strings. Chromium without that language's pack still reports "en-US" as its own.
   */
  lang?: string;
  /** Firefox only: preferences added to (or overriding) the harness's own. */
  firefoxPrefs?: Record<string, unknown>;
}

export interface ClickOptions {
  clickCount?: number;
  modifiers?: Array<'Shift' | 'Control' | 'Alt'>;
}

/** One tab. `evaluate` functions are serialised: they must not close over test variables. */
export interface E2EPage {
  goto(url: string): Promise<void>;
  url(): string;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn` in the page until it returns a truthy value; returns that value. */
  waitFor<R, A = undefined>(
    fn: (arg: A) => R | Promise<R>,
    arg?: A,
    opts?: { timeout?: number; message?: string },
  ): Promise<NonNullable<R>>;
  bringToFront(): Promise<void>;
  /** A real key press; combos as `Control+c` (keep letters lower case). */
  press(combo: string): Promise<void>;
  /** Types text with real key events into the focused element. */
  type(text: string): Promise<void>;
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  mouseDown(): Promise<void>;
  mouseUp(): Promise<void>;
  click(x: number, y: number, opts?: ClickOptions): Promise<void>;
  /**
   * A click and Control+v as quick as a person's: in Firefox one WebDriver BiDi action
   * sequence, since the usual separate commands take it over 50 ms.
   */
  clickAndPaste(x: number, y: number): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(path: string, opts?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** What an article tab's content script answers to `{ type: 'article:get' }`. */
export interface ArticleReply {
  isArticle: boolean;
  url: string;
  metadata: Record<string, unknown> | null;
  publisher: { id: string; name: string } | null;
  /** The rule the page acts on and the user's word on the site (utils/core/rules/site-choice.ts). */
  rule?: { choice: { kind: string } | null } | null;
}

export interface ExtensionBrowser {
  kind: BrowserKind;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>` (no trailing slash). */
  extensionOrigin: string;
  newPage(url?: string): Promise<E2EPage>;
  /** Opens an extension page (e.g. `popup.html?tab=3`) in a new tab and waits for it to load. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<E2EPage>;
  /** The popup as a page, for the tab `tabId`. */
  openPopup(tabId: number, viewport?: { width: number; height: number }): Promise<E2EPage>;
  /** Runs `fn` in an extension page (the extension's APIs are there as `chrome` / `browser`). */
  evalInExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * The id of the tab showing `url`, found from an extension page: by the tab's url when the
   * extension may see it, else by asking each tab's content script `article:get`.
   */
  findTabId(url: string, opts?: { timeout?: number }): Promise<number>;
  /** `article:get` sent to a tab's content script (null when nothing answers). */
  askArticle(tabId: number): Promise<ArticleReply | null>;
  /** The toolbar action's title for a tab. */
  getActionTitle(tabId: number): Promise<string>;
  /** Resolves when the browser goes away (e.g. the user closed a headed window). */
  waitForClose(): Promise<void>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------- helpers

/**
 * Functions are sent to the browser as source text. tsx (esbuild keepNames) may wrap
 * inner functions in `__name(...)`, which does not exist in the page: define it locally.
 */
function toExpression(fn: (arg: never) => unknown, arg: unknown): string {
  const argText = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${argText}); })()`;
}

function findExecutable(envVar: string, candidates: string[]): string | undefined {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`${envVar}=${fromEnv} does not exist: fix or unset it`);
    return fromEnv;
  }
  return candidates.find((p) => existsSync(p));
}

/**
 * Chromium flags for this machine: no sandbox as root, no GPU, and none of the background
 * connections the closed network here would refuse (TESTING.md).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function findChromium(): string {
  const path = findExecutable('CHROME_PATH', [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ]);
  if (!path) {
    throw new Error(
      'Chromium not found: install it with `scripts/setup-browsers.sh` (Debian: apt-get install chromium) or set CHROME_PATH',
    );
  }
  return path;
}

export function findFirefox(): string {
  const path = findExecutable('FIREFOX_PATH', [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/usr/lib/firefox-esr/firefox-esr',
    '/snap/bin/firefox',
  ]);
  if (!path) {
    throw new Error(
      'Firefox not found: install it with `scripts/setup-browsers.sh` (Debian: apt-get install firefox-esr) or set FIREFOX_PATH',
    );
  }
  return path;
}

function requireBuild(dir: string): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${dir} (manifest.json missing): run \`npm run build:all\` first`,
    );
  }
  return realpathSync(dir);
}

/** Chromium's id for an unpacked extension: sha256 of its absolute path, hex mapped to a–p. */
export function chromiumUnpackedExtensionId(absPath: string): string {
  const hex = createHash('sha256').update(absPath).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

async function pollUntil<T>(
  fn: () => Promise<T | null | undefined | false>,
  timeout: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeout} ms: ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * Polls from Node rather than with the drivers' waitForFunction: Playwright compiles a
 * string predicate with `new Function`, which extension pages' CSP forbids, and polling
 * here also rides over navigations (an evaluate that throws is retried).
 */
async function pollInPage<R, A>(
  page: E2EPage,
  fn: (arg: A) => R | Promise<R>,
  arg: A | undefined,
  opts: { timeout?: number; message?: string },
): Promise<NonNullable<R>> {
  const timeout = opts.timeout ?? 10_000;
  const deadline = Date.now() + timeout;
  let lastError: unknown = null;
  for (;;) {
    try {
      const v = await page.evaluate(fn, arg as A);
      if (v) return v as NonNullable<R>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${String(lastError).split('\n')[0]})` : '';
      throw new Error(`${opts.message ?? 'waitFor'}: nothing after ${timeout} ms${why}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs in an extension page: finds the tab showing `url`. */
type EvalInExtension = ExtensionBrowser['evalInExtension'];

/**
 * What tests ask the extension, the same in both browsers: run inside an extension page,
 * with `browser` (Firefox) or `chrome` (Chromium), `action` (MV3) or `browserAction` (MV2).
 */
function extensionQueries(
  evalInExtension: EvalInExtension,
): Pick<ExtensionBrowser, 'findTabId' | 'askArticle' | 'getActionTitle'> {
  return {
    findTabId(url, o = {}) {
      return pollUntil(
        () => evalInExtension(findTabInExtension, { url }),
        o.timeout ?? 8000,
        `no tab found for ${url}`,
      );
    },
    askArticle(tabId) {
      return evalInExtension(
        (a: { tabId: number }) => {
          type Tabs = { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
          const g = globalThis as unknown as { browser?: Tabs; chrome: Tabs };
          return Promise.race([
            (g.browser ?? g.chrome).tabs
              .sendMessage(a.tabId, { type: 'article:get' })
              .catch(() => null),
            new Promise((r) => setTimeout(() => r(null), 2000)),
          ]);
        },
        { tabId },
      ) as Promise<ArticleReply | null>;
    },
    getActionTitle(tabId) {
      return evalInExtension(
        (a: { tabId: number }) => {
          type Action = { getTitle(d: { tabId: number }): Promise<string> };
          type Api = { action?: Action; browserAction?: Action };
          const g = globalThis as unknown as { browser?: Api; chrome: Api };
          const api = g.browser ?? g.chrome;
          const action = api.action ?? api.browserAction;
          if (!action) throw new Error('no action/browserAction API');
          return action.getTitle({ tabId: a.tabId });
        },
        { tabId },
      );
    },
  };
}

function findTabInExtension(arg: { url: string }): Promise<number | null> {
  const g = globalThis as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the extension API object differs per browser
  const api = g.browser ?? g.chrome;
  const strip = (u: string) => u.replace(/#.*$/, '');
  const want = strip(arg.url);
  const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T | null> =>
    Promise.race([p, new Promise<null>((r) => setTimeout(() => r(null), ms))]);
  return (async () => {
    const tabs: Array<{ id?: number; url?: string }> = await api.tabs.query({});
    const byUrl = tabs.find((t) => t.url && strip(t.url) === want);
    if (byUrl?.id !== undefined) return byUrl.id;
    for (const t of tabs) {
      if (t.id === undefined) continue;
      try {
        // Publisher pages answer article:get; any other page answers report:get once
        // its republication check has run.
        for (const type of ['article:get', 'report:get']) {
          const reply = await withTimeout<{ url?: string } | undefined>(
            api.tabs.sendMessage(t.id, { type }),
            1500,
          );
          if (reply && typeof reply.url === 'string' && strip(reply.url) === want) return t.id;
        }
      } catch {
        // no content script in that tab
      }
    }
    return null;
  })();
}

// ---------------------------------------------------------------- Chromium

class PlaywrightPage implements E2EPage {
  constructor(readonly page: PwPage) {}
  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  url() {
    return this.page.url();
  }
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(toExpression(fn, arg)) as Promise<R>;
  }
  waitFor<R, A = undefined>(
    fn: (arg: A) => R | Promise<R>,
    arg?: A,
    opts: { timeout?: number; message?: string } = {},
  ): Promise<NonNullable<R>> {
    return pollInPage(this, fn, arg, opts);
  }
  async bringToFront() {
    await this.page.bringToFront();
  }
  async press(combo: string) {
    await this.page.keyboard.press(combo);
  }
  async type(text: string) {
    await this.page.keyboard.type(text);
  }
  async mouseMove(x: number, y: number, steps = 1) {
    await this.page.mouse.move(x, y, { steps });
  }
  async mouseDown() {
    await this.page.mouse.down();
  }
  async mouseUp() {
    await this.page.mouse.up();
  }
  async click(x: number, y: number, opts: ClickOptions = {}) {
    for (const m of opts.modifiers ?? []) await this.page.keyboard.down(m);
    await this.page.mouse.click(x, y, { clickCount: opts.clickCount ?? 1 });
    for (const m of [...(opts.modifiers ?? [])].reverse()) await this.page.keyboard.up(m);
  }
  async clickAndPaste(x: number, y: number) {
    // Playwright awaits each event's handling before the next; sent at once over CDP, in
    // order, they reach the page as fast as the renderer takes them.
    await this.page.mouse.move(x, y);
    const session = await this.page.context().newCDPSession(this.page);
    try {
      const mouse = (type: 'mousePressed' | 'mouseReleased') =>
        session.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
      const key = (
        type: 'rawKeyDown' | 'keyUp',
        key: string,
        code: string,
        keyCode: number,
        ctrl: boolean,
      ) =>
        session.send('Input.dispatchKeyEvent', {
          type,
          key,
          code,
          windowsVirtualKeyCode: keyCode,
          modifiers: ctrl ? 2 : 0,
        });
      await Promise.all([
        mouse('mousePressed'),
        mouse('mouseReleased'),
        key('rawKeyDown', 'Control', 'ControlLeft', 17, true),
        key('rawKeyDown', 'v', 'KeyV', 86, true),
        key('keyUp', 'v', 'KeyV', 86, true),
        key('keyUp', 'Control', 'ControlLeft', 17, false),
      ]);
    } finally {
      await session.detach();
    }
  }
  async setViewport(width: number, height: number) {
    await this.page.setViewportSize({ width, height });
  }
  async screenshot(path: string, opts: { fullPage?: boolean } = {}) {
    await this.page.screenshot({ path, fullPage: opts.fullPage ?? false });
  }
  async close() {
    await this.page.close().catch(() => {});
  }
}

/** The Playwright page behind a Chromium tab, for what only CDP offers (tracing, workers). */
export function playwrightPage(page: E2EPage): PwPage {
  if (!(page instanceof PlaywrightPage)) throw new Error('not a Chromium tab');
  return page.page;
}

/** Chromium's browser, with Playwright's context for what only Chromium offers (CDP: network.ts). */
export interface ChromiumExtensionBrowser extends ExtensionBrowser {
  kind: 'chromium';
  context: BrowserContext;
}

export async function launchChromiumWithExtension(
  opts: LaunchOptions,
): Promise<ChromiumExtensionBrowser> {
  const executablePath = findChromium();
  const extDir = requireBuild(
    opts.extensionDir ?? process.env.E2E_CHROME_EXTENSION_DIR ?? CHROME_BUILD_DIR,
  );
  const userDataDir = mkdtempSync(join(tmpdir(), 'linkback-e2e-chromium-'));
  const mapped = [...CALIBER_HOSTS, EDITOR_HOST, FRAMES_HOST, ...PUBLISHER_SITE_HOSTS]
    .map((h) => `MAP ${h} ${opts.serverHostPort}`)
    .join(', ');
  const viewport = opts.viewport ?? { width: 1280, height: 800 };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: !opts.headed,
      viewport: opts.headed ? null : viewport,
      handleSIGINT: opts.handleSignals ?? true,
      handleSIGTERM: opts.handleSignals ?? true,
      // Playwright disables extensions by default.
      ignoreDefaultArgs: [
        '--disable-extensions',
        '--disable-component-extensions-with-background-pages',
      ],
      args: [
        `--disable-extensions-except=${extDir}`,
        `--load-extension=${extDir}`,
        ...CHROMIUM_ARGS,
        `--host-resolver-rules=${mapped}`,
        ...(opts.lang ? [`--lang=${opts.lang}`] : []),
      ],
    });
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(`Could not launch Chromium (${executablePath}): ${(err as Error).message}`);
  }

  // The id: from the service worker URL when it shows up; it must match the path hash.
  const expectedId = chromiumUnpackedExtensionId(extDir);
  let extensionId = expectedId;
  try {
    const sw =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
    extensionId = new URL(sw.url()).host;
  } catch {
    // No service worker within 10 s: keep the computed id; extension pages will tell.
    console.warn(
      `[e2e] Chromium: no extension service worker seen; using computed id ${expectedId}`,
    );
  }
  const extensionOrigin = `chrome-extension://${extensionId}`;
  const closed = new Promise<void>((r) => context.once('close', () => r()));

  // The first tab (about:blank) from the persistent context is reused as the first page.
  const spare = context.pages()[0];
  let spareUsed = false;
  const rawPage = async (): Promise<PwPage> => {
    if (spare && !spareUsed && !spare.isClosed()) {
      spareUsed = true;
      return spare;
    }
    return context.newPage();
  };

  let consolePage: PlaywrightPage | null = null;
  const extensionConsole = async (): Promise<PlaywrightPage> => {
    if (consolePage && !consolePage.page.isClosed()) return consolePage;
    const p = new PlaywrightPage(await rawPage());
    await p.goto(`${extensionOrigin}/popup.html?e2e=console`);
    await p.waitFor(
      () => typeof (globalThis as { chrome?: { tabs?: unknown } }).chrome?.tabs !== 'undefined',
      undefined,
      {
        message: `extension APIs missing in ${extensionOrigin}/popup.html (wrong extension id? build broken?)`,
      },
    );
    consolePage = p;
    return p;
  };

  const api: ChromiumExtensionBrowser = {
    kind: 'chromium',
    context,
    extensionOrigin,
    async newPage(url) {
      const p = new PlaywrightPage(await rawPage());
      if (url) await p.goto(url);
      return p;
    },
    async openExtensionPage(path, vp) {
      const p = new PlaywrightPage(await rawPage());
      if (vp) await p.setViewport(vp.width, vp.height);
      await p.goto(`${extensionOrigin}/${path.replace(/^\//, '')}`);
      return p;
    },
    openPopup(tabId, vp) {
      return api.openExtensionPage(`popup.html?tab=${tabId}`, vp ?? { width: 400, height: 600 });
    },
    async evalInExtension(fn, arg) {
      return (await extensionConsole()).evaluate(fn, arg);
    },
    ...extensionQueries((fn, arg) => api.evalInExtension(fn, arg)),
    waitForClose() {
      return closed;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return api;
}

// ---------------------------------------------------------------- Firefox

const FIREFOX_KEY_NAMES: Record<string, string> = {
  control: 'Control',
  ctrl: 'Control',
  shift: 'Shift',
  alt: 'Alt',
  meta: 'Meta',
};

/** What puppeteer-core's BiDi browser has, though not in its public types. */
interface BidiInternals {
  connection?: { send(method: string, params: object): Promise<unknown> };
}

/** Browsers (by their BiDi connection) known to lack `emulation.setScreenOrientationOverride`. */
const withoutOrientationOverride = new WeakSet<object>();

function isUnknownOrientationCommand(err: unknown): boolean {
  return (
    err instanceof ProtocolError &&
    err.message.includes('unknown command') &&
    err.message.includes('emulation.setScreenOrientationOverride')
  );
}

/**
 * Sizes a tab's viewport. puppeteer-core's `page.setViewport` sends the WebDriver BiDi commands
 * `browsingContext.setViewport` and `emulation.setScreenOrientationOverride` together; Firefox
 * ESR 140 (Debian 12) knows only the first and fails the call with "unknown command". Then, and
 * from then on for that browser, `browsingContext.setViewport` (Firefox 117+) goes out alone,
 * awaited, through puppeteer's own BiDi connection. Either way the tab's inner size is checked.
 */
async function setFirefoxViewport(page: PptrPage, width: number, height: number): Promise<void> {
  // In CI, Firefox ESR 140 under load has let a fresh tab's viewport call go nowhere: once it
  // never answered `browsingContext.setViewport` (puppeteer gave up after its minute), and
  // twice, on the tab opened right after the popup had opened the add-on's options in
  // about:addons, it answered but the tab kept the window's size (1366×682) through three
  // calls. The call is sent again, the tab brought to the front first. A tab that still keeps
  // its size is used as it is, with a warning: no test reads the viewport's size (each finds
  // where to click in the page itself), and the size only makes pages and screenshots alike.
  for (let attempt = 1; ; attempt++) {
    try {
      return await failAfter(
        sizeFirefoxViewport(page, width, height),
        10_000,
        'Firefox did not answer browsingContext.setViewport',
      );
    } catch (err) {
      const unanswered = String(err).includes('did not answer');
      if (!(unanswered || err instanceof ViewportNotTaken)) throw err;
      if (attempt >= 3) {
        if (err instanceof ViewportNotTaken) {
          console.warn(`[e2e] Firefox: a tab kept its own size, used as it is: ${err.message}`);
          return;
        }
        throw err;
      }
      await page.bringToFront().catch(() => undefined);
    }
  }
}

/** The tab answered the viewport call but kept another size. */
class ViewportNotTaken extends Error {}

function failAfter<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function sizeFirefoxViewport(page: PptrPage, width: number, height: number): Promise<void> {
  const connection = (page.browser() as unknown as BidiInternals).connection;
  const sendDirectly = async () => {
    if (!connection) throw new Error('puppeteer-core: no BiDi connection on the browser');
    await connection.send('browsingContext.setViewport', {
      context: (page.mainFrame() as unknown as { _id: string })._id,
      viewport: { width, height },
    });
  };
  if (connection && withoutOrientationOverride.has(connection)) {
    await sendDirectly();
  } else {
    try {
      await page.setViewport({ width, height });
    } catch (err) {
      if (!isUnknownOrientationCommand(err)) throw err;
      if (connection) withoutOrientationOverride.add(connection);
      await sendDirectly();
    }
  }
  let seen = 'unread';
  try {
    await pollUntil(
      async () => {
        const [w, h] = await page.evaluate(() => [window.innerWidth, window.innerHeight]);
        seen = `${w}×${h}`;
        return w === width && h === height;
      },
      4000,
      `Firefox viewport did not become ${width}×${height}`,
    );
  } catch (err) {
    throw new ViewportNotTaken(`${String(err)}; the tab's inner size was ${seen}`);
  }
}

class PuppeteerPage implements E2EPage {
  constructor(readonly page: PptrPage) {}
  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  url() {
    return this.page.url();
  }
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(toExpression(fn, arg)) as Promise<R>;
  }
  waitFor<R, A = undefined>(
    fn: (arg: A) => R | Promise<R>,
    arg?: A,
    opts: { timeout?: number; message?: string } = {},
  ): Promise<NonNullable<R>> {
    return pollInPage(this, fn, arg, opts);
  }
  async bringToFront() {
    await this.page.bringToFront();
  }
  async press(combo: string) {
    const parts = combo.split('+');
    const key = parts.pop() ?? '';
    const mods = parts.map((m) => FIREFOX_KEY_NAMES[m.toLowerCase()] ?? m);
    for (const m of mods) await this.page.keyboard.down(m as never);
    await this.page.keyboard.press(key as never);
    for (const m of mods.reverse()) await this.page.keyboard.up(m as never);
  }
  async type(text: string) {
    await this.page.keyboard.type(text);
  }
  async mouseMove(x: number, y: number, steps = 1) {
    await this.page.mouse.move(x, y, { steps });
  }
  async mouseDown() {
    await this.page.mouse.down();
  }
  async mouseUp() {
    await this.page.mouse.up();
  }
  async click(x: number, y: number, opts: ClickOptions = {}) {
    for (const m of opts.modifiers ?? []) await this.page.keyboard.down(m);
    await this.page.mouse.click(x, y, { count: opts.clickCount ?? 1 });
    for (const m of [...(opts.modifiers ?? [])].reverse()) await this.page.keyboard.up(m);
  }
  async clickAndPaste(x: number, y: number) {
    const connection = (this.page.browser() as unknown as BidiInternals).connection;
    if (!connection) throw new Error('puppeteer-core: no BiDi connection on the browser');
    const pause = { type: 'pause' };
    const control = '\uE009';
    await connection.send('input.performActions', {
      context: (this.page.mainFrame() as unknown as { _id: string })._id,
      actions: [
        {
          type: 'pointer',
          id: 'click-and-paste-mouse',
          parameters: { pointerType: 'mouse' },
          // Each tick costs Firefox a round trip to the page: Control goes down with the
          // click (as a quick hand does), V with the button's release.
          actions: [
            { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
            pause,
            pause,
          ],
        },
        {
          type: 'key',
          id: 'click-and-paste-keys',
          actions: [
            pause,
            { type: 'keyDown', value: control },
            { type: 'keyDown', value: 'v' },
            { type: 'keyUp', value: 'v' },
            { type: 'keyUp', value: control },
          ],
        },
      ],
    });
  }
  async setViewport(width: number, height: number) {
    await setFirefoxViewport(this.page, width, height);
  }
  async screenshot(path: string, opts: { fullPage?: boolean } = {}) {
    await this.page.screenshot({ path: path as `${string}.png`, fullPage: opts.fullPage ?? false });
  }
  async close() {
    await this.page.close().catch(() => {});
  }
}

export async function launchFirefoxWithExtension(opts: LaunchOptions): Promise<ExtensionBrowser> {
  const executablePath = findFirefox();
  const extDir = requireBuild(
    opts.extensionDir ?? process.env.E2E_FIREFOX_EXTENSION_DIR ?? FIREFOX_BUILD_DIR,
  );
  const [proxyHost, proxyPort] = opts.serverHostPort.split(':');
  const viewport = opts.viewport ?? { width: 1280, height: 800 };
  const downloadDir = mkdtempSync(join(tmpdir(), 'linkback-e2e-firefox-downloads-'));
  let browser: PptrBrowser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: !opts.headed,
      // No viewport from puppeteer: it sets one only on tabs it opens (not the first one), and
      // through setViewport, which Firefox ESR 140 rejects. rawPage() sizes every tab instead.
      defaultViewport: null,
      // A command Firefox never answers fails in a minute, naming itself, instead of
      // holding its test past the test's own timeout (puppeteer's default is 3 minutes).
      protocolTimeout: 60_000,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({
          [FIREFOX_GECKO_ID]: FIREFOX_EXTENSION_UUID,
        }),
        // Every http request goes to the test server, which routes on the Host header.
        'network.proxy.type': 1,
        'network.proxy.http': proxyHost,
        'network.proxy.http_port': Number(proxyPort),
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.share_proxy_settings': false,
        // Stay on http: the server only speaks http.
        'dom.security.https_first': false,
        'dom.security.https_first_pbm': false,
        'dom.security.https_only_mode': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'browser.fixup.alternate.enabled': false,
        // Files the extension offers (settings, history exports) are saved without a dialog,
        // into a folder of the test's own: a download prompt must never hold the browser open.
        'browser.download.folderList': 2,
        'browser.download.dir': downloadDir,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv',
        'browser.download.alwaysOpenPanel': false,
        ...opts.firefoxPrefs,
      },
    });
  } catch (err) {
    throw new Error(`Could not launch Firefox (${executablePath}): ${(err as Error).message}`);
  }
  try {
    const id = await browser.installExtension(extDir);
    if (id !== FIREFOX_GECKO_ID) {
      console.warn(`[e2e] Firefox installed extension id ${id}, expected ${FIREFOX_GECKO_ID}`);
    }
  } catch (err) {
    await browser.close().catch(() => {});
    throw new Error(
      `Firefox could not install the extension from ${extDir}: ${(err as Error).message}`,
    );
  }
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const closed = new Promise<void>((r) => browser.once('disconnected', () => r()));

  const spare = (await browser.pages())[0];
  let spareUsed = false;
  /** A tab sized to `vp` (default: the launch viewport); the first tab is reused, as in Chromium. */
  const rawPage = async (vp = opts.headed ? undefined : viewport): Promise<PptrPage> => {
    let page: PptrPage;
    if (spare && !spareUsed && !spare.isClosed()) {
      spareUsed = true;
      page = spare;
    } else {
      page = await browser.newPage();
    }
    if (vp) await setFirefoxViewport(page, vp.width, vp.height);
    return page;
  };

  /** `goto` to moz-extension:// never resolves over BiDi: start it and poll instead. */
  const openExt = async (path: string, vp?: { width: number; height: number }) => {
    const p = new PuppeteerPage(await rawPage(vp));
    const url = `${extensionOrigin}/${path.replace(/^\//, '')}`;
    p.page.goto(url).catch(() => {});
    await p.waitFor(
      (a: { url: string }) => location.href === a.url && document.readyState === 'complete',
      { url },
      {
        timeout: 15_000,
        message: `extension page ${url} did not load (extension not installed? wrong UUID?)`,
      },
    );
    return p;
  };

  let consolePage: PuppeteerPage | null = null;
  const extensionConsole = async (): Promise<PuppeteerPage> => {
    if (consolePage && !consolePage.page.isClosed()) return consolePage;
    consolePage = await openExt('popup.html?e2e=console');
    await consolePage.waitFor(
      () => typeof (globalThis as { browser?: { tabs?: unknown } }).browser?.tabs !== 'undefined',
      undefined,
      { message: 'extension APIs missing in the extension page' },
    );
    return consolePage;
  };

  const api: ExtensionBrowser = {
    kind: 'firefox',
    extensionOrigin,
    async newPage(url) {
      const p = new PuppeteerPage(await rawPage());
      if (url) await p.goto(url);
      return p;
    },
    openExtensionPage: openExt,
    openPopup(tabId, vp) {
      return openExt(`popup.html?tab=${tabId}`, vp ?? { width: 400, height: 600 });
    },
    async evalInExtension(fn, arg) {
      return (await extensionConsole()).evaluate(fn, arg);
    },
    ...extensionQueries((fn, arg) => api.evalInExtension(fn, arg)),
    waitForClose() {
      return closed;
    },
    async close() {
      // Firefox has once kept running after close() returned (ESR 140, under load), which
      // holds the test file open until CI's own timeout: after 15 s it is stopped outright.
      const child = browser.process();
      const exited = new Promise<void>((resolve) => {
        if (!child || child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      const closing = browser.close().catch(() => {});
      await Promise.race([
        closing.then(() => exited),
        new Promise<void>((resolve) => setTimeout(resolve, 15_000).unref()),
      ]);
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
  return api;
}

export function launchWithExtension(
  kind: BrowserKind,
  opts: LaunchOptions,
): Promise<ExtensionBrowser> {
  return kind === 'chromium' ? launchChromiumWithExtension(opts) : launchFirefoxWithExtension(opts);
}
