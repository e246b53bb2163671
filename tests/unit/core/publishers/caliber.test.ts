import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../../utils/core/metadata/extract';
import type { ArticleMetadata } from '../../../../utils/core/metadata/types';
import {
  adaptCaliberMetadata,
  caliberLanguageFromPath,
  caliberRule,
  parseCaliberByline,
  parseCaliberViews,
} from '../../../../utils/core/publishers/caliber';
import { FIXTURE_URLS, loadFixture, parseHtml } from '../../fixtures';

const EN_SLUG = 'cnn-trump-sends-unconventional-negotiating-team-to-moscow-for-peace-talks';

function emptyFound(url: string): ArticleMetadata {
  return extractMetadata(parseHtml(''), url);
}

function adapt(html: string, url = `https://caliber.az/en/post/${EN_SLUG}`) {
  return adaptCaliberMetadata(parseHtml(html), new URL(url), emptyFound(url));
}

describe('caliberRule', () => {
  it('describes the publisher', () => {
    expect(caliberRule).toMatchObject({
      id: 'caliber',
      name: 'Caliber.az',
      hosts: ['caliber.az', 'www.caliber.az'],
      homeUrl: 'https://caliber.az/',
      placement: 'end',
    });
    expect(caliberRule.notice.en).toBe(
      'Any use of materials is allowed only if there is a hyperlink to Caliber.az',
    );
    expect(caliberRule.notice.ru).toMatch(/гиперссылк.*Caliber\.az/);
    expect(caliberRule.notice.az).toMatch(/hiperlink.*Caliber\.az|Caliber\.az.*hiperlink/);
  });

  it('has the notice the English fixture shows in its footer', () => {
    const footer = loadFixture('caliber-en.html').querySelector('footer')?.textContent ?? '';
    expect(footer).toContain(caliberRule.notice.en);
  });
});

describe('caliberRule.isArticleUrl', () => {
  it.each([
    [`https://caliber.az/en/post/${EN_SLUG}`],
    [`https://caliber.az/en/post/${EN_SLUG}/`],
    [`https://www.caliber.az/en/post/${EN_SLUG}?utm_source=telegram#comments`],
    [`http://caliber.az/en/post/${EN_SLUG}`],
    ['https://caliber.az/post/cnn-tramp-otpravlyaet-komandu'],
    ['https://caliber.az/post/123456'],
    ['https://caliber.az/post/some_slug-2'],
    ['https://caliber.az/az/post/tramp-sulh-danisiqlari'],
    ['https://caliber.az/post/трамп-в-москве'],
    ['https://caliber.az/post/%D1%82%D1%80%D0%B0%D0%BC%D0%BF'],
    ['https://CALIBER.AZ/en/post/abc'],
  ])('%s is an article', (url) => {
    expect(caliberRule.isArticleUrl(new URL(url))).toBe(true);
  });

  it.each([
    ['https://caliber.az/'],
    ['https://caliber.az/en'],
    ['https://caliber.az/en/'],
    ['https://caliber.az/az/'],
    ['https://caliber.az/category/world'],
    ['https://caliber.az/en/category/world'],
    ['https://caliber.az/search?query=trump'],
    ['https://caliber.az/en/search?query=post'],
    ['https://caliber.az/post/'],
    ['https://caliber.az/en/post/'],
    ['https://caliber.az/post'],
    ['https://caliber.az/post//'],
    ['https://caliber.az/post/a/b'],
    ['https://caliber.az/ru/post/abc'],
    ['https://caliber.az/en/posts/abc'],
    ['https://caliber.az/media/photos/normal/abc.webp'],
    ['https://caliber.az/post/a.html'],
    [`https://evil.example/en/post/${EN_SLUG}`],
    [`https://caliber.az.evil.example/en/post/${EN_SLUG}`],
    [`https://m.caliber.az/en/post/${EN_SLUG}`],
    [`ftp://caliber.az/en/post/${EN_SLUG}`],
  ])('%s is not an article', (url) => {
    expect(caliberRule.isArticleUrl(new URL(url))).toBe(false);
  });
});

describe('caliberLanguageFromPath', () => {
  it.each([
    ['https://caliber.az/en/post/x', 'en'],
    ['https://caliber.az/en', 'en'],
    ['https://caliber.az/az/post/x', 'az'],
    ['https://caliber.az/post/x', 'ru'],
    ['https://caliber.az/', 'ru'],
    ['https://caliber.az/english-news', 'ru'],
  ])('%s → %s', (url, language) => {
    expect(caliberLanguageFromPath(new URL(url))).toBe(language);
  });
});

describe('parseCaliberByline', () => {
  it.each([
    ['By Sabina Mammadli', ['Sabina Mammadli']],
    ['by Sabina Mammadli', ['Sabina Mammadli']],
    ['By Sabina Mammadli and Vugar Khalilov', ['Sabina Mammadli', 'Vugar Khalilov']],
    ['By Sabina Mammadli, Vugar Khalilov', ['Sabina Mammadli', 'Vugar Khalilov']],
    ['Автор: Сабина Маммадли', ['Сабина Маммадли']],
    ['Автор: Сабина Маммадли и Вугар Халилов', ['Сабина Маммадли', 'Вугар Халилов']],
    ['Müəllif: Sabina Məmmədli', ['Sabina Məmmədli']],
    ['Müəllif: Sabina Məmmədli və Vüqar Xəlilov', ['Sabina Məmmədli', 'Vüqar Xəlilov']],
  ])('%s → %j', (line, names) => {
    expect(parseCaliberByline(line)).toEqual(names);
  });

  it.each([
    ['By December, the talks had stalled.'],
    ['By the end of the year, more than 100 people were involved'],
    ['Caliber.Az'],
    ['By Caliber.Az'],
    ['Sabina Mammadli'],
    [`By ${'Name '.repeat(60)}`],
  ])('%s is not a byline', (line) => {
    expect(parseCaliberByline(line)).toBeNull();
  });
});

describe('parseCaliberViews', () => {
  it.each([
    ['Views: 35', 35],
    ['Просмотров: 179', 179],
    ['Baxış: 12', 12],
    ['Baxış: 1 204', 1204],
    ['Views: 12,345', 12345],
    ['Views: 0', 0],
  ])('%s → %d', (text, views) => {
    expect(parseCaliberViews(text)).toBe(views);
  });

  it.each([['Views:'], ['Views: -'], ['Views: many']])('%s → null', (text) => {
    expect(parseCaliberViews(text)).toBeNull();
  });
});

describe('adaptCaliberMetadata', () => {
  it('reads every Caliber field from the English fixture', () => {
    const url = FIXTURE_URLS['caliber-en.html'];
    const adapted = adaptCaliberMetadata(
      loadFixture('caliber-en.html'),
      new URL(url),
      emptyFound(url),
    );
    expect(adapted).toEqual({
      siteName: 'Caliber.az',
      language: 'en',
      sources: { language: 'url' },
      title: 'CNN: Trump sends “unconventional negotiating team” to Moscow for peace talks',
      category: 'WORLD',
      publishedAt: '2025-12-02T09:19:00+04:00',
      publishedText: '02 December 2025 09:19',
      authors: ['Sabina Mammadli'],
      views: 35,
      imageUrl: 'https://caliber.az/media/photos/original/5f7412b0fdd994d0c3a1e7.webp',
      description: expect.stringMatching(/^As the Trump administration accelerates/),
    });
  });

  it('returns only the site name and language on a page without .post', () => {
    const url = FIXTURE_URLS['caliber-home.html'];
    expect(
      adaptCaliberMetadata(loadFixture('caliber-home.html'), new URL(url), emptyFound(url)),
    ).toEqual({ siteName: 'Caliber.az', language: 'en', sources: { language: 'url' } });
  });

  it('never takes the signature "Caliber.Az" for an author', () => {
    const adapted = adapt(
      '<div class="post"><div class="post_body"><p>Text.</p><p>Caliber.Az</p></div><div class="post_signature">Caliber.Az</div></div>',
    );
    expect(adapted.authors).toBeUndefined();
  });

  it('finds a byline that is the last line of a paragraph, after a <br>', () => {
    const adapted = adapt(
      '<div class="post"><div class="post_body"><p>Last sentence of the story.<br><em>By Sabina Mammadli</em></p></div></div>',
    );
    expect(adapted.authors).toEqual(['Sabina Mammadli']);
  });

  it('prefers an explicit .post_author', () => {
    const adapted = adapt(
      '<div class="post"><span class="post_author">Vugar Khalilov</span><div class="post_body"><p>By Sabina Mammadli</p></div></div>',
    );
    expect(adapted.authors).toEqual(['Vugar Khalilov']);
  });

  it('accepts the corrected class name .post_category and the first h1 without .post_title', () => {
    const adapted = adapt(
      '<div class="post"><span class="post_category">POLITICS</span><h1>Plain heading</h1></div>',
    );
    expect(adapted).toMatchObject({ category: 'POLITICS', title: 'Plain heading' });
  });

  it.each([
    [
      `style="background-image: url('/media/photos/original/a.webp')"`,
      'https://caliber.az/media/photos/original/a.webp',
    ],
    ['style="background-image:url(/media/b.webp)"', 'https://caliber.az/media/b.webp'],
    [
      'style="background: #000 url(&quot;https://cdn.caliber.az/c.webp&quot;) center"',
      'https://cdn.caliber.az/c.webp',
    ],
    ['data-src="/media/lazy.webp"', 'https://caliber.az/media/lazy.webp'],
    ['style="background-image: url(javascript:alert(1))"', undefined],
  ])('reads the cover from %s', (attributes, expected) => {
    const adapted = adapt(`<div class="post"><div class="post_cover" ${attributes}></div></div>`);
    expect(adapted.imageUrl).toBe(expected);
  });

  it('reads the cover from an <img> inside .post_cover', () => {
    const adapted = adapt(
      '<div class="post"><div class="post_cover"><img src="/media/photos/normal/d.webp"></div></div>',
    );
    expect(adapted.imageUrl).toBe('https://caliber.az/media/photos/normal/d.webp');
  });

  it('leaves out a date it cannot parse', () => {
    const adapted = adapt('<div class="post"><span class="post_time">вчера, 17:24</span></div>');
    expect(adapted.publishedAt).toBeUndefined();
    expect(adapted.publishedText).toBeUndefined();
  });
});

describe('Caliber language precedence in extractMetadata', () => {
  it('prefers the URL path over a stale <html lang> (Nuxt keeps it across navigation)', () => {
    const doc = loadFixture('caliber-ru.html');
    doc.documentElement.setAttribute('lang', 'en');
    const url = FIXTURE_URLS['caliber-ru.html'];
    const metadata = extractMetadata(doc, url, caliberRule);
    expect(metadata.language).toBe('ru');
    expect(metadata.sources.language).toBe('url');
  });

  it('keeps a language declared by real metadata', () => {
    const doc = loadFixture('caliber-ru.html');
    doc.head.insertAdjacentHTML('beforeend', '<meta property="og:locale" content="az_AZ">');
    const metadata = extractMetadata(doc, FIXTURE_URLS['caliber-ru.html'], caliberRule);
    expect(metadata.language).toBe('az');
    expect(metadata.sources.language).toBe('open-graph');
  });
});

describe('Caliber fixtures meet what the e2e tests rely on', () => {
  it.each([['caliber-en.html' as const], ['caliber-ru.html' as const]])(
    '%s has ≥5 body paragraphs with bold text and a relative category link',
    (name) => {
      const doc = loadFixture(name);
      const paragraphs = doc.querySelectorAll('.post .post_body p');
      expect(paragraphs.length).toBeGreaterThanOrEqual(5);
      expect(doc.querySelector('.post_body p strong, .post_body p b')).not.toBeNull();
      const link = doc.querySelector('.post_body p a[href^="/"]');
      expect(link?.getAttribute('href')).toMatch(/^\/(en\/)?category\//);
    },
  );

  it('only the og-jsonld variant has a rel=canonical', () => {
    expect(loadFixture('caliber-en.html').querySelector('link[rel="canonical"]')).toBeNull();
    expect(loadFixture('caliber-ru.html').querySelector('link[rel="canonical"]')).toBeNull();
    expect(
      loadFixture('caliber-en-og-jsonld.html')
        .querySelector('link[rel="canonical"]')
        ?.getAttribute('href'),
    ).toBe(`https://caliber.az/en/post/${EN_SLUG}`);
  });
});
