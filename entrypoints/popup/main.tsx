import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp, type FollowReport, type PopupData } from '../../components/PopupApp';
import { sendToBackground, sendToTab, type TabMessage } from '../../utils/platform/messaging';
import { injectArticleScript, type ScriptingApi } from '../../utils/platform/article-script';
import {
  articleSummaryItem,
  copyRecordsItem,
  recentCopiesItem,
  siteChoicesItem,
  storageHealthItem,
} from '../../utils/platform/storage/items';
import { recentCopies } from '../../utils/core/records/recent-copies';
import type { ArticleIndexSummary } from '../../utils/core/republication/article-index';
import { parseHttpUrl } from '../../utils/core/url';
import { uiLanguage } from '../../components/i18n';
import { withSiteChoice, type SiteChoice } from '../../utils/core/rules/site-choice';

/**
 * The tab the popup describes: the active one, or `?tab=ID` when the popup is opened as a
 * page (tests, or a pinned tab) and the active tab is the popup itself.
 */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const tabIdPromise = targetTabId();

/** Asks the tab's scripts; no reply means no Linkback script there (a browser page, the store). */
async function askTab<M extends TabMessage>(message: M) {
  const tabId = await tabIdPromise;
  if (tabId === undefined) return null;
  return sendToTab(browser, tabId, message).catch(() => null);
}

/**
 * The tab's article and rule. Off the built-in publishers' sites the article script is not
 * there until the user selects text: opening the popup brings it, to read the site's rule.
 */
async function askArticle() {
  const state = await askTab({ type: 'article:get' });
  if (state) return state;
  const tabId = await tabIdPromise;
  if (tabId === undefined) return null;
  try {
    await injectArticleScript(browser as unknown as ScriptingApi, tabId);
  } catch {
    return null; // A browser page, the store, a PDF: no script may run there.
  }
  return askTab({ type: 'article:get' });
}

/** The tab's address: the browser gives it for the pages Linkback may run on. */
async function tabUrl(): Promise<string | null> {
  const tabId = await tabIdPromise;
  if (tabId === undefined) return null;
  return (await browser.tabs.get(tabId).catch(() => null))?.url ?? null;
}

/**
 * The newest copies, from the digest the background keeps of the copy log: the log itself is
 * up to megabytes, read only while no digest is stored yet (before the background's first
 * start with this version, or when storage was too full for it).
 */
async function recentCopyList() {
  return (await recentCopiesItem.getValue()) ?? recentCopies(await copyRecordsItem.getValue());
}

async function loadPopupData(): Promise<PopupData> {
  const [state, report, recent, health, pageUrl, summary] = await Promise.all([
    askArticle(),
    askTab({ type: 'report:get' }),
    recentCopyList(),
    storageHealthItem.getValue().catch(() => null),
    tabUrl(),
    articleSummaryItem.getValue().catch(() => null),
  ]);
  return {
    state: state ?? null,
    report: report ?? null,
    recent,
    health,
    pageUrl,
    articlesRead: summary?.articles ?? null,
    // No article state: no script of Linkback's may run in the tab (a PDF, the store), so no check.
    checkPending: !report && !!state && checkExpected(pageUrl, summary),
  };
}

/**
 * Whether the tab's page is one the republication check runs on (content.ts): a web page off
 * the read articles' own sites, once an article has been read.
 */
function checkExpected(pageUrl: string | null, summary: ArticleIndexSummary | null): boolean {
  const url = parseHttpUrl(pageUrl);
  if (!url || !summary?.articles) return false;
  return !summary.publisherHosts.includes(url.hostname.toLowerCase());
}

/** How long the popup waits for a check under way, asking every REPORT_POLL_MS. */
const REPORT_WAIT_MS = 15_000;
const REPORT_POLL_MS = 400;

/** The page is checked after it has loaded, in its idle time: the popup asks until it has been. */
const followReport: FollowReport = (onReport) => {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const ask = async () => {
    const report = await askTab({ type: 'report:get' });
    if (stopped) return;
    if (report || Date.now() - started >= REPORT_WAIT_MS) onReport(report ?? null);
    else timer = setTimeout(() => void ask(), REPORT_POLL_MS);
  };
  timer = setTimeout(() => void ask(), REPORT_POLL_MS);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
};

const actions = {
  async highlight(articleUrl: string): Promise<number> {
    return (await askTab({ type: 'report:highlight', articleUrl }))?.highlighted ?? 0;
  },
  async clearHistory(): Promise<void> {
    await sendToBackground(browser, { type: 'history:clear' });
  },
  async chooseForSite(host: string, choice: SiteChoice | null): Promise<void> {
    await siteChoicesItem.setValue(withSiteChoice(await siteChoicesItem.getValue(), host, choice));
  },
  openHistory(): void {
    void browser.tabs.create({ url: browser.runtime.getURL('/history-page.html') });
  },
  openSettings(): void {
    void browser.runtime.openOptionsPage();
  },
};

// Started before the first render, so that the reads and the tab's answers overlap the first
// paint rather than wait for it (effects run after it).
const popupData = loadPopupData();
const load = () => popupData;

document.documentElement.lang = uiLanguage();
const root = document.getElementById('app');
if (root) render(<PopupApp load={load} actions={actions} followReport={followReport} />, root);
