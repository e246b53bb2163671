import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../../utils/core/metadata/extract';
import { indexMetaTags } from '../../../../utils/core/metadata/meta-tags';
import { parseHtml } from '../../fixtures';

const PAGE_URL = 'https://site.example/a/story';

function extractFromHead(head: string, body = '', htmlAttributes = '') {
  return extractMetadata(
    parseHtml(`<html ${htmlAttributes}><head>${head}</head><body>${body}</body></html>`),
    PAGE_URL,
  );
}

describe('indexMetaTags', () => {
  it('indexes by lower-cased name, property and http-equiv, keeping every value in order', () => {
    const index = indexMetaTags(
      parseHtml(
        '<meta name="DC.Title" content="T"><meta property="article:author" content="A">' +
          '<meta property="article:author" content="B"><meta http-equiv="Content-Language" content="de">' +
          '<meta name="twitter:title" property="og:title" content="Both">',
      ),
    );
    expect(index.get('dc.title')).toEqual(['T']);
    expect(index.get('article:author')).toEqual(['A', 'B']);
    expect(index.get('http-equiv:content-language')).toEqual(['de']);
    expect(index.get('og:title')).toEqual(['Both']);
    expect(index.get('twitter:title')).toEqual(['Both']);
  });
});

describe('OpenGraph and article:*', () => {
  it('reads every field', () => {
    const metadata = extractFromHead(`
      <meta property="og:title" content="OG Title">
      <meta property="og:site_name" content="OG Site">
      <meta property="og:image" content="/og.jpg">
      <meta property="og:description" content="OG description">
      <meta property="og:url" content="https://site.example/a/story?ref=og">
      <meta property="og:locale" content="az_AZ">
      <meta property="article:published_time" content="2025-01-02T03:04:05+04:00">
      <meta property="article:modified_time" content="2025-01-03T03:04:05+04:00">
      <meta property="article:author" content="First Writer">
      <meta property="article:author" content="Second Writer">
      <meta property="article:section" content="Politics">`);
    expect(metadata).toMatchObject({
      title: 'OG Title',
      siteName: 'OG Site',
      imageUrl: 'https://site.example/og.jpg',
      description: 'OG description',
      canonicalUrl: 'https://site.example/a/story?ref=og',
      language: 'az',
      publishedAt: '2025-01-02T03:04:05+04:00',
      modifiedAt: '2025-01-03T03:04:05+04:00',
      authors: ['First Writer', 'Second Writer'],
      category: 'Politics',
    });
    expect(new Set(Object.values(metadata.sources))).toEqual(new Set(['open-graph']));
  });

  it('prefers og:image:secure_url, and skips a bad og:image for the next', () => {
    expect(
      extractFromHead(
        '<meta property="og:image" content="http://site.example/plain.jpg"><meta property="og:image:secure_url" content="https://site.example/secure.jpg">',
      ).imageUrl,
    ).toBe('https://site.example/secure.jpg');
    expect(
      extractFromHead(
        '<meta property="og:image" content="javascript:x"><meta property="og:image" content="/second.jpg">',
      ).imageUrl,
    ).toBe('https://site.example/second.jpg');
  });
});

describe('plain meta names', () => {
  it('reads author, description, date, twitter:* and parsely-*', () => {
    const metadata = extractFromHead(`
      <meta name="author" content="By Meta Author">
      <meta name="description" content="Meta description">
      <meta name="date" content="2025-05-06">
      <meta name="twitter:title" content="Twitter Title">
      <meta name="twitter:image" content="https://cdn.example/tw.jpg">
      <meta name="parsely-section" content="Sport">`);
    expect(metadata).toMatchObject({
      authors: ['Meta Author'],
      description: 'Meta description',
      publishedAt: '2025-05-06',
      title: 'Twitter Title',
      imageUrl: 'https://cdn.example/tw.jpg',
      category: 'Sport',
    });
    expect(metadata.sources.title).toBe('meta');
  });

  it('prefers parsely-pub-date over pubdate over date', () => {
    expect(
      extractFromHead(
        '<meta name="date" content="2025-01-01"><meta name="pubdate" content="2025-01-02"><meta name="parsely-pub-date" content="2025-01-03T00:00:00Z">',
      ).publishedAt,
    ).toBe('2025-01-03T00:00:00+00:00');
  });

  it('reads the language from http-equiv content-language', () => {
    expect(extractFromHead('<meta http-equiv="content-language" content="ru-RU">').language).toBe(
      'ru',
    );
  });
});

describe('Dublin Core', () => {
  it('matches names case-insensitively, DC.* and dcterms.*', () => {
    const metadata = extractFromHead(`
      <meta name="dc.TITLE" content="DC Title">
      <meta name="DCTERMS.creator" content="Dc Creator">
      <meta name="DCTERMS.issued" content="2024-10-11T12:00:00+02:00">
      <meta name="dcterms.modified" content="2024-10-12">
      <meta name="DC.language" content="de">
      <meta name="dc.publisher" content="DC Publisher">
      <meta name="dcterms.description" content="DC description">`);
    expect(metadata).toMatchObject({
      title: 'DC Title',
      authors: ['Dc Creator'],
      publishedAt: '2024-10-11T12:00:00+02:00',
      modifiedAt: '2024-10-12',
      language: 'de',
      siteName: 'DC Publisher',
      description: 'DC description',
    });
    expect(new Set(Object.values(metadata.sources))).toEqual(new Set(['dublin-core', 'url']));
  });
});
