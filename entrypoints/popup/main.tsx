import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp, type PopupData } from '../../components/PopupApp';
import { sendToTab } from '../../utils/messaging';
import { copyRecordsItem } from '../../utils/storage';

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

async function loadPopupData(): Promise<PopupData> {
  const tabId = await targetTabId();
  const [state, recent] = await Promise.all([
    // No reply means no Linkback script in that tab: not a publisher's page.
    tabId === undefined
      ? null
      : sendToTab(browser, tabId, { type: 'article:get' }).catch(() => null),
    copyRecordsItem.getValue(),
  ]);
  return { state: state ?? null, recent: recent.slice(0, 10) };
}

document.documentElement.lang = browser.i18n.getUILanguage().split('-')[0] ?? 'en';
const root = document.getElementById('app');
if (root) render(<PopupApp load={loadPopupData} />, root);
