/**
 * Every field of every saved page, extracted the way the extension does it:
 * extractMetadata(doc, url, findPublisherRule(url)).
 */
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../../utils/core/metadata/extract';
import type { ArticleMetadata } from '../../../../utils/core/metadata/types';
import { findPublisherRule } from '../../../../utils/core/publishers/index';
import { FIXTURE_URLS, loadFixture, type FixtureName } from '../../fixtures';

const EN_URL = FIXTURE_URLS['caliber-en.html'];
const EN_TITLE = 'CNN: Trump sends “unconventional negotiating team” to Moscow for peace talks';
const EN_LEAD =
  'As the Trump administration accelerates efforts to broker a peace agreement to end the war in Ukraine, President Donald Trump is sending two of his highest-profile envoys—both outside traditional diplomatic channels—to Moscow.';
const EN_COVER = 'https://caliber.az/media/photos/original/5f7412b0fdd994d0c3a1e7.webp';

const EXPECTED: Record<FixtureName, ArticleMetadata> = {
  // The real site: no OpenGraph, no JSON-LD — everything from the Caliber adapter.
  'caliber-en.html': {
    url: EN_URL,
    canonicalUrl: EN_URL,
    title: EN_TITLE,
    authors: ['Sabina Mammadli'],
    publishedAt: '2025-12-02T09:19:00+04:00',
    publishedText: '02 December 2025 09:19',
    modifiedAt: null,
    category: 'WORLD',
    views: 35,
    language: 'en',
    siteName: 'Caliber.az',
    imageUrl: EN_COVER,
    description: EN_LEAD,
    sources: {
      canonicalUrl: 'url',
      title: 'caliber',
      authors: 'caliber',
      publishedAt: 'caliber',
      publishedText: 'caliber',
      category: 'caliber',
      views: 'caliber',
      language: 'url',
      siteName: 'caliber',
      imageUrl: 'caliber',
      description: 'caliber',
    },
  },
  // Real metadata wins over the adapter; the adapter only adds what metadata lacks.
  'caliber-en-og-jsonld.html': {
    url: EN_URL,
    canonicalUrl: EN_URL,
    title: EN_TITLE,
    authors: ['Sabina Mammadli'],
    publishedAt: '2025-12-02T09:19:00+04:00',
    publishedText: '02 December 2025 09:19',
    modifiedAt: '2025-12-02T09:45:00+04:00',
    category: 'World',
    views: 35,
    language: 'en',
    siteName: 'Caliber.Az',
    imageUrl: EN_COVER,
    description:
      'Trump is sending two envoys from outside traditional diplomatic channels to Moscow, CNN writes.',
    sources: {
      canonicalUrl: 'link',
      title: 'json-ld',
      authors: 'json-ld',
      publishedAt: 'json-ld',
      publishedText: 'caliber',
      modifiedAt: 'json-ld',
      category: 'json-ld',
      views: 'caliber',
      language: 'json-ld',
      siteName: 'json-ld',
      imageUrl: 'json-ld',
      description: 'open-graph',
    },
  },
  // The malformed block is skipped; the valid one still counts.
  'caliber-en-bad-jsonld.html': {
    url: EN_URL,
    canonicalUrl: EN_URL,
    title: EN_TITLE,
    authors: ['Sabina Mammadli'],
    publishedAt: '2025-12-02T09:19:00+04:00',
    publishedText: '02 December 2025 09:19',
    modifiedAt: null,
    category: 'WORLD',
    views: 35,
    language: 'en',
    siteName: 'Caliber.az',
    imageUrl: EN_COVER,
    description: EN_LEAD,
    sources: {
      canonicalUrl: 'url',
      title: 'json-ld',
      authors: 'json-ld',
      publishedAt: 'json-ld',
      publishedText: 'caliber',
      category: 'caliber',
      views: 'caliber',
      language: 'json-ld',
      siteName: 'caliber',
      imageUrl: 'caliber',
      description: 'caliber',
    },
  },
  'caliber-ru.html': {
    url: FIXTURE_URLS['caliber-ru.html'],
    canonicalUrl: FIXTURE_URLS['caliber-ru.html'],
    title:
      'CNN: Трамп отправляет «нестандартную переговорную команду» в Москву на мирные переговоры',
    authors: ['Сабина Маммадли'],
    publishedAt: '2026-06-25T17:24:00+04:00',
    publishedText: '25 Июня 2026 17:24',
    modifiedAt: null,
    category: 'МИР',
    views: 179,
    language: 'ru',
    siteName: 'Caliber.az',
    imageUrl: EN_COVER,
    description:
      'По мере того как администрация Трампа ускоряет усилия по заключению мирного соглашения, которое положило бы конец войне в Украине, президент Дональд Трамп направляет в Москву двух своих самых известных посланников — оба действуют вне традиционных дипломатических каналов.',
    sources: {
      canonicalUrl: 'url',
      title: 'caliber',
      authors: 'caliber',
      publishedAt: 'caliber',
      publishedText: 'caliber',
      category: 'caliber',
      views: 'caliber',
      language: 'url',
      siteName: 'caliber',
      imageUrl: 'caliber',
      description: 'caliber',
    },
  },
  // No <html lang>: the language comes from the /az/ path; cover is an <img>.
  'caliber-az.html': {
    url: FIXTURE_URLS['caliber-az.html'],
    canonicalUrl: FIXTURE_URLS['caliber-az.html'],
    title: 'CNN: Tramp sülh danışıqları üçün Moskvaya “qeyri-adi danışıq komandası” göndərir',
    authors: ['Sabina Məmmədli'],
    publishedAt: '2026-06-03T10:05:00+04:00',
    publishedText: '03 İYUN 2026 10:05',
    modifiedAt: null,
    category: 'DÜNYA',
    views: 1204,
    language: 'az',
    siteName: 'Caliber.az',
    imageUrl: 'https://caliber.az/media/photos/normal/8c2d41aa90be.webp',
    description:
      'Tramp administrasiyası Ukraynadakı müharibəyə son qoymaq üçün sülh sazişinin əldə olunması səylərini sürətləndirdiyi bir vaxtda prezident Donald Tramp ən tanınmış iki elçisini — hər ikisi ənənəvi diplomatik kanallardan kənar şəxslərdir — Moskvaya göndərir.',
    sources: {
      canonicalUrl: 'url',
      title: 'caliber',
      authors: 'caliber',
      publishedAt: 'caliber',
      publishedText: 'caliber',
      category: 'caliber',
      views: 'caliber',
      language: 'url',
      siteName: 'caliber',
      imageUrl: 'caliber',
      description: 'caliber',
    },
  },
  // Not an article: no .post, so the adapter adds only the site name and language.
  'caliber-home.html': {
    url: 'https://caliber.az/en',
    canonicalUrl: 'https://caliber.az/en',
    title: 'Caliber.Az',
    authors: [],
    publishedAt: null,
    publishedText: null,
    modifiedAt: null,
    category: null,
    views: null,
    language: 'en',
    siteName: 'Caliber.az',
    imageUrl: null,
    description: null,
    sources: { canonicalUrl: 'url', title: 'dom', language: 'url', siteName: 'caliber' },
  },
  // JSON-LD in a top-level array, @type array, @id references across blocks.
  'news-full-jsonld.html': {
    url: FIXTURE_URLS['news-full-jsonld.html'],
    canonicalUrl: 'https://harbourtimes.example/business/2025/03/14/port-talks-resume',
    title: 'Port talks resume after three-week standoff',
    authors: ['Elena Markova', 'Tom O’Neill', 'Priya Raman'],
    publishedAt: '2025-03-14T08:30:00+00:00',
    // The <time> shows 07:00Z, not the JSON-LD date, so its text is not this date's.
    publishedText: null,
    modifiedAt: '2025-03-14T10:05:12+00:00',
    category: 'Business',
    views: 4821,
    language: 'en',
    // The WebSite's name, not the publisher's legal name ("The Harbour Times Ltd").
    siteName: 'The Harbour Times',
    imageUrl: 'https://www.harbourtimes.example/images/2025/03/port-talks-1200.jpg',
    description:
      'Negotiators for dockworkers and terminal operators met again on Friday & agreed a timetable.',
    sources: {
      canonicalUrl: 'link',
      title: 'json-ld',
      authors: 'json-ld',
      publishedAt: 'json-ld',
      modifiedAt: 'json-ld',
      category: 'json-ld',
      views: 'json-ld',
      language: 'json-ld',
      siteName: 'json-ld',
      imageUrl: 'json-ld',
      description: 'json-ld',
    },
  },
  'news-og-meta.html': {
    url: FIXTURE_URLS['news-og-meta.html'],
    canonicalUrl: 'https://nordlys-daily.example/culture/festival-opens',
    title: 'Northern Lights festival opens with record crowds',
    // article:author is a profile URL (rejected); the meta author names two people.
    authors: ['Ingrid Solberg', 'Mats Berg'],
    publishedAt: '2025-06-01T18:00:00+02:00',
    publishedText: null,
    modifiedAt: '2025-06-01T21:15:00+02:00',
    category: 'Culture',
    views: null,
    language: 'nb',
    siteName: 'Nordlys Daily',
    imageUrl: 'https://nordlys-daily.example/img/2025/06/festival-opening.jpg',
    description: 'Tens of thousands gathered in Tromsø on Sunday evening.',
    sources: {
      canonicalUrl: 'open-graph',
      title: 'open-graph',
      authors: 'meta',
      publishedAt: 'open-graph',
      modifiedAt: 'open-graph',
      category: 'open-graph',
      language: 'open-graph',
      siteName: 'open-graph',
      imageUrl: 'open-graph',
      description: 'open-graph',
    },
  },
  'news-dublin-core.html': {
    url: FIXTURE_URLS['news-dublin-core.html'],
    canonicalUrl: 'http://archivum-review.example/issues/12/essay.html',
    title: 'On the Afterlife of Marginalia',
    authors: ['Camille Ferrand', 'Jonas Weber'],
    // From the <time> inside <article>, not the site-wide one before it.
    publishedAt: '2024-11-02T14:00:00+01:00',
    publishedText: '2 novembre 2024',
    modifiedAt: '2024-11-05',
    category: null,
    views: null,
    language: 'fr',
    siteName: 'Archivum Review',
    imageUrl: null,
    description: "How readers' notes in the margins travel between editions.",
    sources: {
      canonicalUrl: 'url',
      title: 'dublin-core',
      authors: 'dublin-core',
      publishedAt: 'time',
      publishedText: 'time',
      modifiedAt: 'dublin-core',
      language: 'dublin-core',
      siteName: 'dublin-core',
      description: 'dublin-core',
    },
  },
  // Every hostile value rejected; only the honest ones survive.
  'news-hostile.html': {
    url: FIXTURE_URLS['news-hostile.html'],
    canonicalUrl: 'https://hostile.example/news/item?id=7',
    title: 'Markets rally after rate cut',
    authors: [],
    publishedAt: '2025-02-25T07:15:00+00:00',
    publishedText: null,
    modifiedAt: null,
    category: null,
    views: null,
    language: null,
    siteName: null,
    imageUrl: null,
    description: 'Stocks climbed on Monday.',
    sources: {
      canonicalUrl: 'url',
      title: 'open-graph',
      publishedAt: 'meta',
      description: 'meta',
    },
  },
};

function extractFixture(name: FixtureName): ArticleMetadata {
  const url = FIXTURE_URLS[name];
  return extractMetadata(loadFixture(name), url, findPublisherRule(url));
}

describe('extractMetadata on saved pages', () => {
  it.each(Object.keys(EXPECTED) as FixtureName[])('%s: every field', (name) => {
    expect(extractFixture(name)).toEqual(EXPECTED[name]);
  });
});

describe('extractMetadata on Caliber pages without the publisher rule', () => {
  it('falls back to the weak generic sources, never to garbage', () => {
    const metadata = extractMetadata(loadFixture('caliber-en.html'), EN_URL);
    expect(metadata.title).toBe(EN_TITLE);
    expect(metadata.sources.title).toBe('dom');
    expect(metadata.language).toBe('en');
    expect(metadata.sources.language).toBe('html');
    // The "By Sabina Mammadli" line at the end of the body is a byline on any site.
    expect(metadata.authors).toEqual(['Sabina Mammadli']);
    expect(metadata.sources.authors).toBe('byline');
    expect(metadata.publishedAt).toBeNull();
    expect(metadata.views).toBeNull();
    expect(metadata.siteName).toBeNull();
  });

  it('strips the " | Caliber.Az" suffix from <title> once the site name is known', () => {
    const doc = loadFixture('caliber-en.html');
    doc.querySelectorAll('h1').forEach((heading) => heading.remove());
    const rule = findPublisherRule(EN_URL);
    // The adapter's title is gone too (no h1), so <title> is the only title source.
    const metadata = extractMetadata(doc, EN_URL, rule);
    expect(metadata.sources.title).toBe('html');
    expect(metadata.title).toBe(EN_TITLE);
  });

  it('serves the e2e URLs (http, no www) with the same canonical rule', () => {
    const url = 'http://caliber.az/post/some-slug';
    const metadata = extractMetadata(loadFixture('caliber-ru.html'), url, findPublisherRule(url));
    expect(metadata.canonicalUrl).toBe(url);
    expect(metadata.language).toBe('ru');
    expect(metadata.imageUrl).toBe(
      'http://caliber.az/media/photos/original/5f7412b0fdd994d0c3a1e7.webp',
    );
  });
});

describe('extractMetadata on the hostile page', () => {
  it('never returns a script URL or another site as canonical', () => {
    const metadata = extractFixture('news-hostile.html');
    const serialised = JSON.stringify(metadata);
    expect(serialised).not.toMatch(/javascript:|data:|evil\.example/i);
    expect(serialised).not.toMatch(/<script|onerror|<img/i);
  });

  it('ignores a NewsArticle buried deeper than the JSON-LD walk goes', () => {
    const metadata = extractFixture('news-hostile.html');
    expect(metadata.title).not.toMatch(/Deeply hidden|too deep/);
  });

  it('caps a 2 MB headline at 500 characters when it is the only title source', () => {
    const doc = loadFixture('news-hostile.html');
    doc.querySelector('meta[property="og:title"]')?.remove();
    const metadata = extractMetadata(doc, FIXTURE_URLS['news-hostile.html']);
    expect(metadata.sources.title).toBe('dom');
    expect(metadata.title?.length).toBeLessThanOrEqual(500);
    expect(metadata.title?.startsWith('AAAA')).toBe(true);
  });
});
