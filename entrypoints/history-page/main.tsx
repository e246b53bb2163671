import { render } from 'preact';
import { browser } from 'wxt/browser';
import { HistoryPage, type HistoryData } from '../../components/HistoryPage';
import { historyEntries } from '../../utils/core/records/history';
import { sendToBackground } from '../../utils/platform/messaging';
import {
  copyRecordsItem,
  pasteRecordsItem,
  reuseFindingsItem,
  storageHealthItem,
} from '../../utils/platform/storage/items';
import { uiLanguage } from '../../components/i18n';

async function readHistory() {
  const [copies, pastes, findings] = await Promise.all([
    copyRecordsItem.getValue(),
    pasteRecordsItem.getValue(),
    reuseFindingsItem.getValue(),
  ]);
  return historyEntries(copies, pastes, findings);
}

// The first read starts before the first render, so that it overlaps the first paint rather
// than wait for it (effects run after it); each later load (after a deletion) reads afresh.
let firstRead: ReturnType<typeof readHistory> | null = readHistory();

const data: HistoryData = {
  load() {
    const read = firstRead ?? readHistory();
    firstRead = null;
    return read;
  },
  // Through the background, whose stores queue every write to the logs.
  async remove(kind, id) {
    await sendToBackground(browser, { type: 'history:delete', kind, id });
  },
  async clear() {
    await sendToBackground(browser, { type: 'history:clear' });
  },
  health: () => storageHealthItem.getValue().catch(() => null),
};

document.documentElement.lang = uiLanguage();
document.title = browser.i18n.getMessage('historyTitle') || document.title;
const root = document.getElementById('app');
if (root) render(<HistoryPage data={data} />, root);
