/**
 * Real user gestures and page-side readings shared by the end-to-end tests and the demo.
 * Functions passed to `page.evaluate` run in the browser: they may use only their argument.
 */
import type { E2EPage, ExtensionBrowser } from './browsers.ts';

export interface PasteRecord {
  plain: string | null;
  html: string | null;
  types: string[];
  trusted: boolean;
}

type Rect = { x: number; y: number };

/** What the article page says its own link should be (see ArticleMetadata.canonicalUrl). */
export function expectedArticleUrl(page: E2EPage): Promise<string> {
  return page.evaluate(() => {
    const strip = (u: string) => u.replace(/#.*$/, '');
    const site = (h: string) => h.toLowerCase().replace(/^www\./, '');
    const link = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]');
    if (link?.href) {
      try {
        const u = new URL(link.href, location.href);
        if (/^https?:$/.test(u.protocol) && site(u.hostname) === site(location.hostname)) {
          return strip(u.href);
        }
      } catch {
        // fall back to the page URL
      }
    }
    return strip(location.href);
  });
}

export interface ParagraphSelection {
  /** `getSelection().toString()` right after the gesture. */
  text: string;
  /** Links inside the selected paragraphs: attribute value and resolved URL. */
  links: Array<{ raw: string; absolute: string }>;
  /** Whether the selected paragraphs contain <b> or <strong>. */
  hasBold: boolean;
}

/**
 * Selects with the mouse from the start of paragraph `from` to the end of paragraph `to`
 * (0-based, among `selector` matches): a drag when both ends are on screen, else a click
 * and a shift+click.
 */
export async function selectParagraphs(
  page: E2EPage,
  from = 0,
  to = 2,
  selector = '.post_body p',
): Promise<ParagraphSelection> {
  await page.bringToFront();
  const geometry = () =>
    page.evaluate(
      (a: { selector: string; from: number; to: number }) => {
        const ps = [...document.querySelectorAll(a.selector)].filter(
          (p) => (p.textContent ?? '').trim().length > 0,
        );
        const first = ps[a.from];
        const last = ps[a.to];
        if (!first || !last) {
          return { error: `only ${ps.length} non-empty paragraphs match ${a.selector}` };
        }
        const textNodes = (el: Element) => {
          const out: Text[] = [];
          const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = w.nextNode(); n; n = w.nextNode()) {
            if ((n.textContent ?? '').trim()) out.push(n as Text);
          }
          return out;
        };
        const firstText = textNodes(first)[0];
        const lastNodes = textNodes(last);
        const lastText = lastNodes[lastNodes.length - 1];
        if (!firstText || !lastText) return { error: 'paragraphs without text nodes' };
        const lead = firstText.data.length - firstText.data.trimStart().length;
        const r1 = document.createRange();
        r1.setStart(firstText, lead);
        r1.setEnd(firstText, lead + 1);
        const trimmed = lastText.data.trimEnd().length;
        const r2 = document.createRange();
        r2.setStart(lastText, trimmed - 1);
        r2.setEnd(lastText, trimmed);
        const a1 = r1.getClientRects()[0];
        const rects2 = r2.getClientRects();
        const a2 = rects2[rects2.length - 1];
        if (!a1 || !a2) return { error: 'paragraph text is not rendered' };
        const inner = ps.slice(a.from, a.to + 1);
        return {
          start: { x: a1.left + 1, y: a1.top + a1.height / 2 },
          end: { x: Math.min(a2.right + 3, window.innerWidth - 2), y: a2.top + a2.height / 2 },
          startVisible: a1.top >= 0 && a1.bottom <= window.innerHeight,
          endVisible: a2.top >= 0 && a2.bottom <= window.innerHeight,
          links: inner.flatMap((p) =>
            [...p.querySelectorAll('a[href]')].map((l) => ({
              raw: l.getAttribute('href') ?? '',
              absolute: (l as HTMLAnchorElement).href,
            })),
          ),
          hasBold: inner.some((p) => p.querySelector('b, strong') !== null),
          firstWords: (first.textContent ?? '').trim().slice(0, 40),
          lastWords: (last.textContent ?? '').trim().slice(-40),
        };
      },
      { selector, from, to },
    );

  await page.evaluate(
    (a: { selector: string; from: number }) => {
      getSelection()?.removeAllRanges();
      const ps = [...document.querySelectorAll(a.selector)].filter(
        (p) => (p.textContent ?? '').trim().length > 0,
      );
      ps[a.from]?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -60);
    },
    { selector, from },
  );
  let g = await geometry();
  if ('error' in g) throw new Error(`selectParagraphs: ${g.error}`);
  if (g.endVisible) {
    await page.mouseMove(g.start.x, g.start.y);
    await page.mouseDown();
    await page.mouseMove((g.start.x + g.end.x) / 2, (g.start.y + g.end.y) / 2, 3);
    await page.mouseMove(g.end.x, g.end.y, 3);
    await page.mouseUp();
  } else {
    await page.click(g.start.x, g.start.y);
    await page.evaluate(
      (a: { selector: string; to: number }) => {
        const ps = [...document.querySelectorAll(a.selector)].filter(
          (p) => (p.textContent ?? '').trim().length > 0,
        );
        ps[a.to]?.scrollIntoView({ block: 'end' });
      },
      { selector, to },
    );
    g = await geometry();
    if ('error' in g) throw new Error(`selectParagraphs: ${g.error}`);
    await page.click(g.end.x, g.end.y, { modifiers: ['Shift'] });
  }
  const text = await page.evaluate(() => getSelection()?.toString() ?? '');
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  if (!norm(text).startsWith(norm(g.firstWords)) || !norm(text).endsWith(norm(g.lastWords))) {
    throw new Error(
      `selectParagraphs: the mouse selection is not paragraphs ${from}..${to}: ${JSON.stringify(text.slice(0, 200))}`,
    );
  }
  return { text, links: g.links, hasBold: g.hasBold };
}

/** Double-clicks a word of at least `minLength` letters in the first body paragraph. */
export async function selectWord(
  page: E2EPage,
  selector = '.post_body p',
  minLength = 6,
): Promise<string> {
  await page.bringToFront();
  const target = await page.evaluate(
    (a: { selector: string; minLength: number }) => {
      getSelection()?.removeAllRanges();
      const p = [...document.querySelectorAll(a.selector)].find((el) =>
        (el.textContent ?? '').trim(),
      );
      if (!p) return null;
      p.scrollIntoView({ block: 'center' });
      const w = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const re = new RegExp(`[\\p{L}]{${a.minLength},}`, 'u');
      for (let n = w.nextNode() as Text | null; n; n = w.nextNode() as Text | null) {
        const m = re.exec(n.data);
        if (!m) continue;
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const rect = r.getClientRects()[0];
        if (!rect) continue;
        return { word: m[0], x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    { selector, minLength },
  );
  if (!target) throw new Error(`selectWord: no word of ${minLength}+ letters in ${selector}`);
  await page.click(target.x, target.y, { clickCount: 2 });
  const selected = await page.evaluate(() => getSelection()?.toString() ?? '');
  if (selected.trim() !== target.word) {
    throw new Error(
      `selectWord: double-click selected ${JSON.stringify(selected)}, wanted ${target.word}`,
    );
  }
  return selected;
}

/** Center of an element, scrolled into view. */
export async function elementCenter(page: E2EPage, selector: string): Promise<Rect | null> {
  return page.evaluate(
    (a: { selector: string }) => {
      const el = document.querySelector(a.selector);
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return null;
      return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 };
    },
    { selector },
  );
}

/** Empties the editors page's targets and its paste log. */
export async function resetEditors(page: E2EPage): Promise<void> {
  await page.evaluate(() => {
    (document.getElementById('ta') as HTMLTextAreaElement).value = '';
    const password = document.getElementById('pw') as HTMLInputElement | null;
    if (password) password.value = '';
    (document.getElementById('ce') as HTMLElement).innerHTML = '';
    (document.getElementById('probe') as HTMLElement).innerHTML = '';
    (window as unknown as { __pastes: unknown[] }).__pastes = [];
    getSelection()?.removeAllRanges();
  });
}

/** Clicks `selector` on the editors page (a real focus) and presses Control+v. */
export async function pasteInto(
  page: E2EPage,
  selector: '#probe' | '#ta' | '#ce' | '#pw',
): Promise<void> {
  await page.bringToFront();
  const at = await elementCenter(page, selector);
  if (!at) throw new Error(`pasteInto: ${selector} not found on ${page.url()}`);
  await page.click(at.x, at.y);
  await page.press('Control+v');
}

/** The last paste the probe recorded (waits for one). */
export async function lastProbePaste(page: E2EPage, timeout = 5000): Promise<PasteRecord> {
  const all = await page.waitFor(
    () => {
      const p = (window as unknown as { __pastes: PasteRecord[] }).__pastes;
      return p.length > 0 ? p : null;
    },
    undefined,
    { timeout, message: 'no paste event reached #probe after Control+v' },
  );
  return all[all.length - 1] as PasteRecord;
}

/** Copies the current selection with a real Control+c and gives the page a moment. */
export async function pressCopy(page: E2EPage): Promise<void> {
  await page.bringToFront();
  await page.press('Control+c');
  await new Promise((r) => setTimeout(r, 150));
}

export interface HtmlReport {
  anchors: Array<{ href: string; text: string }>;
  hasBold: boolean;
  lastBlock: { tag: string; text: string; anchorHrefs: string[] } | null;
}

/** Parses an HTML flavour inertly (DOMParser runs no scripts) in `page`. */
export function analyseHtml(page: E2EPage, html: string): Promise<HtmlReport> {
  return page.evaluate(
    (a: { html: string }) => {
      const doc = new DOMParser().parseFromString(a.html, 'text/html');
      const anchors = [...doc.querySelectorAll('a')].map((l) => ({
        href: l.getAttribute('href') ?? '',
        text: (l.textContent ?? '').trim(),
      }));
      // The final block: the last element with text, descending through wrappers.
      let block: Element | null = doc.body;
      for (;;) {
        const kids: Element[] = [...(block?.children ?? [])].filter((k) =>
          (k.textContent ?? '').trim(),
        );
        const lastKid: Element | undefined = kids[kids.length - 1];
        if (
          !lastKid ||
          !/^(DIV|SECTION|ARTICLE|BLOCKQUOTE|SPAN)$/.test(lastKid.tagName) ||
          kids.length > 1
        ) {
          block = lastKid ?? null;
          break;
        }
        block = lastKid;
      }
      return {
        anchors,
        hasBold: doc.querySelector('b, strong') !== null,
        lastBlock: block
          ? {
              tag: block.tagName.toLowerCase(),
              text: (block.textContent ?? '').replace(/\s+/g, ' ').trim(),
              anchorHrefs: [...block.querySelectorAll('a')].map(
                (l) => l.getAttribute('href') ?? '',
              ),
            }
          : null,
      };
    },
    { html },
  );
}

export function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length))
    n++;
  return n;
}

/** Polls `fn` (in Node) until it returns a truthy value. */
export async function eventually<T>(
  fn: () => Promise<T | null | undefined | false>,
  what: string,
  timeout = 8000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown = null;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeout} ms: ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Makes the article page's own copy handler replace the clipboard with bare text, as many
 * news sites do (or stops it): Linkback then records the copy and adds the link at paste time.
 */
export async function setPageStripsCopies(page: E2EPage, on: boolean): Promise<void> {
  await page.evaluate(
    (a: { on: boolean }) => {
      const w = window as unknown as { __strip?: boolean };
      if (w.__strip === undefined) {
        document.addEventListener(
          'copy',
          (event) => {
            if (!w.__strip) return;
            event.preventDefault();
            event.clipboardData?.setData('text/plain', getSelection()?.toString() ?? '');
          },
          true,
        );
      }
      w.__strip = a.on;
    },
    { on },
  );
}

/**
 * Waits until the background has indexed at least one read article: a page checked for
 * republication before that finds nothing, and is not checked again.
 */
export async function articlesIndexed(
  browser: ExtensionBrowser,
  timeout = 10_000,
): Promise<number> {
  return eventually(
    () =>
      browser.evalInExtension(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('linkback');
            open.onerror = () => resolve(0);
            open.onsuccess = () => {
              const db = open.result;
              // The article database's version 2 (utils/platform/indexed-db.ts).
              if (!db.objectStoreNames.contains('readArticles')) return resolve(0);
              const count = db.transaction('readArticles').objectStore('readArticles').count();
              count.onsuccess = () => resolve(count.result);
              count.onerror = () => resolve(0);
            };
          }),
      ),
    'no read article was indexed',
    timeout,
  );
}

/** Opens `url` in a new tab without waiting for its load (which a slow page may hold back). */
export async function openTabUnloaded(browser: ExtensionBrowser, url: string): Promise<void> {
  await browser.evalInExtension(async (address: string) => {
    type Api = { tabs: { create(p: { url: string }): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    await (g.browser ?? g.chrome).tabs.create({ url: address });
  }, url);
}

/** White space as one space, NBSP included: how tests compare texts across fields and editors. */
export function norm(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Waits until the newest copy record holds `text` (as recorded: its first 4,000 characters)
 * and, with `since`, was copied at or after it (the same copy again only moves its time).
 */
export async function waitForCopyRecord(
  browser: ExtensionBrowser,
  text: string,
  timeout = 8000,
  since = 0,
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const latest = await browser.evalInExtension(async () => {
      type Api = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const stored = await (g.browser ?? g.chrome).storage.local.get('copyRecords');
      const [newest] = (stored.copyRecords ?? []) as { text: string; copiedAt: number }[];
      return { text: newest?.text ?? '', copiedAt: newest?.copiedAt ?? 0 };
    });
    const recorded = latest.text && text.trim().startsWith(latest.text.trim());
    if (recorded && latest.copiedAt >= since) break;
    if (Date.now() > deadline) throw new Error('the copy never reached the records');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The index write follows the record's; pages hear of it by a storage event.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** `work`, or an error saying `where()` once `ms` have passed without it settling. */
export async function failAfter<T>(ms: number, where: () => string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(where())), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The paste records the background keeps, newest first (as stored: fields may be damaged). */
export function storedPasteRecords(
  browser: ExtensionBrowser,
): Promise<Array<{ destinationOrigin: string; added: boolean; pastedAt: number }>> {
  return browser.evalInExtension(async () => {
    type Api = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const stored = await (g.browser ?? g.chrome).storage.local.get('pasteRecords');
    return (stored.pasteRecords ?? []) as Array<{
      destinationOrigin: string;
      added: boolean;
      pastedAt: number;
    }>;
  });
}

/** The toolbar badge of a tab ('!', '✓' or ''). */
export function badgeText(browser: ExtensionBrowser, tabId: number): Promise<string> {
  return browser.evalInExtension(
    (a: { tabId: number }) => {
      type Action = { getBadgeText(d: { tabId: number }): Promise<string> };
      const g = globalThis as unknown as {
        browser?: { browserAction?: Action; action?: Action };
        chrome: { action?: Action };
      };
      const action = g.browser?.browserAction ?? g.browser?.action ?? g.chrome.action;
      return action!.getBadgeText({ tabId: a.tabId });
    },
    { tabId },
  );
}
