import { describe, expect, it } from 'vitest';
import { detectReuseNotice } from '../../../../utils/core/notices/detect';
import { ccLicenceName } from '../../../../utils/core/notices/licence';
import { readNoticeSentence } from '../../../../utils/core/notices/read-notice';
import { caliberRule } from '../../../../utils/core/publishers/caliber';
import { FIXTURE_URLS, loadFixture, parseHtml } from '../../fixtures';

const NOTICE = 'Any use of materials is allowed only with a hyperlink to site-one.example.';

function page(footer: string, article = '<p>Story text.</p>'): Document {
  return parseHtml(
    `<html><body><header>Site</header><main><article>${article}</article></main><footer>${footer}</footer></body></html>`,
  );
}

describe('visibility', () => {
  it.each([
    ['inline display:none', `<p style="display:none">${NOTICE}</p>`],
    ['inline visibility:hidden', `<p style="visibility: hidden">${NOTICE}</p>`],
    ['the hidden attribute', `<p hidden>${NOTICE}</p>`],
    ['aria-hidden', `<div aria-hidden="true"><p>${NOTICE}</p></div>`],
    ['noscript', `<noscript><p>${NOTICE}</p></noscript>`],
    ['template', `<template><p>${NOTICE}</p></template>`],
  ])('ignores a notice hidden by %s', (_how, footer) => {
    expect(detectReuseNotice(page(footer))).toBeNull();
  });

  it('finds the same notice when it is visible (the control for the cases above)', () => {
    expect(detectReuseNotice(page(`<p>${NOTICE}</p>`))?.kind).toBe('rule');
  });

  it('asks the page runtime’s isVisible, when given, about each element it reads', () => {
    const doc = page(`<p class="faded">${NOTICE}</p>`);
    const isVisible = (element: Element) => !element.classList.contains('faded');
    expect(detectReuseNotice(doc, { isVisible })).toBeNull();
    expect(detectReuseNotice(doc, { isVisible: () => true })?.kind).toBe('rule');
  });
});

describe('where notices are read', () => {
  it('does not read the article body, where a story may discuss such notices', () => {
    expect(detectReuseNotice(page('<p>© Site</p>', `<p>${NOTICE}</p>`))).toBeNull();
  });

  it('reads a copyright note at the end of the article', () => {
    const doc = page('<p>© Site</p>', `<p>Story.</p><div class="copyright">${NOTICE}</div>`);
    expect(detectReuseNotice(doc)?.kind).toBe('rule');
  });

  it('skips comments and cookie banners in the footer', () => {
    expect(detectReuseNotice(page(`<div class="comment">${NOTICE}</div>`))).toBeNull();
    expect(detectReuseNotice(page(`<div id="cookie-bar">${NOTICE}</div>`))).toBeNull();
  });

  it('uses the page host when the notice names no site', () => {
    const doc = page('<p>При использовании материалов гиперссылка обязательна.</p>');
    const found = detectReuseNotice(doc, { url: 'https://www.Plain-News.example/a/1' });
    expect(found?.kind === 'rule' && found.rule.publisher).toEqual({
      name: null,
      hosts: ['plain-news.example'],
    });
  });
});

describe('readNoticeSentence', () => {
  const rule = (sentence: string) => {
    const reading = readNoticeSentence(sentence, 'page.example');
    return reading?.kind === 'rule' ? reading.rule : null;
  };

  it.each([
    ['Использование материалов допускается только с гиперссылкой в первом абзаце.', 'start'],
    ['Передрук можливий лише з гіперпосиланням не нижче другого абзацу.', 'start'],
    ['Materiallardan istifadə zamanı birinci abzasda hiperlink mütləqdir.', 'start'],
    ['Reproduction of content requires a link in the first paragraph.', 'start'],
    ['Reproduction of content requires a link at the end of the text.', 'end'],
    ['Reproduction of content requires a link.', 'any'],
  ])('%s → placement %s', (sentence, placement) => {
    expect(rule(sentence)?.placement).toBe(placement);
  });

  it.each([
    ['Any use of materials is allowed only with a hyperlink to News.example.', 'site'],
    ['При перепечатке ссылка на первоисточник обязательна.', 'article'],
    ['При перепечатке ссылка на сайт обязательна.', 'site'],
    ['При перепечатке ссылка обязательна.', 'article'],
  ])('%s → link to the %s', (sentence, linkTo) => {
    expect(rule(sentence)?.linkTo).toBe(linkTo);
  });

  it('reads an active-link requirement in each language', () => {
    expect(rule('Reuse needs an active hyperlink, which is mandatory.')?.activeLink).toBe(true);
    expect(rule('При цитировании активная гиперссылка обязательна.')?.activeLink).toBe(true);
    expect(rule('Materiallardan istifadə zamanı aktiv hiperlink mütləqdir.')?.activeLink).toBe(
      true,
    );
    expect(rule('При цитировании гиперссылка обязательна.')?.activeLink).toBe(false);
  });

  it('tells a reprint ban from a rule that bans reprinting without a link', () => {
    expect(readNoticeSentence('Перепечатка материалов запрещена.', null)).toEqual({
      kind: 'reprint-forbidden',
    });
    expect(
      readNoticeSentence('Перепечатка без ссылки на site.example запрещена.', null)?.kind,
    ).toBe('rule');
  });

  it('rejects long passages, which discuss notices rather than state one', () => {
    const passage = `${'Publishers write many things. '.repeat(12)}Use of materials requires a hyperlink.`;
    expect(readNoticeSentence(passage, null)).toBeNull();
  });
});

describe('ccLicenceName', () => {
  it('names Creative Commons licences and nothing else', () => {
    expect(ccLicenceName('https://creativecommons.org/licenses/by-nc-sa/4.0/deed.ru')).toBe(
      'CC BY-NC-SA 4.0',
    );
    expect(ccLicenceName('http://creativecommons.org/licenses/by/2.5')).toBe('CC BY 2.5');
    expect(ccLicenceName('https://creativecommons.org/publicdomain/zero/1.0/')).toBeNull();
    expect(ccLicenceName('https://example.org/licenses/by/4.0/')).toBeNull();
  });
});

describe('a footer followed by widgets', () => {
  it('is still found when more than a few blocks follow it', () => {
    const widgets = Array.from(
      { length: 30 },
      (_, i) => `<div class="widget-${i}"><span>Ad ${i}</span></div>`,
    );
    const doc = parseHtml(
      `<html><body><main><article><p>Story.</p></article></main><footer><p>${NOTICE}</p></footer>${widgets.join('')}</body></html>`,
    );
    expect(detectReuseNotice(doc)?.kind).toBe('rule');
  });

  it('skips hidden modals at the end of the page when looking for the footer', () => {
    const modals = Array.from(
      { length: 8 },
      (_, i) => `<div class="modal" hidden>Modal ${i}</div>`,
    );
    const doc = parseHtml(
      `<html><body><main><article><p>Story.</p></article></main><div class="bottom"><p>${NOTICE}</p></div>${modals.join('')}</body></html>`,
    );
    expect(detectReuseNotice(doc)?.kind).toBe('rule');
  });
});

describe('what the link points to', () => {
  it('does not take "use of material" for a link to the material', () => {
    const reading = readNoticeSentence(
      'Any use of material is allowed only with a hyperlink to News.example.',
      null,
    );
    expect(reading?.kind === 'rule' && reading.rule.linkTo).toBe('site');
  });
});

describe('on the saved Caliber.az pages', () => {
  it.each(['caliber-en.html', 'caliber-ru.html', 'caliber-az.html'] as const)(
    '%s: the footer notice, read as if the site were unknown, agrees with the built-in rule',
    (name) => {
      const found = detectReuseNotice(loadFixture(name), { url: FIXTURE_URLS[name] });
      expect(found?.kind === 'rule' && found.rule).toMatchObject({
        publisher: { name: caliberRule.name, hosts: ['caliber.az'] },
        linkTo: caliberRule.requiredLink,
        source: 'notice',
      });
    },
  );
});
