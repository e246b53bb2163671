import { useState } from 'preact/hooks';
import type { Settings } from '../utils/core/records/settings';
import { readSettingsFile, settingsFile } from '../utils/core/records/settings-file';
import type { SiteChoices } from '../utils/core/rules/site-choice';
import { offerDownload } from './download';
import { t } from './i18n';

export interface TransferStores {
  settings: { getValue(): Promise<Settings>; setValue(value: Settings): Promise<void> };
  sites: { getValue(): Promise<SiteChoices>; setValue(value: SiteChoices): Promise<void> };
}

type Status = { ok: boolean; text: string } | null;

/**
 * Export of the settings and the per-site choices as one versioned JSON file, and import of
 * one: a file that is not exactly right is refused with the field and the problem, and
 * changes nothing. `onImported` lets the rest of the page show what was imported.
 */
export function SettingsTransfer({
  stores,
  onImported,
}: {
  stores: TransferStores;
  onImported(): void;
}) {
  const [status, setStatus] = useState<Status>(null);

  async function exportFile() {
    try {
      const text = settingsFile(await stores.settings.getValue(), await stores.sites.getValue());
      const fileName = `linkback-settings-${new Date().toISOString().slice(0, 10)}.json`;
      offerDownload(text, fileName, 'application/json');
      setStatus({ ok: true, text: t('exportReady', fileName) });
    } catch (error) {
      setStatus({ ok: false, text: t('saveFailed', String((error as Error)?.message ?? error)) });
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    try {
      const read = readSettingsFile(await file.text());
      if (!read.ok) {
        setStatus({
          ok: false,
          text: t('importRefused', `${read.error.field} ${read.error.problem}`),
        });
        return;
      }
      // The sites first: if the second write fails, the settings the user sees are the old ones.
      await stores.sites.setValue(read.sites);
      await stores.settings.setValue(read.settings);
      setStatus({ ok: true, text: t('imported', Object.keys(read.sites).length) });
      onImported();
    } catch (error) {
      setStatus({
        ok: false,
        text: t('importRefused', String((error as Error)?.message ?? error)),
      });
    }
  }

  return (
    <section class="transfer" aria-labelledby="transfer-title" data-testid="settings-transfer">
      <h2 id="transfer-title">{t('transferTitle')}</h2>
      <p class="hint">{t('transferHint')}</p>
      <p>
        <button type="button" data-action="export" onClick={() => void exportFile()}>
          {t('exportButton')}
        </button>
      </p>
      <label>
        {t('importLabel')}{' '}
        <input
          type="file"
          name="import"
          accept="application/json,.json"
          onChange={(event) => {
            const input = event.currentTarget;
            void importFile(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </label>
      <p
        role={status && !status.ok ? 'alert' : 'status'}
        aria-live="polite"
        class={status && !status.ok ? 'error' : 'status'}
        data-testid="transfer-status"
      >
        {status?.text ?? ''}
      </p>
    </section>
  );
}
