import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../components/OptionsPage';
import { settingsItem, siteChoicesItem } from '../../utils/platform/storage/items';

document.documentElement.lang = browser.i18n.getUILanguage().split('-')[0] ?? 'en';
const root = document.getElementById('app');
if (root) render(<OptionsPage settings={settingsItem} sites={siteChoicesItem} />, root);
