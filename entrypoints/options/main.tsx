import { render } from 'preact';
import { OptionsPage } from '../../components/OptionsPage';
import { settingsItem, siteChoicesItem } from '../../utils/platform/storage/items';
import { uiLanguage } from '../../components/i18n';

document.documentElement.lang = uiLanguage();
const root = document.getElementById('app');
if (root) render(<OptionsPage settings={settingsItem} sites={siteChoicesItem} />, root);
