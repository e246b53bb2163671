import { describe, expect, it } from 'vitest';
import { createArticlePageModel } from '../../../../utils/page/article/article-page';
import { MAX_READ_TEXT } from '../../../../utils/core/paste-index/build';
import { FIXTURE_URLS, loadFixture, parseHtml, readFixtureHtml } from '../../fixtures';

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
