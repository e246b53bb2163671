import { describe, expect, it } from 'vitest';
import { createArticlePageModel } from '../../../../utils/page/article/article-page';
import { MAX_READ_TEXT } from '../../../../utils/core/paste-index/build';
import { FIXTURE_URLS, loadFixture, parseHtml, readFixtureHtml } from '../../fixtures';
import { readNoticeFixture } from '../../core/notices/notice-fixtures';
import type { SiteChoices } from '../../../../utils/core/rules/site-choice';

const URL_EN = FIXTURE_URLS['caliber-en.html'];

describe('the article read for the indexes', () => {
  it('is the text of the article body, paragraph by paragraph', () => {
    const doc = loadFixture('caliber-en.html');
    const read = createArticlePageModel(doc, () => URL_EN).readArticle();
    const body = doc.querySelector('.post_body')!;
    expect(read?.bodyText).toBe(body.textContent);
    expect(read?.article.url).toBe(URL_EN);
  });

  it('stops at what the indexes keep: a 10 MB body is read only to its first 200,000 characters', () => {
    const html = readFixtureHtml('caliber-en.html');
    const paragraph = `<p>${'A long paragraph of a very long article. '.repeat(50)}</p>`;
    const huge = html.replace(
      '<div class="post_body">',
      `<div class="post_body">${paragraph.repeat(5_000)}`,
    );
    const doc = parseHtml(huge);
    const read = createArticlePageModel(doc, () => URL_EN).readArticle();
    expect(read?.bodyText.length).toBe(MAX_READ_TEXT);
    expect(read?.bodyText.startsWith('A long paragraph of a very long article.')).toBe(true);
  });

  it('is nothing off an article', () => {
    const doc = loadFixture('caliber-home.html');
    expect(
      createArticlePageModel(doc, () => FIXTURE_URLS['caliber-home.html']).readArticle(),
    ).toBeNull();
  });
});

describe('any site that states a reuse rule', () => {
  const RU_URL = 'https://vestnik-kaspiy.example/news/terminal';
  const ruPage = () => parseHtml(readNoticeFixture('ru-footer-classic.html'));

  it('attributes copies as its notice asks, labelled in the article’s language', () => {
    const model = createArticlePageModel(ruPage(), () => RU_URL);
    const state = model.state();
    expect(state.isArticle).toBe(true);
    expect(state.rule?.inForce).toMatchObject({ source: 'notice', linkTo: 'site' });
    expect(state.publisher?.notice).toContain('гиперссылка на vestnik-kaspiy.example обязательна');
    const context = model.copyContext();
    // "A hyperlink to the site": the article's link is one, and takes the reader to the text.
    expect(context?.source.url).toBe(RU_URL);
    expect(context?.articleUrl).toBe(RU_URL);
    expect(context?.source.language).toBe('ru');
    // The notice lets the link go anywhere: the copy handler puts it where the settings say.
    expect(context?.placement).toBe('any');
    expect(model.readArticle()?.article).toMatchObject({
      url: RU_URL,
      hosts: ['vestnik-kaspiy.example'],
      requiredLink: 'site',
    });
  });

  it('puts the link first where the notice says “in the first paragraph”', () => {
    const url = 'https://gence-press.example/medeniyyet/festival';
    const model = createArticlePageModel(
      parseHtml(readNoticeFixture('az-birinci-abzas.html')),
      () => url,
    );
    expect(model.copyContext()).toMatchObject({ placement: 'start', source: { url } });
  });

  it('credits a CC BY page with its licence (TASL)', () => {
    const url = 'https://openharbour.example/cranes';
    const context = createArticlePageModel(
      parseHtml(readNoticeFixture('lic-en-cc-by-rel.html')),
      () => url,
    ).copyContext();
    expect(context?.source.licence).toMatchObject({
      name: 'CC BY 4.0',
      url: 'https://creativecommons.org/licenses/by/4.0/',
    });
  });

  it('does nothing on a site without a rule, or where the user turned it off', () => {
    const plain = parseHtml(readNoticeFixture('neg-en-all-rights-reserved.html'));
    expect(createArticlePageModel(plain, () => 'https://plain.example/a').copyContext()).toBeNull();
    let choices: SiteChoices = {};
    const model = createArticlePageModel(ruPage(), () => RU_URL, { siteChoices: () => choices });
    expect(model.copyContext()).not.toBeNull();
    choices = { 'vestnik-kaspiy.example': { kind: 'off' } };
    // No reload: the next copy reads the choice as it is now.
    expect(model.copyContext()).toBeNull();
    expect(model.readArticle()).toBeNull();
    choices = {
      'vestnik-kaspiy.example': {
        kind: 'rule',
        linkTo: 'site',
        placement: 'start',
        label: 'Via',
      },
    };
    // The user chose the site: its home page is linked, the record keeps the article.
    expect(model.copyContext()).toMatchObject({
      placement: 'start',
      source: { url: 'https://vestnik-kaspiy.example/', label: 'Via' },
      articleUrl: RU_URL,
    });
  });

  it('gives any web page an attribution when the user asks for one, the rule first', () => {
    const plain = parseHtml(readNoticeFixture('neg-en-all-rights-reserved.html'));
    const asked = createArticlePageModel(plain, () => 'https://plain.example/a').copyContext(true);
    expect(asked).toMatchObject({ placement: 'any', publisherId: 'plain.example' });
    expect(asked?.source.url).toMatch(/^https:\/\/plain\.example\//);
    // A site turned off still gets the link the user asked for.
    const off = createArticlePageModel(ruPage(), () => RU_URL, {
      siteChoices: () => ({ 'vestnik-kaspiy.example': { kind: 'off' } }),
    });
    expect(off.copyContext()).toBeNull();
    expect(off.copyContext(true)?.articleUrl).toBe(RU_URL);
    // Where a rule is in force, asking changes nothing about it.
    const ruled = createArticlePageModel(ruPage(), () => RU_URL);
    expect(ruled.copyContext(true)).toEqual(ruled.copyContext());
    expect(createArticlePageModel(plain, () => 'file:///tmp/a.html').copyContext(true)).toBeNull();
  });

  it('lets the user add a rule where the site states none, and turn off a built-in one', () => {
    const url = 'https://fenwickcourier.example/port';
    const plain = parseHtml(readNoticeFixture('neg-en-all-rights-reserved.html'));
    const choices: SiteChoices = {
      'fenwickcourier.example': { kind: 'rule', linkTo: 'article', placement: 'end', label: null },
    };
    const context = createArticlePageModel(plain, () => url, {
      siteChoices: () => choices,
    }).copyContext();
    expect(context?.source.url).toBe(url);
    const caliber = createArticlePageModel(loadFixture('caliber-en.html'), () => URL_EN, {
      siteChoices: () => ({ 'caliber.az': { kind: 'off' } }),
    });
    expect(caliber.copyContext()).toBeNull();
    expect(caliber.state().rule?.found).toMatchObject({
      kind: 'rule',
      rule: { source: 'built-in' },
    });
  });
});

describe('which pages are articles, on a site with no site knowledge', () => {
  const page = (head: string, body: string) =>
    parseHtml(`<!doctype html><html lang="en"><head><title>T</title>${head}</head><body>${body}
      <footer><p>Any use of materials is allowed only with a hyperlink to example.test.</p></footer></body></html>`);
  const isArticle = (doc: Document) =>
    createArticlePageModel(doc, () => 'https://example.test/a').state().isArticle;

  it('takes the page’s word (og:type) first, then headline and date, or a headline in <article>', () => {
    expect(isArticle(page('<meta property="og:type" content="article">', '<p>x</p>'))).toBe(true);
    expect(
      isArticle(
        page(
          '<meta property="og:type" content="website">',
          '<article><h1>A headline</h1></article>',
        ),
      ),
    ).toBe(false);
    expect(isArticle(page('', '<article><h1>A headline</h1><p>Body</p></article>'))).toBe(true);
    expect(isArticle(page('', '<h1>Section</h1><ul><li>One</li></ul>'))).toBe(false);
  });

  it('attributes no copy on a page of the site that is not an article', () => {
    const doc = page('<meta property="og:type" content="website">', '<h1>Latest news</h1>');
    const model = createArticlePageModel(doc, () => 'https://example.test/');
    expect(model.state().rule?.inForce).not.toBeNull();
    expect(model.copyContext()).toBeNull();
  });
});
