import { useEffect, useRef, useState } from 'preact/hooks';
import {
  MIN_WORDS_RANGE,
  type LabelLanguage,
  type PlacementChoice,
  type Settings,
} from '../utils/core/records/settings';
import {
  RETENTION_COUNTS,
  RETENTION_DAYS,
  type RetentionCount,
  type RetentionDays,
} from '../utils/core/records/retention';
import { formatNumber } from './format';
import { t, type MessageKey } from './i18n';
import { TemplateEditor } from './TemplateEditor';

/** When Linkback adds the link: one choice, kept in storage as the two switches it always was. */
type Mode = 'copy' | 'paste' | 'both' | 'off';

const MODES: ReadonlyArray<{
  mode: Mode;
  label: MessageKey;
  flags: Pick<Settings, 'attributeOnCopy' | 'attributeOnPaste'>;
}> = [
  {
    mode: 'copy',
    label: 'optionModeCopy',
    flags: { attributeOnCopy: true, attributeOnPaste: false },
  },
  {
    mode: 'paste',
    label: 'optionModePaste',
    flags: { attributeOnCopy: false, attributeOnPaste: true },
  },
  {
    mode: 'both',
    label: 'optionModeBoth',
    flags: { attributeOnCopy: true, attributeOnPaste: true },
  },
  {
    mode: 'off',
    label: 'optionModeOff',
    flags: { attributeOnCopy: false, attributeOnPaste: false },
  },
];

/** The settings store as the form needs it: `settingsItem` fits. */
export interface SettingsStore {
  getValue(): Promise<Settings>;
  setValue(value: Settings): Promise<void>;
}

/** A select's value for a retention in days: the option for "no time limit" needs one too. */
const NO_TIME_LIMIT = 'none';

/**
 * When the link is added, the shortest selection, how the attribution reads (label, place,
 * deep link, the user's template), the paste notice and how much history is kept; every
 * change is saved at once.
 */
export function SettingsForm({ store }: { store: SettingsStore }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [minWordsText, setMinWordsText] = useState('');
  // The settings as last changed: two changes made before the form draws again (a quick
  // hand, a script) must both be kept, not the second written over the first.
  const latest = useRef<Settings | null>(null);

  useEffect(() => {
    store.getValue().then(
      // The store checks what it reads (settings.ts): unreadable fields are at their defaults.
      (value) => {
        latest.current = value;
        setSettings(value);
        setMinWordsText(String(value.minWords));
      },
      (error: unknown) => setStatus({ ok: false, text: t('saveFailed', String(error)) }),
    );
  }, [store]);

  if (!settings) return <p class="empty">{t('loading')}</p>;

  const save = (change: Partial<Settings>) => {
    const next = { ...(latest.current ?? settings), ...change };
    latest.current = next;
    setSettings(next);
    // Written at once, in the order made: storage applies them in that order.
    store.setValue(next).then(
      () => setStatus({ ok: true, text: t('saved') }),
      (error: unknown) =>
        setStatus({ ok: false, text: t('saveFailed', String((error as Error)?.message ?? error)) }),
    );
  };

  const onMinWords = (text: string) => {
    setMinWordsText(text);
    const value = Number(text);
    if (!Number.isInteger(value) || value < MIN_WORDS_RANGE.min || value > MIN_WORDS_RANGE.max) {
      setStatus({ ok: false, text: t('minWordsInvalid') });
      return;
    }
    save({ minWords: value });
  };

  return (
    <form class="settings" onSubmit={(event) => event.preventDefault()}>
      <h1>{t('optionsTitle')}</h1>
      <fieldset class="mode" aria-describedby="mode-hint">
        <legend>{t('optionMode')}</legend>
        {MODES.map(({ mode, label, flags }) => (
          <label key={mode}>
            <input
              type="radio"
              name="mode"
              value={mode}
              checked={
                settings.attributeOnCopy === flags.attributeOnCopy &&
                settings.attributeOnPaste === flags.attributeOnPaste
              }
              onChange={() => save({ ...flags })}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
      <p class="hint" id="mode-hint">
        {t('optionModeHint')}
      </p>
      <label>
        {t('optionMinWords')}{' '}
        <input
          type="number"
          name="minWords"
          min={MIN_WORDS_RANGE.min}
          max={MIN_WORDS_RANGE.max}
          value={minWordsText}
          aria-describedby="min-words-hint"
          onInput={(event) => onMinWords(event.currentTarget.value)}
        />
      </label>
      <p class="hint" id="min-words-hint">
        {t('optionMinWordsHint')}
      </p>
      <label>
        {t('optionLabelLanguage')}{' '}
        <select
          name="labelLanguage"
          value={settings.labelLanguage}
          onChange={(event) => save({ labelLanguage: event.currentTarget.value as LabelLanguage })}
        >
          <option value="article">{t('optionLabelArticle')}</option>
          <option value="interface">{t('optionLabelInterface')}</option>
        </select>
      </label>
      <label>
        {t('optionPlacement')}{' '}
        <select
          name="placement"
          value={settings.placement}
          onChange={(event) => save({ placement: event.currentTarget.value as PlacementChoice })}
        >
          <option value="rule">{t('optionPlacementRule')}</option>
          <option value="start">{t('optionPlacementStart')}</option>
          <option value="end">{t('optionPlacementEnd')}</option>
        </select>
      </label>
      <FlagSetting
        name="deepLink"
        checked={settings.deepLink}
        label={t('optionDeepLink')}
        hint={t('optionDeepLinkHint')}
        onChange={(deepLink) => save({ deepLink })}
      />
      <FlagSetting
        name="pasteNotice"
        checked={settings.pasteNotice}
        label={t('optionPasteNotice')}
        hint={t('optionPasteNoticeHint')}
        onChange={(pasteNotice) => save({ pasteNotice })}
      />
      <TemplateEditor template={settings.template} onSave={(template) => save({ template })} />
      <fieldset class="retention" aria-describedby="retention-hint">
        <legend>{t('optionHistory')}</legend>
        <label>
          {t('optionHistoryEntries')}{' '}
          <select
            name="historyMaxEntries"
            value={String(settings.historyMaxEntries)}
            onChange={(event) =>
              save({
                historyMaxEntries: Number(event.currentTarget.value) as RetentionCount,
              })
            }
          >
            {RETENTION_COUNTS.map((count) => (
              <option key={count} value={String(count)}>
                {formatNumber(count)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('optionHistoryDays')}{' '}
          <select
            name="historyMaxDays"
            value={String(settings.historyMaxDays ?? NO_TIME_LIMIT)}
            onChange={(event) => {
              const { value } = event.currentTarget;
              const days = (value === NO_TIME_LIMIT ? null : Number(value)) as RetentionDays;
              save({ historyMaxDays: days });
            }}
          >
            {RETENTION_DAYS.map((days) => (
              <option key={String(days)} value={String(days ?? NO_TIME_LIMIT)}>
                {days === null ? t('optionHistoryForever') : t('optionHistoryDaysCount', days)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <p class="hint" id="retention-hint">
        {t('optionHistoryHint')}
      </p>
      <p role="status" aria-live="polite" class={status && !status.ok ? 'error' : 'status'}>
        {status?.text ?? ''}
      </p>
    </form>
  );
}

/** A switch with the sentence that says what it changes. */
function FlagSetting(props: {
  name: 'deepLink' | 'pasteNotice';
  checked: boolean;
  label: string;
  hint: string;
  onChange(checked: boolean): void;
}) {
  const hintId = `${props.name}-hint`;
  return (
    <>
      <label>
        <input
          type="checkbox"
          name={props.name}
          checked={props.checked}
          aria-describedby={hintId}
          onChange={(event) => props.onChange(event.currentTarget.checked)}
        />
        {props.label}
      </label>
      <p class="hint" id={hintId}>
        {props.hint}
      </p>
    </>
  );
}
