import { describe, expect, it } from 'vitest';
import { caliberRule } from '../../../../utils/core/publishers/caliber';
import { builtInReuseRule } from '../../../../utils/core/rules/built-in';
import { findRuleInForce } from '../../../../utils/core/rules/rule-in-force';
import { summariseReuseRule } from '../../../../utils/core/rules/summary';
import type { ReuseRule } from '../../../../utils/core/rules/types';
import { parseHtml } from '../../fixtures';

const NOTICE_PAGE = `<html lang="ru"><body><main><article><p>Текст.</p></article></main>
  <footer><p>При использовании материалов гиперссылка на example-news.az обязательна.</p></footer></body></html>`;

describe('builtInReuseRule', () => {
  it('states the Caliber.az rule in the rule model, quoting the notice in the page language', () => {
    expect(builtInReuseRule(caliberRule, 'ru')).toEqual({
      publisher: { name: 'Caliber.az', hosts: ['caliber.az', 'www.caliber.az'] },
      linkTo: 'site',
      placement: 'end',
      activeLink: true,
      label: 'Caliber.az',
      source: 'built-in',
      quote: caliberRule.notice.ru,
    });
  });

  it('falls back to the English notice for a language the publisher has none in', () => {
    expect(builtInReuseRule(caliberRule, 'fr').quote).toBe(caliberRule.notice.en);
  });
});

describe('findRuleInForce', () => {
  const userRule: ReuseRule = {
    publisher: { name: 'Mine', hosts: ['example-news.az'] },
    linkTo: 'article',
    placement: 'start',
    activeLink: true,
    label: 'Mine',
    source: 'user',
    quote: '',
  };

  it('prefers the user rule, then the built-in publisher, then the page', () => {
    const doc = parseHtml(NOTICE_PAGE);
    const url = 'https://example-news.az/a';
    expect(findRuleInForce(doc, url, { userRule, publisher: caliberRule })).toEqual({
      kind: 'rule',
      rule: userRule,
    });
    const builtIn = findRuleInForce(doc, url, { publisher: caliberRule });
    expect(builtIn?.kind === 'rule' && builtIn.rule.source).toBe('built-in');
    const detected = findRuleInForce(doc, url);
    expect(detected?.kind === 'rule' && detected.rule.source).toBe('notice');
  });

  it('finds nothing on a page without a notice', () => {
    expect(findRuleInForce(parseHtml('<p>Hi</p>'), 'https://plain.example/')).toBeNull();
  });
});

describe('summariseReuseRule', () => {
  it('prints the fields inspect and the popup show, with the first host', () => {
    expect(summariseReuseRule(builtInReuseRule(caliberRule))).toEqual({
      publisher: 'Caliber.az',
      host: 'caliber.az',
      linkTo: 'site',
      placement: 'end',
      source: 'built-in',
      quote: caliberRule.notice.en,
    });
  });
});
