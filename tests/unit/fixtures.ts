/**
 * Saved pages in tests/fixtures/pages and the URLs they are meant to be served at.
 * Shared by the metadata and publisher tests.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

export const FIXTURE_URLS = {
  'caliber-en.html':
    'https://caliber.az/en/post/cnn-trump-sends-unconventional-negotiating-team-to-moscow-for-peace-talks',
  'caliber-en-og-jsonld.html':
    'https://caliber.az/en/post/cnn-trump-sends-unconventional-negotiating-team-to-moscow-for-peace-talks',
  'caliber-en-bad-jsonld.html':
    'https://caliber.az/en/post/cnn-trump-sends-unconventional-negotiating-team-to-moscow-for-peace-talks',
  'caliber-ru.html':
    'https://caliber.az/post/cnn-tramp-otpravlyaet-nestandartnuyu-peregovornuyu-komandu-v-moskvu-na-mirnye-peregovory',
  'caliber-az.html':
    'https://caliber.az/az/post/cnn-tramp-sulh-danisiqlari-ucun-moskvaya-qeyri-adi-danisiq-komandasi-gonderir',
  'caliber-home.html': 'https://caliber.az/en',
  'news-full-jsonld.html':
    'https://www.harbourtimes.example/business/2025/03/14/port-talks-resume?utm_source=feed#comments',
  'news-og-meta.html': 'https://nordlys-daily.example/culture/festival-opens?utm_source=x#comments',
  'news-dublin-core.html': 'http://archivum-review.example/issues/12/essay.html#note-3',
  'news-hostile.html': 'https://hostile.example/news/item?id=7#frag',
} as const;

export type FixtureName = keyof typeof FIXTURE_URLS;

// A path, not a URL object: under happy-dom the global URL is not Node's, and fs rejects it.
const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/pages');

export function readFixtureHtml(name: FixtureName): string {
  return readFileSync(join(FIXTURE_DIR, name), 'utf8');
}

/**
 * A happy-dom window that loads nothing: the test environment's own window would
 * try to fetch the fixtures' stylesheets and scripts from localhost.
 */
const parserWindow = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
  },
});

/** Parses HTML the way a content script sees a page: a full Document. */
export function parseHtml(html: string): Document {
  // happy-dom's Document implements the DOM the extractor uses; its class is not lib.dom's type.
  return new parserWindow.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function loadFixture(name: FixtureName): Document {
  return parseHtml(readFixtureHtml(name));
}
