/**
 * Reads the article node of a page's JSON-LD (schema.org NewsArticle and friends).
 * Tolerates what real pages do: several blocks, @graph, top-level arrays, @type as
 * an array or a full IRI, @context as a string or an object ({"@vocab": …}, prefixes
 * such as "schema:headline" or full-IRI keys), @id references (also ones that carry
 * their @type), authors as strings/objects/arrays, values as {"@value": …} — and
 * what hostile pages do: malformed JSON (that block is skipped), huge or deeply
 * nested blocks (size and depth are bounded).
 */
import { addReading, type LayerReadings } from './readings';

export type JsonObject = Record<string, unknown>;

const MAX_BLOCKS = 20;
/**
 * Bigger blocks are not metadata (a real NewsArticle block, even with articleBody,
 * is well under this); the caps keep a hostile page from spending our time budget.
 */
const MAX_BLOCK_CHARS = 256 * 1024;
const MAX_TOTAL_CHARS = 1024 * 1024;
const MAX_WALK_DEPTH = 6;
const MAX_NODES = 500;

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'report',
  'scholarlyarticle',
  'techarticle',
  'satiricalarticle',
]);

/** Interaction types whose count is a view count. */
const VIEW_INTERACTIONS = new Set(['readaction', 'viewaction', 'watchaction']);

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** "NewsArticle", "schema:NewsArticle", "https://schema.org/NewsArticle" → "newsarticle". */
function localTypeName(type: string): string {
  return (type.split(/[/#:]/).pop() ?? '').toLowerCase();
}

export function nodeTypes(node: JsonObject): string[] {
  return asArray(node['@type'])
    .filter((type): type is string => typeof type === 'string')
    .map(localTypeName);
}

function isArticleNode(node: JsonObject): boolean {
  return nodeTypes(node).some((type) => ARTICLE_TYPES.has(type));
}

/** Strips the HTML comment / CDATA wrappers some CMSs put around the JSON. */
function unwrapScriptText(text: string): string {
  return text
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>)$/, '')
    .trim();
}

/**
 * Parsed JSON of each ld+json block; malformed or oversized blocks are skipped. `scripts`
 * defaults to every block in the document; notice detection passes only those in the places
 * it reads, to stay within its copy-time budget.
 */
export function parseJsonLdBlocks(
  doc: Document,
  scripts: ArrayLike<Element> = doc.querySelectorAll('script[type="application/ld+json"]'),
): unknown[] {
  const blocks: unknown[] = [];
  let totalChars = 0;
  for (let i = 0; i < scripts.length && i < MAX_BLOCKS; i++) {
    const text = scripts[i]?.textContent ?? '';
    if (text.length === 0 || text.length > MAX_BLOCK_CHARS) continue;
    totalChars += text.length;
    if (totalChars > MAX_TOTAL_CHARS) break;
    try {
      blocks.push(JSON.parse(unwrapScriptText(text)));
    } catch {
      // One broken block must not hide the valid ones beside it.
    }
  }
  return blocks;
}

interface JsonLdNodes {
  /** Top-level nodes (and their mainEntity) in document order. */
  nodes: JsonObject[];
  /** Nodes by @id, to resolve references like {"@id": "https://site/#org"}. */
  byId: Map<string, JsonObject>;
}

/** Collects the nodes a page declares at top level: plain objects, arrays, @graph, mainEntity. */
export function collectJsonLdNodes(blocks: readonly unknown[]): JsonLdNodes {
  const nodes: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_WALK_DEPTH || nodes.length >= MAX_NODES) return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, MAX_NODES)) visit(item, depth + 1);
      return;
    }
    if (!isJsonObject(value)) return;
    nodes.push(value);
    const id = value['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, value);
    if (value['@graph'] !== undefined) visit(value['@graph'], depth + 1);
    if (value.mainEntity !== undefined) visit(value.mainEntity, depth + 1);
  };
  for (const block of blocks) visit(block, 0);
  return { nodes, byId };
}

/**
 * Follows an {"@id": …} reference to the node it names, when the page defines it. A
 * reference may carry its @type too ({"@id": "#elvin", "@type": "Person"}); anything
 * more makes it a node of its own.
 */
export function resolveReference(value: unknown, byId: ReadonlyMap<string, JsonObject>): unknown {
  if (!isJsonObject(value)) return value;
  const id = value['@id'];
  if (typeof id !== 'string') return value;
  const isReference = Object.keys(value).every((key) => key === '@id' || key === '@type');
  return isReference ? (byId.get(id) ?? value) : value;
}

/** "schema:headline", "http://schema.org/headline" → "headline"; "@type" stays. */
function localPropertyName(key: string): string {
  if (key.startsWith('@')) return key;
  return key.split(/[/#:]/).pop() || key;
}

/**
 * The same JSON with schema.org properties under their plain names, for pages whose
 * @context declares a prefix ({"schema": "http://schema.org/"}) and write "schema:author",
 * or that write full IRIs as keys. A plain key wins over a prefixed one. Objects without
 * such keys are returned as they are; the walk is bounded like collectJsonLdNodes.
 */
export function withPlainPropertyNames(value: unknown, depth = 0): unknown {
  if (depth > MAX_WALK_DEPTH * 2) return value;
  if (Array.isArray(value)) return value.map((item) => withPlainPropertyNames(item, depth + 1));
  if (!isJsonObject(value)) return value;
  const plain: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    const name = localPropertyName(key);
    if (name !== key && Object.hasOwn(value, name)) continue;
    plain[name] = key === '@context' ? item : withPlainPropertyNames(item, depth + 1);
  }
  return plain;
}

/** The first string in a value or list of values; {"@value": "…"} counts as its string. */
export function firstString(value: unknown): string | undefined {
  for (const item of asArray(value)) {
    if (typeof item === 'string') return item;
    if (isJsonObject(item) && typeof item['@value'] === 'string') return item['@value'];
  }
  return undefined;
}

/** A person/organisation's display name: `name`, else given + family name. */
export function entityName(entity: unknown): string | undefined {
  if (typeof entity === 'string') return entity;
  if (!isJsonObject(entity)) return undefined;
  const name = firstString(entity.name);
  if (name !== undefined) return name;
  const parts = [firstString(entity.givenName), firstString(entity.familyName)].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** author, else creator: each a name, a Person/Organization, an @id reference or a list of those. */
function authorNames(article: JsonObject, byId: ReadonlyMap<string, JsonObject>): string[] {
  const names: string[] = [];
  const authors = article.author ?? article.creator;
  for (const author of asArray(authors).slice(0, 50)) {
    const name = entityName(resolveReference(author, byId));
    if (name !== undefined) names.push(name);
  }
  return names;
}

/** image / thumbnailUrl as string, ImageObject ({url} / {contentUrl}) or an array of those. */
function imageUrls(article: JsonObject, byId: ReadonlyMap<string, JsonObject>): string[] {
  const urls: string[] = [];
  for (const image of [...asArray(article.image), ...asArray(article.thumbnailUrl)].slice(0, 20)) {
    const resolved = resolveReference(image, byId);
    if (typeof resolved === 'string') urls.push(resolved);
    else if (isJsonObject(resolved)) {
      const url = firstString(resolved.url) ?? firstString(resolved.contentUrl);
      if (url !== undefined) urls.push(url);
    }
  }
  return urls;
}

function pageUrls(article: JsonObject): string[] {
  const urls: string[] = [];
  const mainEntityOfPage = article.mainEntityOfPage;
  if (typeof mainEntityOfPage === 'string') urls.push(mainEntityOfPage);
  else if (isJsonObject(mainEntityOfPage)) {
    const url = firstString(mainEntityOfPage['@id']) ?? firstString(mainEntityOfPage.url);
    if (url !== undefined) urls.push(url);
  }
  const url = firstString(article.url);
  if (url !== undefined) urls.push(url);
  return urls;
}

function languageTag(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isJsonObject(value)) return firstString(value.alternateName) ?? firstString(value.name);
  return undefined;
}

function viewCount(article: JsonObject): unknown {
  for (const statistic of asArray(article.interactionStatistic).slice(0, 20)) {
    if (!isJsonObject(statistic)) continue;
    const type = statistic.interactionType;
    const typeName = typeof type === 'string' ? type : isJsonObject(type) ? type['@type'] : '';
    if (typeof typeName === 'string' && VIEW_INTERACTIONS.has(localTypeName(typeName))) {
      return statistic.userInteractionCount;
    }
  }
  return undefined;
}

function websiteName(nodes: readonly JsonObject[]): string | undefined {
  const website = nodes.find((node) => nodeTypes(node).includes('website'));
  return website ? entityName(website) : undefined;
}

/** Readings from the first article node of the page's JSON-LD (empty when there is none). */
export function readJsonLd(doc: Document): LayerReadings {
  const readings: LayerReadings = {};
  const blocks = parseJsonLdBlocks(doc).map((block) => withPlainPropertyNames(block));
  const { nodes, byId } = collectJsonLdNodes(blocks);
  const article = nodes.find(isArticleNode);
  if (!article) return readings;

  addReading(readings, 'title', firstString(article.headline));
  addReading(readings, 'title', firstString(article.name));
  const authors = authorNames(article, byId);
  if (authors.length > 0) addReading(readings, 'authors', authors);
  addReading(readings, 'publishedAt', firstString(article.datePublished));
  addReading(readings, 'publishedAt', firstString(article.dateCreated));
  addReading(readings, 'modifiedAt', firstString(article.dateModified));
  addReading(readings, 'category', firstString(article.articleSection));
  addReading(readings, 'language', languageTag(article.inLanguage));
  // The WebSite's name is the one readers know; the publisher's is often its legal name
  // ("Valley Post Media LLC").
  addReading(readings, 'siteName', websiteName(nodes));
  addReading(readings, 'siteName', entityName(resolveReference(article.publisher, byId)));
  for (const url of imageUrls(article, byId)) addReading(readings, 'imageUrl', url);
  addReading(readings, 'description', firstString(article.description));
  for (const url of pageUrls(article)) addReading(readings, 'canonicalUrl', url);
  addReading(readings, 'views', viewCount(article));
  return readings;
}
