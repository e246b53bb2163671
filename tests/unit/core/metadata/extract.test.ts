import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../../utils/core/metadata/extract';
import { siteNameKeys } from '../../../../utils/core/metadata/site-name';
import { stripSiteAffixes } from '../../../../utils/core/metadata/title';
import type { ArticleMetadata } from '../../../../utils/core/metadata/types';
import type { PublisherRule } from '../../../../utils/core/publishers/types';
import { parseHtml } from '../../fixtures';

const PAGE_URL = 'https://site.example/news/story#section-2';

function page(head: string, body = '', htmlAttributes = ''): Document {
  return parseHtml(`<html ${htmlAttributes}><head>${head}</head><body>${body}</body></html>`);
}

const ALL_TITLE_LAYERS = {
  jsonLd:
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"JSON-LD title"}</script>',
  openGraph: '<meta property="og:title" content="OG title">',
  meta: '<meta name="twitter:title" content="Twitter title">',
  dublinCore: '<meta name="DC.title" content="DC title">',
  title: '<title>Document title</title>',
};
const HEADLINE_BODY = '<article><h1>H1 title</h1></article>';

function fakeRule(adapted: Partial<ArticleMetadata> | (() => never)): PublisherRule {
  return {
    id: 'fake',
    name: 'Fake',
    hosts: ['site.example'],
    homeUrl: 'https://site.example/',
    notice: { en: 'Link back.' },
    placement: 'end',
    requiredLink: 'site',
    isArticleUrl: () => true,
    adaptMetadata: typeof adapted === 'function' ? adapted : () => adapted,
  };
}

describe('layer precedence', () => {
  const { jsonLd, openGraph, meta, dublinCore, title } = ALL_TITLE_LAYERS;
  it.each([
    ['json-ld', 'JSON-LD title', [jsonLd, openGraph, meta, dublinCore, title], HEADLINE_BODY],
    ['open-graph', 'OG title', [openGraph, meta, dublinCore, title], HEADLINE_BODY],
    ['meta', 'Twitter title', [meta, dublinCore, title], HEADLINE_BODY],
    ['dublin-core', 'DC title', [dublinCore, title], HEADLINE_BODY],
    ['dom', 'H1 title', [title], HEADLINE_BODY],
    ['html', 'Document title', [title], ''],
  ])('title from %s when the layers above are absent', (source, expected, head, body) => {
    const metadata = extractMetadata(page(head.join(''), body), PAGE_URL);
    expect(metadata.title).toBe(expected);
    expect(metadata.sources.title).toBe(source);
  });

  it('a garbage value in a higher layer falls through to the next layer', () => {
    const metadata = extractMetadata(
      page(
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"null","author":"undefined"}</script>' +
          '<meta property="og:title" content="  —  "><meta name="twitter:title" content="Real title">' +
          '<meta name="author" content="Real Author">',
      ),
      PAGE_URL,
    );
    expect(metadata.title).toBe('Real title');
    expect(metadata.authors).toEqual(['Real Author']);
    expect(metadata.sources).toMatchObject({ title: 'meta', authors: 'meta' });
  });

  it('canonical: rel=canonical beats og:url beats JSON-LD, each only if same-site http(s)', () => {
    const jsonLd =
      '<script type="application/ld+json">{"@type":"NewsArticle","mainEntityOfPage":"https://site.example/from-jsonld"}</script>';
    const og = '<meta property="og:url" content="https://www.site.example/from-og">';
    const link = '<link rel="canonical" href="/from-link#frag">';
    expect(extractMetadata(page(jsonLd + og + link), PAGE_URL).canonicalUrl).toBe(
      'https://site.example/from-link',
    );
    expect(extractMetadata(page(jsonLd + og), PAGE_URL).canonicalUrl).toBe(
      'https://www.site.example/from-og',
    );
    const crossSiteLink = '<link rel="canonical" href="https://elsewhere.example/x">';
    const metadata = extractMetadata(page(jsonLd + crossSiteLink), PAGE_URL);
    expect(metadata.canonicalUrl).toBe('https://site.example/from-jsonld');
    expect(metadata.sources.canonicalUrl).toBe('json-ld');
  });

  it('canonical falls back to the page URL without its fragment', () => {
    const metadata = extractMetadata(page(''), PAGE_URL);
    expect(metadata.url).toBe(PAGE_URL);
    expect(metadata.canonicalUrl).toBe('https://site.example/news/story');
    expect(metadata.sources.canonicalUrl).toBe('url');
  });

  it('reads rel=canonical case-insensitively among other rel tokens', () => {
    expect(
      extractMetadata(
        page('<link rel="Alternate CANONICAL" href="https://site.example/c">'),
        PAGE_URL,
      ).canonicalUrl,
    ).toBe('https://site.example/c');
  });

  it('keeps publishedText only when it shows the chosen publication date', () => {
    const jsonLd =
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-14T12:30:00+04:00"}</script>';
    const sameMoment =
      '<article><time datetime="2025-03-14T08:30:00Z">14 March, 12:30</time></article>';
    const otherMoment = '<article><time datetime="2025-03-15T08:30:00Z">15 March</time></article>';
    expect(extractMetadata(page(jsonLd, sameMoment), PAGE_URL).publishedText).toBe(
      '14 March, 12:30',
    );
    expect(extractMetadata(page(jsonLd, otherMoment), PAGE_URL).publishedText).toBeNull();
    expect(extractMetadata(page('', otherMoment), PAGE_URL)).toMatchObject({
      publishedAt: '2025-03-15T08:30:00+00:00',
      publishedText: '15 March',
    });
  });

  it('only reads a <time> inside the article, preferring itemprop=datePublished', () => {
    const outside = '<header><time datetime="2020-01-01">Founded</time></header>';
    expect(extractMetadata(page('', outside), PAGE_URL).publishedAt).toBeNull();
    const marked =
      '<article><time datetime="2025-01-01">Updated</time><time itemprop="datePublished" datetime="2024-12-31">Published</time></article>';
    expect(extractMetadata(page('', marked), PAGE_URL).publishedText).toBe('Published');
  });

  it('reads <html lang> and the article h1 before any other h1', () => {
    const metadata = extractMetadata(
      page('', '<header><h1>Logo</h1></header><main><h1>Story</h1></main>', 'lang="ru-RU"'),
      PAGE_URL,
    );
    expect(metadata.language).toBe('ru');
    expect(metadata.title).toBe('Story');
  });
});

describe('publisher adapter precedence', () => {
  const genericHead =
    '<meta property="og:title" content="OG title"><meta property="article:section" content="OG section"><title>Doc title</title>';

  it('fills missing fields and never overrides real metadata', () => {
    const metadata = extractMetadata(
      page(genericHead),
      PAGE_URL,
      fakeRule({
        title: 'Adapter title',
        category: 'Adapter section',
        views: 12,
        authors: ['Ada Writer'],
      }),
    );
    expect(metadata).toMatchObject({
      title: 'OG title',
      category: 'OG section',
      views: 12,
      authors: ['Ada Writer'],
    });
    expect(metadata.sources).toMatchObject({
      title: 'open-graph',
      category: 'open-graph',
      views: 'fake',
      authors: 'fake',
    });
  });

  it('overrides weak sources: <title>, h1, <html lang>, the page-URL canonical', () => {
    const metadata = extractMetadata(
      page('<title>Doc title</title>', '<h1>H1 title</h1>', 'lang="en"'),
      PAGE_URL,
      fakeRule({
        title: 'Adapter title',
        language: 'az',
        canonicalUrl: 'https://site.example/adapter-canonical',
        sources: { language: 'url' },
      }),
    );
    expect(metadata).toMatchObject({
      title: 'Adapter title',
      language: 'az',
      canonicalUrl: 'https://site.example/adapter-canonical',
    });
    expect(metadata.sources).toMatchObject({
      title: 'fake',
      language: 'url',
      canonicalUrl: 'fake',
    });
  });

  it('cleans adapter values like any other source', () => {
    const metadata = extractMetadata(
      page('<title>Doc title</title>'),
      PAGE_URL,
      fakeRule({
        title: 'undefined',
        imageUrl: 'javascript:alert(1)',
        canonicalUrl: 'https://evil.example/',
        views: -3,
        authors: ['https://site.example/author/x'],
      }),
    );
    expect(metadata).toMatchObject({
      title: 'Doc title',
      imageUrl: null,
      canonicalUrl: 'https://site.example/news/story',
      views: null,
      authors: [],
    });
  });

  it('gives the adapter a snapshot it cannot use to change the result', () => {
    let seen: ArticleMetadata | undefined;
    const rule = fakeRule({});
    rule.adaptMetadata = (_doc, _url, found) => {
      seen = found;
      found.authors.push('Injected');
      found.sources.title = 'tampered';
      return {};
    };
    const metadata = extractMetadata(page(genericHead), PAGE_URL, rule);
    expect(seen?.title).toBe('OG title');
    expect(metadata.authors).toEqual([]);
    expect(metadata.sources.title).toBe('open-graph');
  });

  it('survives an adapter that throws', () => {
    const metadata = extractMetadata(
      page(genericHead),
      PAGE_URL,
      fakeRule(() => {
        throw new Error('site changed');
      }),
    );
    expect(metadata.title).toBe('OG title');
  });
});

describe('stripSiteAffixes with the site name only', () => {
  it.each([
    ['Story | Caliber.Az', 'Caliber.az', 'Story'],
    ['Story — The Times', 'The Times', 'Story'],
    ['Story - Part 2 - The Times', 'the times', 'Story - Part 2'],
    ['Story: The Times', 'The Times', 'Story'],
    ['Story | Other Site', 'The Times', 'Story | Other Site'],
    ['Caliber.Az', 'Caliber.az', 'Caliber.Az'],
    ['| Caliber.Az', 'Caliber.az', '| Caliber.Az'],
    ['Story', null, 'Story'],
  ])('%s (site %s) → %s', (title, siteName, expected) => {
    expect(stripSiteAffixes(title, siteNameKeys(siteName, null))).toBe(expected);
  });
});

describe('robustness', () => {
  it('never throws on documents without head, body or root', () => {
    const empty = parseHtml('');
    expect(() => extractMetadata(empty, PAGE_URL)).not.toThrow();
    const rootless = parseHtml('<p>x</p>');
    rootless.documentElement.remove();
    const metadata = extractMetadata(rootless, PAGE_URL);
    expect(metadata.title).toBeNull();
    expect(metadata.canonicalUrl).toBe('https://site.example/news/story');
  });

  it('never throws when the DOM itself throws', () => {
    const hostileDocument = {
      querySelector: () => {
        throw new Error('boom');
      },
      querySelectorAll: () => {
        throw new Error('boom');
      },
      get documentElement(): never {
        throw new Error('boom');
      },
    } as unknown as Document;
    const metadata = extractMetadata(hostileDocument, PAGE_URL, fakeRule({ title: 'Still here' }));
    expect(metadata.title).toBe('Still here');
    expect(metadata.authors).toEqual([]);
  });

  it('never throws on an unparsable page URL and keeps only absolute URLs', () => {
    const doc = page(
      '<meta property="og:image" content="/relative.jpg"><meta name="twitter:image" content="https://cdn.example/abs.jpg"><link rel="canonical" href="https://site.example/c">',
    );
    const metadata = extractMetadata(doc, 'not a url');
    expect(metadata.url).toBe('not a url');
    expect(metadata.canonicalUrl).toBe('not a url');
    expect(metadata.imageUrl).toBe('https://cdn.example/abs.jpg');
  });
});
