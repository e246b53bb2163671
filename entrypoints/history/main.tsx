import { render } from 'preact';
import { browser } from 'wxt/browser';
import { HistoryPage } from '../../components/HistoryPage';
import { historyEntries } from '../../utils/core/records/history';
import { sendToBackground } from '../../utils/platform/messaging';
import { copyRecordsItem, pasteRecordsItem } from '../../utils/platform/storage/items';
import { uiLanguage } from '../../components/i18n';

const data = {
  async load() {
    const [copies, pastes] = await Promise.all([
      copyRecordsItem.getValue(),
      pasteRecordsItem.getValue(),
    ]);
    return historyEntries(copies, pastes);
  },
  async remove(kind: 'copy' | 'paste', id: string) {
    // Through the background, whose stores queue every write to the logs.
    await sendToBackground(browser, { type: 'history:delete', kind, id });
  },
};

document.documentElement.lang = uiLanguage();
document.title = browser.i18n.getMessage('historyTitle') || document.title;
const root = document.getElementById('app');
if (root) render(<HistoryPage data={data} />, root);
