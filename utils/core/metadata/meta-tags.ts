/**
 * The <meta> layers: OpenGraph + article:*, plain/Twitter/Parse.ly meta names, and
 * Dublin Core. All three read one index built by a single pass over the page's
 * <meta> elements, keyed by lower-cased name/property (so "DC.Title" = "dc.title").
 */
import { addReading, type LayerReadings } from './readings';

/** Lower-cased key → content values in document order. */
export type MetaTagIndex = ReadonlyMap<string, readonly string[]>;

/** A page with more meta tags than this is not telling us anything more. */
const MAX_META_TAGS = 1000;

/** One pass over <meta>; a tag with both `name` and `property` (RDFa) is indexed under both. */
export function indexMetaTags(doc: Document): MetaTagIndex {
  const index = new Map<string, string[]>();
  const add = (key: string | null, content: string): void => {
    if (key === null) return;
    const normalisedKey = key.trim().toLowerCase();
    if (normalisedKey.length === 0) return;
    const list = index.get(normalisedKey);
    if (list) list.push(content);
    else index.set(normalisedKey, [content]);
  };
  const tags = doc.querySelectorAll('meta[content]');
  for (let i = 0; i < tags.length && i < MAX_META_TAGS; i++) {
    const tag = tags[i];
    if (!tag) continue;
    const content = tag.getAttribute('content') ?? '';
    add(tag.getAttribute('property'), content);
    add(tag.getAttribute('name'), content);
    const httpEquiv = tag.getAttribute('http-equiv');
    if (httpEquiv !== null) add(`http-equiv:${httpEquiv}`, content);
  }
  return index;
}

/** Adds every value of each key, keys in priority order. */
function addAll(
  readings: LayerReadings,
  index: MetaTagIndex,
  field: Parameters<typeof addReading>[1],
  keys: readonly string[],
): void {
  for (const key of keys)
    for (const value of index.get(key) ?? []) addReading(readings, field, value);
}

/** All values of the first key that has any — for multi-valued fields such as authors. */
function allValuesOfFirstKey(index: MetaTagIndex, keys: readonly string[]): string[] | undefined {
  for (const key of keys) {
    const values = index.get(key);
    if (values && values.length > 0) return [...values];
  }
  return undefined;
}

export function readOpenGraph(index: MetaTagIndex): LayerReadings {
  const readings: LayerReadings = {};
  addAll(readings, index, 'title', ['og:title']);
  addAll(readings, index, 'siteName', ['og:site_name']);
  addAll(readings, index, 'imageUrl', ['og:image:secure_url', 'og:image', 'og:image:url']);
  addAll(readings, index, 'description', ['og:description']);
  addAll(readings, index, 'canonicalUrl', ['og:url']);
  addAll(readings, index, 'publishedAt', ['article:published_time']);
  addAll(readings, index, 'modifiedAt', ['article:modified_time', 'og:updated_time']);
  // article:author may repeat, one tag per author; profile URLs are dropped when cleaned.
  addReading(readings, 'authors', allValuesOfFirstKey(index, ['article:author']));
  addAll(readings, index, 'category', ['article:section']);
  addAll(readings, index, 'language', ['og:locale']);
  return readings;
}

export function readMetaNames(index: MetaTagIndex): LayerReadings {
  const readings: LayerReadings = {};
  addAll(readings, index, 'title', ['twitter:title', 'parsely-title', 'sailthru.title']);
  addReading(
    readings,
    'authors',
    allValuesOfFirstKey(index, ['author', 'parsely-author', 'sailthru.author', 'byl']),
  );
  addAll(readings, index, 'publishedAt', [
    'parsely-pub-date',
    'pubdate',
    'publishdate',
    'publish-date',
    'date',
    'sailthru.date',
  ]);
  addAll(readings, index, 'modifiedAt', ['last-modified', 'lastmod']);
  addAll(readings, index, 'category', ['parsely-section']);
  addAll(readings, index, 'language', ['http-equiv:content-language', 'language']);
  addAll(readings, index, 'imageUrl', ['twitter:image', 'twitter:image:src', 'parsely-image-url']);
  addAll(readings, index, 'description', ['description', 'twitter:description']);
  return readings;
}

export function readDublinCore(index: MetaTagIndex): LayerReadings {
  const readings: LayerReadings = {};
  addAll(readings, index, 'title', ['dc.title', 'dcterms.title']);
  addReading(readings, 'authors', allValuesOfFirstKey(index, ['dc.creator', 'dcterms.creator']));
  addAll(readings, index, 'publishedAt', [
    'dcterms.issued',
    'dc.date.issued',
    'dc.date',
    'dcterms.date',
    'dcterms.created',
    'dc.date.created',
  ]);
  addAll(readings, index, 'modifiedAt', ['dcterms.modified', 'dc.date.modified']);
  addAll(readings, index, 'language', ['dc.language', 'dcterms.language']);
  addAll(readings, index, 'siteName', ['dc.publisher', 'dcterms.publisher']);
  addAll(readings, index, 'description', [
    'dc.description',
    'dcterms.description',
    'dcterms.abstract',
  ]);
  return readings;
}
