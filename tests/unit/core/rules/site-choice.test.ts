import { describe, expect, it } from 'vitest';
import {
  checkSiteChoices,
  siteChoiceFor,
  siteRuleStatus,
  withSiteChoice,
  type SiteChoice,
} from '../../../../utils/core/rules/site-choice';
import type { ReuseFinding } from '../../../../utils/core/rules/types';

const NOTICE: ReuseFinding = {
  kind: 'rule',
  rule: {
    publisher: { name: 'Vesti', hosts: ['vesti.test'] },
    linkTo: 'site',
    placement: 'any',
    activeLink: true,
    label: null,
    source: 'notice',
    quote: 'При использовании материалов гиперссылка на Vesti обязательна.',
  },
};
const OWN: SiteChoice = { kind: 'rule', linkTo: 'article', placement: 'start', label: 'Via' };

describe('site choices', () => {
  it('keys a site by host without www. and case', () => {
    const choices = withSiteChoice({}, 'WWW.Vesti.test', { kind: 'off' });
    expect(choices).toEqual({ 'vesti.test': { kind: 'off' } });
    expect(siteChoiceFor(choices, 'vesti.test')).toEqual({ kind: 'off' });
    expect(siteChoiceFor(choices, 'www.vesti.test')).toEqual({ kind: 'off' });
    expect(siteChoiceFor(withSiteChoice(choices, 'vesti.test', null), 'vesti.test')).toBeNull();
  });

  it('drops and counts damaged entries, keeps the rest', () => {
    const { value, dropped } = checkSiteChoices({
      'a.test': { kind: 'off' },
      'b.test': { kind: 'rule', linkTo: 'article', placement: 'end', label: '  Source  ' },
      'c.test': { kind: 'rule', linkTo: 'elsewhere', placement: 'end', label: null },
      'd.test': 'off',
      __proto__: { kind: 'off' },
    });
    expect(value['a.test']).toEqual({ kind: 'off' });
    expect(value['b.test']).toEqual({
      kind: 'rule',
      linkTo: 'article',
      placement: 'end',
      label: 'Source',
    });
    expect(dropped).toBe(2);
    expect(checkSiteChoices('nonsense')).toEqual({ value: {}, dropped: 1 });
    expect(checkSiteChoices(undefined)).toEqual({ value: {}, dropped: 0 });
  });
});

describe('siteRuleStatus', () => {
  it('acts on what the site says when the user has not spoken', () => {
    expect(siteRuleStatus('vesti.test', NOTICE, null).inForce).toBe(
      NOTICE.kind === 'rule' ? NOTICE.rule : null,
    );
  });

  it('acts on nothing where the user turned Linkback off, but still knows what the site says', () => {
    const status = siteRuleStatus('vesti.test', NOTICE, { kind: 'off' });
    expect(status.inForce).toBeNull();
    expect(status.found).toBe(NOTICE);
  });

  it('lets the user’s rule win, keeping the site’s name and quote for the popup', () => {
    const rule = siteRuleStatus('www.vesti.test', NOTICE, OWN).inForce;
    expect(rule).toMatchObject({
      source: 'user',
      linkTo: 'article',
      placement: 'start',
      label: 'Via',
      publisher: { name: 'Vesti', hosts: ['vesti.test'] },
      quote: NOTICE.kind === 'rule' ? NOTICE.rule.quote : '',
    });
  });

  it('gives a site with no notice a rule of the user’s own', () => {
    const rule = siteRuleStatus('www.plain.test', null, OWN).inForce;
    expect(rule?.publisher).toEqual({ name: null, hosts: ['www.plain.test'] });
    expect(rule?.quote).toBe('');
  });
});
