import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../../utils/core/metadata/extract';
import {
  collectJsonLdNodes,
  parseJsonLdBlocks,
  readJsonLd,
} from '../../../../utils/core/metadata/json-ld';
import { parseHtml } from '../../fixtures';

const PAGE_URL = 'https://news.example/world/story';

function pageWithJsonLd(...blocks: string[]): Document {
  const scripts = blocks
    .map((block) => `<script type="application/ld+json">${block}</script>`)
    .join('');
  return parseHtml(`<html><head>${scripts}</head><body></body></html>`);
}

function extractFromJsonLd(...values: unknown[]) {
  return extractMetadata(pageWithJsonLd(...values.map((v) => JSON.stringify(v))), PAGE_URL);
}

describe('JSON-LD blocks', () => {
  it('skips a malformed block and keeps the others', () => {
    const doc = pageWithJsonLd('{"@type": "NewsArticle", "headline": ', '{"headline": "ok"}', '');
    expect(parseJsonLdBlocks(doc)).toEqual([{ headline: 'ok' }]);
  });

  it('unwraps HTML-comment and CDATA wrappers', () => {
    const doc = pageWithJsonLd('<!-- {"a": 1} -->', '//<![CDATA[\n{"b": 2}\n//]]>');
    expect(parseJsonLdBlocks(doc)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('skips oversized blocks', () => {
    const huge = JSON.stringify({ '@type': 'NewsArticle', headline: 'x'.repeat(300_000) });
    expect(parseJsonLdBlocks(pageWithJsonLd(huge))).toEqual([]);
  });

  it('collects nodes from top-level arrays, @graph and mainEntity, indexed by @id', () => {
    const { nodes, byId } = collectJsonLdNodes([
      [
        { '@id': 'a' },
        { '@graph': [{ '@id': 'b' }, { '@type': 'WebPage', mainEntity: { '@id': 'c', x: 1 } }] },
      ],
    ]);
    expect(nodes.map((node) => node['@id'])).toEqual(['a', undefined, 'b', undefined, 'c']);
    expect([...byId.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('returns nothing when there is no article node', () => {
    const doc = pageWithJsonLd(JSON.stringify({ '@type': 'BreadcrumbList', name: 'Home' }));
    expect(readJsonLd(doc)).toEqual({});
  });
});

describe('JSON-LD article fields', () => {
  it.each([
    ['NewsArticle'],
    ['Article'],
    ['ReportageNewsArticle'],
    ['BlogPosting'],
    ['https://schema.org/NewsArticle'],
    ['schema:OpinionNewsArticle'],
  ])('recognises @type %s', (type) => {
    expect(extractFromJsonLd({ '@type': type, headline: 'H' }).title).toBe('H');
  });

  it('recognises @type given as an array', () => {
    expect(extractFromJsonLd({ '@type': ['Thing', 'NewsArticle'], headline: 'H' }).title).toBe('H');
  });

  it('falls back from headline to name', () => {
    expect(extractFromJsonLd({ '@type': 'Article', headline: ' ', name: 'Named' }).title).toBe(
      'Named',
    );
  });

  it('reads authors as string, object, array and @id reference', () => {
    const metadata = extractFromJsonLd({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Person', '@id': '#p3', name: 'Third Person' },
        {
          '@type': 'NewsArticle',
          author: [
            'First Person',
            { '@type': 'Person', name: 'Second Person' },
            { '@id': '#p3' },
            { '@type': 'Person', givenName: 'Fourth', familyName: 'Person' },
            { '@id': '#missing' },
          ],
        },
      ],
    });
    expect(metadata.authors).toEqual([
      'First Person',
      'Second Person',
      'Third Person',
      'Fourth Person',
    ]);
  });

  it('reads a single author object', () => {
    const metadata = extractFromJsonLd({ '@type': 'NewsArticle', author: { name: 'Solo Writer' } });
    expect(metadata.authors).toEqual(['Solo Writer']);
  });

  it('reads publisher.name, resolving an @id reference in another block', () => {
    const metadata = extractFromJsonLd(
      { '@type': 'NewsArticle', publisher: { '@id': 'https://news.example/#org' } },
      { '@type': 'Organization', '@id': 'https://news.example/#org', name: 'News Example' },
    );
    expect(metadata.siteName).toBe('News Example');
  });

  it.each([
    ['a string', '/img/a.jpg', 'https://news.example/img/a.jpg'],
    [
      'an ImageObject',
      { '@type': 'ImageObject', url: 'https://cdn.example/b.jpg' },
      'https://cdn.example/b.jpg',
    ],
    ['contentUrl', { contentUrl: 'https://cdn.example/c.jpg' }, 'https://cdn.example/c.jpg'],
    [
      'an array, skipping bad entries',
      ['javascript:x', { url: 'https://cdn.example/d.jpg' }],
      'https://cdn.example/d.jpg',
    ],
  ])('reads image as %s', (_label, image, expected) => {
    expect(extractFromJsonLd({ '@type': 'NewsArticle', image }).imageUrl).toBe(expected);
  });

  it('reads mainEntityOfPage as a string or an object', () => {
    expect(
      extractFromJsonLd({ '@type': 'NewsArticle', mainEntityOfPage: 'https://news.example/c1' })
        .canonicalUrl,
    ).toBe('https://news.example/c1');
    expect(
      extractFromJsonLd({
        '@type': 'NewsArticle',
        mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example/c2#x' },
      }).canonicalUrl,
    ).toBe('https://news.example/c2');
  });

  it('reads section, language (string or Language object) and view count', () => {
    const metadata = extractFromJsonLd({
      '@type': 'NewsArticle',
      articleSection: ['World', 'Europe'],
      inLanguage: { '@type': 'Language', name: 'Russian', alternateName: 'ru' },
      interactionStatistic: {
        '@type': 'InteractionCounter',
        interactionType: { '@type': 'ReadAction' },
        userInteractionCount: 1200,
      },
    });
    expect(metadata.category).toBe('World');
    expect(metadata.language).toBe('ru');
    expect(metadata.views).toBe(1200);
  });

  it('ignores counts of other interactions and negative counts', () => {
    expect(
      extractFromJsonLd({
        '@type': 'NewsArticle',
        interactionStatistic: [
          { interactionType: 'https://schema.org/LikeAction', userInteractionCount: 5 },
          { interactionType: 'ViewAction', userInteractionCount: -1 },
        ],
      }).views,
    ).toBeNull();
  });

  it('decodes entities left in JSON-LD strings', () => {
    expect(
      extractFromJsonLd({ '@type': 'NewsArticle', headline: 'Rock &amp; Roll&#8217;s' }).title,
    ).toBe('Rock & Roll’s');
  });

  it('survives deeply nested JSON without finding articles buried in it', () => {
    let nested: unknown = { '@type': 'NewsArticle', headline: 'Buried' };
    for (let i = 0; i < 2000; i++) nested = { child: nested };
    const deepArray = `${'['.repeat(3000)}1${']'.repeat(3000)}`;
    const doc = pageWithJsonLd(JSON.stringify(nested), deepArray);
    expect(() => extractMetadata(doc, PAGE_URL)).not.toThrow();
    expect(extractMetadata(doc, PAGE_URL).title).toBeNull();
  });
});

describe('JSON-LD as publishers write it', () => {
  it.each([
    ['a string', 'https://schema.org'],
    ['an object with @vocab', { '@vocab': 'https://schema.org/' }],
    [
      'an object with @vocab and prefixes',
      { '@vocab': 'http://schema.org/', dc: 'http://purl.org/dc/elements/1.1/' },
    ],
    ['an array', ['https://schema.org', { '@language': 'ru' }]],
  ])('reads an article whatever its @context: %s', (_name, context) => {
    const metadata = extractFromJsonLd({
      '@context': context,
      '@type': 'NewsArticle',
      headline: 'Tram line opens',
      author: { '@type': 'Person', name: 'Ivan Petrov' },
      datePublished: '2025-04-15T12:05:00+03:00',
    });
    expect(metadata).toMatchObject({
      title: 'Tram line opens',
      authors: ['Ivan Petrov'],
      publishedAt: '2025-04-15T12:05:00+03:00',
    });
  });

  it('reads schema:-prefixed and full-IRI properties', () => {
    const metadata = extractFromJsonLd({
      '@context': { schema: 'http://schema.org/' },
      '@type': 'schema:NewsArticle',
      'schema:headline': 'Museum returns bronzes',
      'http://schema.org/datePublished': '2025-03-04T10:00:00',
      'schema:author': { '@type': 'schema:Person', 'schema:name': 'Abena Mensah' },
    });
    expect(metadata).toMatchObject({
      title: 'Museum returns bronzes',
      authors: ['Abena Mensah'],
      publishedAt: '2025-03-04T10:00:00',
    });
  });

  it('prefers a plain property to a prefixed one', () => {
    expect(
      extractFromJsonLd({
        '@type': 'NewsArticle',
        headline: 'Plain',
        'schema:headline': 'Prefixed',
      }).title,
    ).toBe('Plain');
  });

  it('resolves @graph author references, also ones that carry their @type', () => {
    const metadata = extractFromJsonLd({
      '@context': { '@vocab': 'http://schema.org/' },
      '@graph': [
        { '@type': 'Person', '@id': '#nigar', name: 'Nigar Quliyeva' },
        { '@type': 'Person', '@id': '#elvin', givenName: 'Elvin', familyName: 'Məmmədov' },
        {
          '@type': ['NewsArticle', 'BlogPosting'],
          headline: 'Oil prices rise',
          author: [{ '@id': '#nigar' }, { '@id': '#elvin', '@type': 'Person' }],
        },
      ],
    });
    expect(metadata.authors).toEqual(['Nigar Quliyeva', 'Elvin Məmmədov']);
  });

  it('resolves a single author @id to a Person defined after the article', () => {
    const metadata = extractFromJsonLd({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'NewsArticle', headline: 'Buses', author: { '@id': 'https://s.example/#a42' } },
        { '@type': 'Person', '@id': 'https://s.example/#a42', name: 'Daniyar Kasymov' },
      ],
    });
    expect(metadata.authors).toEqual(['Daniyar Kasymov']);
  });

  it('reads {"@value": …} strings and falls back to creator', () => {
    const metadata = extractFromJsonLd({
      '@type': 'NewsArticle',
      headline: { '@value': 'Valued headline', '@language': 'en' },
      creator: 'Jane Roe',
    });
    expect(metadata.title).toBe('Valued headline');
    expect(metadata.authors).toEqual(['Jane Roe']);
  });

  it('names the site by its WebSite node before the publisher’s legal name', () => {
    const metadata = extractFromJsonLd({
      '@graph': [
        { '@type': 'WebSite', name: 'Valley Post' },
        { '@type': 'Article', headline: 'H', publisher: { name: 'Valley Post Media LLC' } },
      ],
    });
    expect(metadata.siteName).toBe('Valley Post');
  });
});
