import { describe, expect, it } from 'vitest';
import { parseBylineText, readBylines } from '../../../../utils/core/metadata/byline';
import { extractMetadata } from '../../../../utils/core/metadata/extract';
import { parseHtml } from '../../fixtures';

const PAGE_URL = 'https://gazette.example/news/story';

function bylinesOf(body: string, head = ''): unknown[] {
  return (
    readBylines(parseHtml(`<html><head>${head}</head><body>${body}</body></html>`)).authors ?? []
  );
}

function authorsOf(body: string, head = ''): string[] {
  return extractMetadata(
    parseHtml(`<html><head>${head}</head><body>${body}</body></html>`),
    PAGE_URL,
  ).authors;
}

const STORY = '<p>The council met on Monday night and voted for the plan.</p>';

describe('parseBylineText', () => {
  it.each([
    ['By Jane Doe', ['Jane Doe']],
    ['By Maria Lopez and David Chen, Staff Writers', ['Maria Lopez', 'David Chen']],
    ['Автор: Иван Петров', ['Иван Петров']],
    ['Müəllif: Leyla Əliyeva', ['Leyla Əliyeva']],
    ['Андрій Шевчук, 6 червня 2025, 18:30', ['Андрій Шевчук']],
    ['By the end of the year, quotas will fall', null],
    ['By popular demand, the library opens on Sundays', null],
    ['Posted by Maya', null],
    ['', null],
    [`By ${'Name '.repeat(80)}`, null],
  ])('%s → %j', (text, expected) => {
    expect(parseBylineText(text)).toEqual(expected);
  });
});

describe('readBylines: where a byline is found', () => {
  it('itemprop=author with a nested itemprop=name, or as text', () => {
    expect(
      bylinesOf(
        `<article><h1>T</h1><span itemprop="author" itemscope><a href="/p"><span itemprop="name">Robert Kim</span></a></span>${STORY}</article>`,
      ),
    ).toEqual([['Robert Kim']]);
    expect(
      bylinesOf(
        `<article><h1>T</h1><span itemprop="author">Дмитрий Волков</span>${STORY}</article>`,
      ),
    ).toContainEqual(['Дмитрий Волков']);
  });

  it('rel=author links side by side are co-authors; one in a related list is not', () => {
    const body = `<article><h1>T</h1><div><a rel="author" href="/a">Ann Lee</a>, <a rel="author" href="/b">Ben Ortiz</a></div>${STORY}
      <div class="related"><a rel="author" href="/c">Cara Singh</a></div></article>`;
    expect(bylinesOf(body)[0]).toEqual(['Ann Lee', 'Ben Ortiz']);
  });

  it('byline classes, but not an author bio, a comment author or an avatar', () => {
    const body = `<article><h1>T</h1>
      <div class="author-avatar"><img alt=""></div>
      <div class="comment-author">Greg Hall</div>
      <div class="author-bio">Emily Carter covers farming for the paper and grew up on a farm.</div>
      <div class="article__author">Written by Emily Carter | August 21, 2025</div>${STORY}</article>`;
    // The class and the "Written by" line both find her; nobody else is offered.
    expect(bylinesOf(body)).toEqual([['Emily Carter'], ['Emily Carter']]);
  });

  it('links to author pages (/author/, /authors/, /avtor/)', () => {
    expect(
      bylinesOf(
        `<main><h1>T</h1><p><a href="/avtor/anna">Анна Смирнова</a> и <a href="/avtor/oleg">Олег Козлов</a></p>${STORY}</main>`,
      ),
    ).toContainEqual(['Анна Смирнова', 'Олег Козлов']);
    expect(
      bylinesOf(`<main><h1>T</h1><p><a href="/authors">Our authors</a></p>${STORY}</main>`),
    ).toEqual([]);
  });

  it('"By …" under the headline and "Автор: …" at the end of the body', () => {
    expect(
      bylinesOf(`<div class="story"><h1>T</h1><p><b>By Sarah O'Connor</b></p>${STORY}</div>`),
    ).toEqual([["Sarah O'Connor"]]);
    expect(
      bylinesOf(
        `<div class="news"><h1>T</h1>${STORY}<p>Автор: <a href="/team/o">Олена Коваленко</a></p></div>`,
      ),
    ).toEqual([['Олена Коваленко']]);
  });

  it('not a "By" line in the middle of a long story', () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i} of the story.</p>`);
    paragraphs[30] = '<p>By Jane Doe</p>';
    expect(bylinesOf(`<article><h1>T</h1>${paragraphs.join('')}</article>`)).toEqual([]);
  });

  it('only in the headline’s container: the sidebar and other teasers do not count', () => {
    const body = `<div class="story"><h1>T</h1>${STORY}</div>
      <div class="sidebar"><p class="byline">By Carla Mendes</p></div>
      <div><p>By Owen Jenkins</p></div>`;
    expect(bylinesOf(body)).toEqual([]);
  });
});

describe('authors and the site name', () => {
  it('drops a JSON-LD Organization author that is the site, for the byline', () => {
    const head =
      '<meta property="og:site_name" content="Metro Ledger"><script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Metro Ledger"}}</script>';
    expect(
      authorsOf(`<article><h1>T</h1><p class="byline">By Maria Lopez</p>${STORY}</article>`, head),
    ).toEqual(['Maria Lopez']);
  });

  it('keeps an agency that is not the site', () => {
    const head =
      '<meta property="og:site_name" content="Metro Ledger"><meta name="author" content="Reuters">';
    expect(authorsOf(`<article><h1>T</h1>${STORY}</article>`, head)).toEqual(['Reuters']);
  });

  it('drops the host written as a name ("Gazette.example")', () => {
    expect(authorsOf('', '<meta name="author" content="Gazette.example">')).toEqual([]);
  });
});
