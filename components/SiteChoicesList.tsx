import { siteHost } from '../utils/core/url';
import { useEffect, useState } from 'preact/hooks';
import { isHostName, withSiteChoice, type SiteChoices } from '../utils/core/rules/site-choice';
import { t } from './i18n';
import { describeOwnRule } from './RuleCard';

export interface SiteChoicesStore {
  getValue(): Promise<SiteChoices>;
  setValue(value: SiteChoices): Promise<void>;
}

type Status = { ok: boolean; text: string } | null;

/**
 * The user's word on each site, as set from the popup: Linkback off there, or a rule of their
 * own. Each can be forgotten (the site's own rule applies again); a site to leave alone can be
 * added by its host name. Changes apply in open tabs at once (they follow storage).
 */
export function SiteChoicesList({ store }: { store: SiteChoicesStore }) {
  const [choices, setChoices] = useState<SiteChoices | null>(null);
  const [host, setHost] = useState('');
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    store
      .getValue()
      .then(setChoices, (error: unknown) =>
        setStatus({ ok: false, text: t('saveFailed', String(error)) }),
      );
  }, [store]);

  if (!choices) return <p class="empty">{t('loading')}</p>;

  const save = (next: SiteChoices) =>
    store.setValue(next).then(
      () => {
        setChoices(next);
        setStatus({ ok: true, text: t('saved') });
      },
      (error: unknown) =>
        setStatus({ ok: false, text: t('saveFailed', String((error as Error)?.message ?? error)) }),
    );

  const addQuietSite = () => {
    const key = siteHost(host.trim());
    if (!isHostName(key)) {
      setStatus({ ok: false, text: t('siteHostInvalid', host.trim()) });
      return;
    }
    void save(withSiteChoice(choices, key, { kind: 'off' })).then(() => setHost(''));
  };

  const sites = Object.entries(choices).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section class="sites" aria-labelledby="sites-title" data-testid="site-choices">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      {sites.length === 0 ? (
        <p class="empty" data-testid="sites-empty">
          {t('sitesEmpty')}
        </p>
      ) : (
        <ul>
          {sites.map(([site, choice]) => (
            <li key={site} data-site={site}>
              <strong>{site}</strong>{' '}
              <span>
                {choice.kind === 'off' ? t('siteOff') : t('siteRule', describeOwnRule(choice))}
              </span>{' '}
              <button
                type="button"
                data-action="site-forget"
                onClick={() => void save(withSiteChoice(choices, site, null))}
              >
                {t('siteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="add-site"
        onSubmit={(event) => {
          event.preventDefault();
          addQuietSite();
        }}
      >
        <label>
          {t('siteAddLabel')}{' '}
          <input
            name="host"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={host}
            onInput={(event) => setHost(event.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit" data-action="site-add">
          {t('siteAddButton')}
        </button>
      </form>
      <p role="status" aria-live="polite" class={status && !status.ok ? 'error' : 'status'}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}
