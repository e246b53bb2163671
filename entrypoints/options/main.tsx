import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SettingsForm } from '../../components/SettingsForm';
import { settingsItem } from '../../utils/platform/storage/items';

document.documentElement.lang = browser.i18n.getUILanguage().split('-')[0] ?? 'en';
const root = document.getElementById('app');
if (root) render(<SettingsForm store={settingsItem} />, root);
