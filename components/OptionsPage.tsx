import { useState } from 'preact/hooks';
import { t } from './i18n';
import { SettingsForm, type SettingsStore } from './SettingsForm';
import { SettingsTransfer } from './SettingsTransfer';
import { SiteChoicesList, type SiteChoicesStore } from './SiteChoicesList';

/** The options page: settings, the user's word on sites, and the settings file. */
export function OptionsPage({
  settings,
  sites,
}: {
  settings: SettingsStore;
  sites: SiteChoicesStore;
}) {
  // An import replaces what both sections show: they read their stores afresh.
  const [generation, setGeneration] = useState(0);
  return (
    <>
      <SettingsForm key={`settings-${generation}`} store={settings} />
      <SiteChoicesList key={`sites-${generation}`} store={sites} />
      <p>
        <a href="/history-page.html" target="_blank" data-action="open-history">
          {t('historyOpen')}
        </a>
      </p>
      <SettingsTransfer
        stores={{ settings, sites }}
        onImported={() => setGeneration((value) => value + 1)}
      />
    </>
  );
}
