import { useState } from 'preact/hooks';
import {
  cleanLabel,
  MAX_LABEL_LENGTH,
  type ChosenPlacement,
  type SiteChoice,
  type SiteRuleStatus,
} from '../utils/core/rules/site-choice';
import type { LinkTarget, ReuseRule, RulePlacement, RuleSource } from '../utils/core/rules/types';
import { t, type MessageKey } from './i18n';

const SOURCE_LABELS: Record<RuleSource, MessageKey> = {
  'built-in': 'ruleSourceBuiltIn',
  notice: 'ruleSourceNotice',
  license: 'ruleSourceLicense',
  user: 'ruleSourceUser',
};
const LINK_LABELS: Record<LinkTarget, MessageKey> = {
  article: 'ruleLinkArticle',
  site: 'ruleLinkSite',
};
const PLACEMENT_LABELS: Record<RulePlacement, MessageKey> = {
  start: 'rulePlaceStart',
  end: 'rulePlaceEnd',
  any: 'rulePlaceAny',
};

/** A user's rule in words: "Link to the site · Link before the text · “Via”". */
export function describeOwnRule(choice: Extract<SiteChoice, { kind: 'rule' }>): string {
  return [
    t(LINK_LABELS[choice.linkTo]),
    t(PLACEMENT_LABELS[choice.placement]),
    choice.label ? `“${choice.label}”` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

export interface RuleActions {
  /** Sets the user's word on the site (null: back to what the site says). */
  chooseForSite(host: string, choice: SiteChoice | null): Promise<void>;
}

type Saving = { status: 'idle' } | { status: 'saved' } | { status: 'failed'; message: string };

/**
 * The reuse rule in force on the tab's site, where it comes from (with the site's own words),
 * and the user's controls: turn Linkback off here, edit the rule, or add one where the site
 * states none. Every page string is rendered as text.
 */
export function RuleCard({ status, actions }: { status: SiteRuleStatus; actions: RuleActions }) {
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState<Saving>({ status: 'idle' });
  const { found, choice, inForce } = status;
  const siteRule = found?.kind === 'rule' ? found.rule : null;

  async function choose(next: SiteChoice | null) {
    try {
      await actions.chooseForSite(status.host, next);
      setEditing(false);
      setSaving({ status: 'saved' });
    } catch (error) {
      setSaving({ status: 'failed', message: String((error as Error)?.message ?? error) });
    }
  }

  const quote = inForce?.quote || (found?.kind === 'reprint-forbidden' ? found.quote : '');
  return (
    <section class="card rule" data-testid="rule-card" aria-labelledby="rule-title">
      <h2 id="rule-title">{t('ruleTitle')}</h2>
      {editing ? (
        <RuleForm
          initial={inForce ?? siteRule}
          onSave={(next) => void choose(next)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {inForce ? (
            <RuleFacts rule={inForce} />
          ) : (
            <p data-testid="rule-state">
              {choice?.kind === 'off'
                ? t('ruleOff')
                : found?.kind === 'reprint-forbidden'
                  ? t('ruleForbidden')
                  : t('ruleNone')}
            </p>
          )}
          {quote && (
            <figure class="quote">
              <figcaption>{t('ruleQuote')}</figcaption>
              <blockquote data-testid="rule-quote">{quote}</blockquote>
            </figure>
          )}
          <div class="actions">
            {choice?.kind === 'off' ? (
              <button type="button" data-action="rule-on" onClick={() => void choose(null)}>
                {t('ruleTurnOn')}
              </button>
            ) : (
              <>
                {/* Also where the site states no rule: Linkback then leaves pastes there alone. */}
                <button
                  type="button"
                  data-action="rule-off"
                  onClick={() => void choose({ kind: 'off' })}
                >
                  {t('ruleTurnOff')}
                </button>
                <button type="button" data-action="rule-edit" onClick={() => setEditing(true)}>
                  {inForce ? t('ruleEdit') : t('ruleAdd')}
                </button>
                {choice?.kind === 'rule' && (
                  <button type="button" data-action="rule-reset" onClick={() => void choose(null)}>
                    {t('ruleReset')}
                  </button>
                )}
              </>
            )}
          </div>
        </>
      )}
      {saving.status === 'saved' && (
        <p class="hint" role="status">
          {t('ruleSaved')}
        </p>
      )}
      {saving.status === 'failed' && (
        <p class="error" role="alert">
          {t('ruleSaveFailed', saving.message)}
        </p>
      )}
    </section>
  );
}

function RuleFacts({ rule }: { rule: ReuseRule }) {
  return (
    <dl data-testid="rule-facts">
      <div class="field">
        <dt data-field="rule-publisher">{rule.publisher.name ?? rule.publisher.hosts[0] ?? ''}</dt>
        <dd data-field="rule-source">{t(SOURCE_LABELS[rule.source])}</dd>
      </div>
      <div class="field">
        <dt>{rule.source === 'user' ? t('ruleYours') : t('ruleAsks')}</dt>
        <dd data-field="rule-link">
          {t(LINK_LABELS[rule.linkTo])} · {t(PLACEMENT_LABELS[rule.placement])}
          {rule.source === 'user' && rule.label ? ` · “${rule.label}”` : ''}
        </dd>
      </div>
      {rule.linkTo === 'site' && rule.source !== 'user' && (
        <p class="hint">{t('ruleArticleMeetsSite')}</p>
      )}
      {rule.licence && (
        <div class="field">
          <dt />
          <dd data-field="rule-licence">
            {t('ruleLicence', rule.licence.name ?? rule.licence.url ?? '')}
          </dd>
        </div>
      )}
    </dl>
  );
}

/** The user's own rule for the site: link target, placement and label, all by keyboard too. */
function RuleForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: ReuseRule | null;
  onSave(choice: SiteChoice): void;
  onCancel(): void;
}) {
  const [linkTo, setLinkTo] = useState<LinkTarget>(initial?.linkTo ?? 'article');
  const [placement, setPlacement] = useState<ChosenPlacement>(
    initial?.placement === 'start' ? 'start' : 'end',
  );
  const [label, setLabel] = useState(initial?.label ?? '');
  return (
    <form
      class="rule-form"
      data-testid="rule-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ kind: 'rule', linkTo, placement, label: cleanLabel(label) });
      }}
    >
      <label>
        {t('ruleLinkTo')}
        <select
          name="linkTo"
          value={linkTo}
          onChange={(event) => setLinkTo(event.currentTarget.value as LinkTarget)}
        >
          <option value="article">{t('ruleLinkArticle')}</option>
          <option value="site">{t('ruleLinkSite')}</option>
        </select>
      </label>
      <label>
        {t('rulePlacement')}
        <select
          name="placement"
          value={placement}
          onChange={(event) => setPlacement(event.currentTarget.value as ChosenPlacement)}
        >
          <option value="end">{t('rulePlaceEnd')}</option>
          <option value="start">{t('rulePlaceStart')}</option>
        </select>
      </label>
      <label>
        {t('ruleLabel')}
        <input
          name="label"
          type="text"
          maxLength={MAX_LABEL_LENGTH}
          value={label}
          onInput={(event) => setLabel(event.currentTarget.value)}
        />
      </label>
      <div class="actions">
        <button type="submit" data-action="rule-save">
          {t('ruleSave')}
        </button>
        <button type="button" data-action="rule-cancel" onClick={onCancel}>
          {t('ruleCancel')}
        </button>
      </div>
    </form>
  );
}
