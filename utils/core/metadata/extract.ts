/**
 * extractMetadata: what Linkback knows about an article page, field by field.
 *
 * Precedence, per field (the first candidate that survives cleaning wins):
 *   1. Generic layers in this order: json-ld, open-graph, meta, dublin-core,
 *      time (<time datetime> in the article), link (rel=canonical, image_src),
 *      byline (the byline as the article shows it, see byline.ts), dom (the
 *      article's h1), html (<html lang>, <title>).
 *      Exception — canonicalUrl: link rel=canonical, then og:url, then JSON-LD
 *      mainEntityOfPage/url; rel=canonical is the one signal publishers maintain
 *      for exactly this purpose. Rejected candidates (not http(s), another site)
 *      fall through; the last resort is the page URL without its fragment ("url").
 *      The site name is settled first, because two fields are judged against it:
 *      - authors: a name that is the site's own (an Organization author, a
 *        `<meta name=author>` holding the brand) is dropped; a candidate left with
 *        none falls through to the next;
 *      - title: every candidate loses the site name around it ("Story | Site",
 *        "Site: Story", see title.ts), and a metadata title (JSON-LD, OpenGraph,
 *        meta, Dublin Core) that is the site's name or a section label standing in
 *        for the headline falls through (to the h1, as a rule).
 *   2. The publisher rule's adapter (when given) then
 *      - fills every field the generic layers left empty, and
 *      - overrides fields whose generic value came only from a weak source:
 *        title from <title>/h1, authors from the byline heuristics, language from
 *        <html lang> (an SPA such as Caliber's Nuxt front end keeps one <html lang>
 *        across client-side navigation, while its URL path is always right),
 *        canonicalUrl from the page-URL fallback.
 *      It never overrides a value from real metadata (JSON-LD, OpenGraph, meta,
 *      Dublin Core, <time>, rel=canonical). Adapter values go through the same
 *      cleaning as everything else.
 *   3. publishedText is kept only next to the date it shows: its source's own date
 *      must be the chosen publishedAt (the same moment).
 *   4. The final title loses the site name around it once more, as the adapter may
 *      have supplied the title or the site name.
 *
 * Never throws: each layer and the adapter run in their own try/catch, and a layer
 * that fails simply contributes nothing.
 */
import { readBylines } from './byline';
import {
  findArticleLandmarks,
  readArticleTime,
  readHeadline,
  readHtmlElements,
  readLinkTags,
  type ArticleLandmarks,
} from './dom';
import { FIELD_NORMALISERS, firstAcceptedValue } from './field-normalisers';
import { readJsonLd } from './json-ld';
import { indexMetaTags, readDublinCore, readMetaNames, readOpenGraph } from './meta-tags';
import type { LayerReadings, MetadataSource } from './readings';
import { isSiteName, siteNameKeys, type SiteNameKeys } from './site-name';
import { isSiteOrSectionTitle, stripSiteAffixes, type TitleEvidence } from './title';
import type { ArticleMetadata, MetadataField, SiteAdapter } from './types';
import { parseUrl, withoutFragment } from '../url';

export const METADATA_FIELDS: readonly MetadataField[] = [
  'canonicalUrl',
  'title',
  'authors',
  'publishedAt',
  'publishedText',
  'modifiedAt',
  'category',
  'views',
  'language',
  'siteName',
  'imageUrl',
  'description',
];

const GENERIC_LAYER_ORDER: readonly MetadataSource[] = [
  'json-ld',
  'open-graph',
  'meta',
  'dublin-core',
  'time',
  'link',
  'byline',
  'dom',
  'html',
];

/** Layers whose title is metadata, which a section label or the site name may stand in for. */
const METADATA_TITLE_SOURCES: ReadonlySet<MetadataSource> = new Set([
  'json-ld',
  'open-graph',
  'meta',
  'dublin-core',
]);

const LAYER_ORDER_BY_FIELD: Partial<Record<MetadataField, readonly MetadataSource[]>> = {
  canonicalUrl: ['link', 'open-graph', 'json-ld'],
};

/** Generic sources a site adapter may override (see the module comment). */
const WEAK_SOURCES: Partial<Record<MetadataField, readonly string[]>> = {
  title: ['html', 'dom'],
  authors: ['byline'],
  language: ['html'],
  canonicalUrl: ['url'],
};

/**
 * The layers' readings, each layer read the first time a field asks for it: the byline
 * search, for one, only runs on pages whose metadata names no (other than the site's) author.
 */
interface LayerResults {
  get(source: MetadataSource): LayerReadings | undefined;
}

function readSafely(read: () => LayerReadings): LayerReadings {
  try {
    return read();
  } catch {
    return {};
  }
}

/** `read`'s result, computed on the first call; `fallback` if it throws. */
function once<T>(read: () => T, fallback: T): () => T {
  let result: { value: T } | undefined;
  return () => {
    if (!result) {
      try {
        result = { value: read() };
      } catch {
        result = { value: fallback };
      }
    }
    return result.value;
  };
}

function readGenericLayers(doc: Document): LayerResults {
  // An empty index when indexing throws: the three meta layers then find nothing.
  const metaIndex = once<ReturnType<typeof indexMetaTags>>(() => indexMetaTags(doc), new Map());
  // No headline, no container when finding them throws: the DOM layers then read nothing.
  const landmarks = once<ArticleLandmarks>(() => findArticleLandmarks(doc), {
    headline: null,
    root: null,
  });
  const readers: Record<Exclude<MetadataSource, 'url'>, () => LayerReadings> = {
    'json-ld': () => readJsonLd(doc),
    'open-graph': () => readOpenGraph(metaIndex()),
    meta: () => readMetaNames(metaIndex()),
    'dublin-core': () => readDublinCore(metaIndex()),
    time: () => readArticleTime(doc, landmarks()),
    link: () => readLinkTags(doc),
    byline: () => readBylines(doc, landmarks()),
    html: () => readHtmlElements(doc),
    dom: () => readHeadline(doc, landmarks().headline),
  };
  const readings = new Map<MetadataSource, LayerReadings>();
  return {
    get(source) {
      if (source === 'url') return undefined;
      let found = readings.get(source);
      if (!found) {
        found = readSafely(readers[source]);
        readings.set(source, found);
      }
      return found;
    },
  };
}

function emptyMetadata(pageUrl: string, canonicalUrl: string): ArticleMetadata {
  return {
    url: pageUrl,
    canonicalUrl,
    title: null,
    authors: [],
    publishedAt: null,
    publishedText: null,
    modifiedAt: null,
    category: null,
    views: null,
    language: null,
    siteName: null,
    imageUrl: null,
    description: null,
    sources: {},
  };
}

/** A further check of a cleaned candidate: the value to keep, or null to try the next one. */
type Refine<K extends MetadataField> = (
  value: NonNullable<ArticleMetadata[K]>,
) => ArticleMetadata[K] | null;

/** Writes one field only when a candidate survives; returns whether it did. */
function setFromCandidates<K extends MetadataField>(
  metadata: ArticleMetadata,
  field: K,
  candidates: readonly unknown[],
  pageUrl: URL,
  source: string,
  refine?: Refine<K>,
): boolean {
  let value: ArticleMetadata[K] | null = null;
  if (refine) {
    for (const candidate of candidates) {
      const cleaned = FIELD_NORMALISERS[field](candidate, pageUrl);
      value = cleaned === null ? null : refine(cleaned);
      if (value !== null) break;
    }
  } else {
    value = firstAcceptedValue(field, candidates, pageUrl);
  }
  if (value === null) return false;
  metadata[field] = value;
  metadata.sources[field] = source;
  return true;
}

/** Authors without the site's own name; null when none is left. */
function withoutSiteName(siteKeys: SiteNameKeys): Refine<'authors'> {
  return (names) => {
    const people = names.filter((name) => !isSiteName(name, siteKeys));
    return people.length > 0 ? people : null;
  };
}

/** A title without the site name around it; null for a metadata title that is no headline. */
function headlineTitle(evidence: TitleEvidence, source: MetadataSource): Refine<'title'> {
  return (title) => {
    const stripped = stripSiteAffixes(title, evidence.siteKeys);
    if (METADATA_TITLE_SOURCES.has(source) && isSiteOrSectionTitle(stripped, evidence)) return null;
    return stripped;
  };
}

function firstTitle(layers: LayerResults, source: MetadataSource, pageUrl: URL): string | null {
  const candidates = layers.get(source)?.title;
  return candidates ? firstAcceptedValue('title', candidates, pageUrl) : null;
}

function titleEvidence(layers: LayerResults, siteKeys: SiteNameKeys, pageUrl: URL): TitleEvidence {
  const documentTitle = firstTitle(layers, 'html', pageUrl);
  return {
    siteKeys,
    headline: firstTitle(layers, 'dom', pageUrl),
    documentTitle: documentTitle === null ? null : stripSiteAffixes(documentTitle, siteKeys),
  };
}

function isSameMoment(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  if (a === b) return true;
  const hasOffset = (date: string): boolean => /[+-]\d{2}:\d{2}$/.test(date);
  return hasOffset(a) && hasOffset(b) && Date.parse(a) === Date.parse(b);
}

/**
 * publishedText is the visible form of publishedAt, so it is taken only from a source
 * whose own date is the chosen publishedAt: a <time> that shows another date (the
 * update time, say) must not be displayed as the publication date.
 */
function dateMatchesPublishedAt(
  dateCandidates: readonly unknown[] | undefined,
  metadata: ArticleMetadata,
  pageUrl: URL,
): boolean {
  const date = dateCandidates ? firstAcceptedValue('publishedAt', dateCandidates, pageUrl) : null;
  return isSameMoment(date, metadata.publishedAt);
}

/** The first layer (in the field's order) with a candidate that survives; see the module comment. */
function applyLayers<K extends MetadataField>(
  metadata: ArticleMetadata,
  field: K,
  layers: LayerResults,
  pageUrl: URL,
  refine?: (source: MetadataSource) => Refine<K>,
): void {
  for (const source of LAYER_ORDER_BY_FIELD[field] ?? GENERIC_LAYER_ORDER) {
    const readings = layers.get(source);
    const candidates = readings?.[field];
    if (!candidates) continue;
    if (
      field === 'publishedText' &&
      !dateMatchesPublishedAt(readings.publishedAt, metadata, pageUrl)
    ) {
      continue;
    }
    if (setFromCandidates(metadata, field, candidates, pageUrl, source, refine?.(source))) return;
  }
}

function applyGenericLayers(
  metadata: ArticleMetadata,
  layers: LayerResults,
  pageUrl: URL,
  parsedPageUrl: URL | null,
): void {
  for (const field of METADATA_FIELDS) {
    if (field !== 'authors' && field !== 'title') applyLayers(metadata, field, layers, pageUrl);
  }
  // Judged against the site name, which is now settled.
  const siteKeys = siteNameKeys(metadata.siteName, parsedPageUrl);
  const evidence = titleEvidence(layers, siteKeys, pageUrl);
  applyLayers(metadata, 'authors', layers, pageUrl, () => withoutSiteName(siteKeys));
  applyLayers(metadata, 'title', layers, pageUrl, (source) => headlineTitle(evidence, source));
}

function isFieldMissing(metadata: ArticleMetadata, field: MetadataField): boolean {
  const value = metadata[field];
  return value === null || (Array.isArray(value) && value.length === 0);
}

function mayAdapterSet(metadata: ArticleMetadata, field: MetadataField): boolean {
  if (isFieldMissing(metadata, field)) return true;
  const source = metadata.sources[field];
  return source !== undefined && (WEAK_SOURCES[field]?.includes(source) ?? false);
}

function applyPublisherAdapter(
  metadata: ArticleMetadata,
  doc: Document,
  pageUrl: URL,
  rule: SiteAdapter,
): void {
  if (!rule.adaptMetadata) return;
  let adapted: Partial<ArticleMetadata>;
  try {
    const snapshot: ArticleMetadata = {
      ...metadata,
      authors: [...metadata.authors],
      sources: { ...metadata.sources },
    };
    adapted = rule.adaptMetadata(doc, new URL(pageUrl.href), snapshot);
  } catch {
    return;
  }
  for (const field of METADATA_FIELDS) {
    const value = adapted[field];
    if (value === undefined || !mayAdapterSet(metadata, field)) continue;
    if (
      field === 'publishedText' &&
      !dateMatchesPublishedAt([adapted.publishedAt], metadata, pageUrl)
    ) {
      continue;
    }
    const source = adapted.sources?.[field] ?? rule.id;
    if (field === 'authors') {
      const siteKeys = siteNameKeys(metadata.siteName ?? adapted.siteName ?? null, pageUrl);
      setFromCandidates(metadata, 'authors', [value], pageUrl, source, withoutSiteName(siteKeys));
    } else {
      setFromCandidates(metadata, field, [value], pageUrl, source);
    }
  }
}

/**
 * Everything Linkback can learn about the page from `doc`, for the page at `pageUrl`.
 * `rule` is the publisher rule for the page's host (see findPublisherRule), if any.
 */
export function extractMetadata(
  doc: Document,
  pageUrl: string,
  rule?: SiteAdapter | null,
): ArticleMetadata {
  const parsedPageUrl = parseUrl(pageUrl);
  const metadata = emptyMetadata(pageUrl, parsedPageUrl ? withoutFragment(parsedPageUrl) : pageUrl);
  // Relative URLs need a base; without a usable page URL only absolute ones are kept.
  const baseUrl = parsedPageUrl ?? new URL('about:blank');

  applyGenericLayers(metadata, readGenericLayers(doc), baseUrl, parsedPageUrl);
  if (metadata.sources.canonicalUrl === undefined) metadata.sources.canonicalUrl = 'url';
  if (rule && parsedPageUrl) applyPublisherAdapter(metadata, doc, parsedPageUrl, rule);
  if (metadata.title !== null) {
    metadata.title = stripSiteAffixes(
      metadata.title,
      siteNameKeys(metadata.siteName, parsedPageUrl),
    );
  }
  return metadata;
}
