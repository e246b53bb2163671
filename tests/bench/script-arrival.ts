// How long the article script takes to arrive on a site seen for the first time (issue 11):
// from the moment a selection of page text begins to the article script's start in the page,
// with the real extension in Chromium. The all-pages script asks the background on the first
// selection change; the background injects the article script into that frame. A Control+c
// sooner than this is left as the browser made it, so the figure says how much head start a
// person's copy has. Each run is a fresh page of a site the extension has not registered.
import { launchChromiumWithExtension } from '../e2e/browsers';
import { publisherSiteUrl } from '../e2e/publisher-sites';
import { startServer } from '../e2e/server';
import { median, note, print, quantile, type Figure } from './shared';

const RUNS = 15;
/** A person's Control+c comes well after the selection began: a drag, then the keys. */
const GOAL_MS = 100;

async function waitForRegistration(
  browser: Awaited<ReturnType<typeof launchChromiumWithExtension>>,
): Promise<void> {
  for (let tries = 0; tries < 40; tries++) {
    const registered = await browser.evalInExtension(async () => {
      const chrome = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') })
        .chrome;
      return (await chrome.scripting.getRegisteredContentScripts()).length > 0;
    });
    if (registered) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the site was never registered after its article script reported it');
}

export async function scriptArrivalFigures(): Promise<Figure[]> {
  const server = await startServer();
  const browser = await launchChromiumWithExtension({ serverHostPort: server.hostPort });
  try {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Forget the site, so that its page comes without the article script as on a first visit.
      await browser.evalInExtension(async () => {
        const chrome = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') })
          .chrome;
        await chrome.scripting.unregisterContentScripts().catch(() => undefined);
        await chrome.storage.local.remove('ruledSites');
      });
      const page = await browser.newPage(`${publisherSiteUrl('ru')}?run=${run}`);
      const elapsed = await page.evaluate(
        (a: { startedEvent: string }) =>
          new Promise<number>((resolve, reject) => {
            // WXT announces each content script's start with an event on the document.
            let started = 0;
            document.addEventListener(a.startedEvent, () => resolve(performance.now() - started));
            setTimeout(() => reject(new Error('the article script never arrived')), 5_000);
            const paragraph = document.querySelector('.article-body p');
            if (!paragraph) return reject(new Error('no paragraph'));
            const range = document.createRange();
            range.selectNodeContents(paragraph);
            started = performance.now();
            getSelection()?.removeAllRanges();
            getSelection()?.addRange(range);
          }),
        {
          startedEvent: `${new URL(browser.extensionOrigin).host}:article:wxt:content-script-started`,
        },
      );
      times.push(elapsed);
      await page.close();
      // The background registers the site once the script has reported it: let it finish, so
      // that the next run's clean-up comes after it.
      await waitForRegistration(browser);
    }
    note(
      `article script arrival after a selection begins (${RUNS} fresh pages, Chromium): median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
    );
    return [print('copy.any-site.script-arrival.p95', quantile(times, 0.95), 'ms', GOAL_MS)];
  } finally {
    await browser.close();
    await server.close();
  }
}

// `tsx tests/bench/script-arrival.ts` on its own prints the figure (needs `npm run build`).
if (import.meta.url === `file://${process.argv[1]}`) await scriptArrivalFigures();
