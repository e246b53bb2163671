/**
 * Machine-readable reuse terms: a Creative Commons licence linked with rel="license", or
 * schema.org `license` / `usageInfo` / `creditText` / `copyrightNotice` on the page's
 * article (JSON-LD or microdata). A licence that covers only an image (a link in a caption,
 * an ImageObject's `license`) is not the page's licence. CC0 and the Public Domain Mark ask
 * for no credit, so they give no rule. `copyrightNotice` alone is "All rights reserved" and
 * `usageInfo` alone points at terms we cannot read: neither gives a rule by itself.
 */
import {
  asArray,
  collectJsonLdNodes,
  entityName,
  firstString,
  isJsonObject,
  nodeTypes,
  parseJsonLdBlocks,
  resolveReference,
  type JsonObject,
} from '../metadata/json-ld';
import type { LicenceCredit, ReuseRule } from '../rules/types';
import { isHiddenWithin, type VisibilityCheck } from './visible-text';

/** creativecommons.org/licenses/by-nc-sa/4.0/ → kind "by-nc-sa", version "4.0". */
const CC_LICENCE =
  /^https?:\/\/(?:www\.)?creativecommons\.org\/licenses\/([a-z-]+)\/(\d+(?:\.\d+)?)/i;
const CC_PUBLIC_DOMAIN = /^https?:\/\/(?:www\.)?creativecommons\.org\/publicdomain\//i;

/** Types whose `license` is about a media object, not the article. */
const MEDIA_TYPES = new Set([
  'imageobject',
  'photograph',
  'mediaobject',
  'videoobject',
  'audioobject',
]);

export type LicenceReading =
  | { kind: 'licence'; credit: LicenceCredit; publisher: string | null; quote: string }
  | { kind: 'public-domain'; quote: string }
  | null;

/** "CC BY-SA 4.0" for a CC licence URL; null for any other URL. */
export function ccLicenceName(url: string): string | null {
  const match = CC_LICENCE.exec(url.trim());
  if (!match?.[1] || !match[2]) return null;
  return `CC ${match[1].toUpperCase()} ${match[2]}`;
}

function isPublicDomain(url: string): boolean {
  return CC_PUBLIC_DOMAIN.test(url.trim());
}

/** In a figure or caption, a licence covers that picture only. */
function isInMediaCaption(element: Element): boolean {
  return element.closest('figure, figcaption, picture, .caption, [class*="caption"]') !== null;
}

/**
 * Where licence markup is read: the head, the article's own children and last blocks, the
 * notice regions. Never the whole document: on a 2 MB page a document-wide query is the
 * whole copy-time budget (and in happy-dom, ten times it).
 */
export interface LicenceScopes {
  head: Element | null;
  article: Element | null;
  /** Small subtrees: the article's last children and the notice regions. */
  blocks: readonly Element[];
}

const REL_LICENCE = 'link[rel~="license"][href], a[rel~="license"][href]';
const JSON_LD = 'script[type="application/ld+json"]';
const MICRODATA_TERMS = '[itemprop~="license"], [itemprop~="creditText"]';

/** Markup that is data, not text: the only direct children worth matching. */
const MARKUP_TAGS = new Set(['SCRIPT', 'LINK', 'META']);

/** Elements matching `selector` in the scopes: the head and blocks in depth, the article's direct children only. */
function findInScopes(scopes: LicenceScopes, selector: string): Element[] {
  const found: Element[] = [];
  const add = (element: Element) => {
    if (!found.includes(element)) found.push(element);
  };
  if (scopes.head) for (const element of scopes.head.querySelectorAll(selector)) add(element);
  for (const parent of [
    scopes.article,
    scopes.article?.parentElement,
    scopes.head?.ownerDocument.body,
  ]) {
    // By index: in some DOMs (happy-dom) nextElementSibling searches the parent's list.
    const children = parent?.children ?? [];
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (!child) continue;
      // A tag test first: matches() on each of an article's thousands of paragraphs is not free.
      if (MARKUP_TAGS.has(child.tagName.toUpperCase()) && child.matches(selector)) add(child);
    }
  }
  for (const block of scopes.blocks) {
    if (block.matches(selector)) add(block);
    for (const element of block.querySelectorAll(selector)) add(element);
  }
  return found;
}

function readRelLicence(
  candidates: readonly Element[],
  isVisible?: VisibilityCheck,
): LicenceReading {
  for (const element of candidates) {
    if (!element.matches(REL_LICENCE)) continue;
    const href = element.getAttribute('href') ?? '';
    if (element.tagName.toUpperCase() === 'A') {
      if (isInMediaCaption(element) || isHiddenWithin(element, null, isVisible)) continue;
    }
    const quote = (element.textContent ?? '').replace(/\s+/g, ' ').trim() || href;
    if (isPublicDomain(href)) return { kind: 'public-domain', quote };
    const name = ccLicenceName(href);
    if (name) {
      return {
        kind: 'licence',
        credit: { name, url: href, creditText: null },
        publisher: null,
        quote,
      };
    }
  }
  return null;
}

function licenceUrl(value: unknown, byId: ReadonlyMap<string, JsonObject>): string | undefined {
  const resolved = resolveReference(value, byId);
  if (typeof resolved === 'string') return resolved;
  if (isJsonObject(resolved)) return firstString(resolved.url) ?? firstString(resolved['@id']);
  return undefined;
}

/** schema.org terms on a creative work: from JSON-LD nodes or microdata, the same shape. */
interface SchemaTerms {
  licence?: string;
  creditText?: string;
  publisher?: string;
}

function termsReading(terms: SchemaTerms): LicenceReading {
  const { licence, creditText } = terms;
  if (licence && isPublicDomain(licence)) return { kind: 'public-domain', quote: licence };
  const name = licence ? ccLicenceName(licence) : null;
  // A licence we cannot name (a site's own terms page) says nothing about credit; a
  // creditText does, with or without one.
  if (!name && !creditText) return null;
  return {
    kind: 'licence',
    credit: { name, url: licence ?? null, creditText: creditText ?? null },
    publisher: terms.publisher ?? null,
    quote: creditText ?? licence ?? '',
  };
}

function readJsonLdTerms(doc: Document, candidates: readonly Element[]): LicenceReading {
  const scripts = candidates.filter((element) => element.matches(JSON_LD));
  const { nodes, byId } = collectJsonLdNodes(parseJsonLdBlocks(doc, scripts));
  for (const node of nodes) {
    if (nodeTypes(node).some((type) => MEDIA_TYPES.has(type))) continue;
    const terms: SchemaTerms = {
      licence: licenceUrl(asArray(node.license)[0], byId),
      creditText: firstString(node.creditText),
      publisher:
        entityName(resolveReference(asArray(node.publisher)[0], byId)) ??
        entityName(resolveReference(asArray(node.copyrightHolder)[0], byId)),
    };
    const reading = termsReading(terms);
    if (reading) return reading;
  }
  return null;
}

function itemValue(element: Element | null): string | undefined {
  if (!element) return undefined;
  const value =
    element.getAttribute('href') ?? element.getAttribute('content') ?? element.textContent ?? '';
  return value.replace(/\s+/g, ' ').trim() || undefined;
}

/** Microdata on the article's own scope, never on a nested ImageObject. */
function readMicrodataTerms(candidates: readonly Element[]): LicenceReading {
  const props = candidates.filter((element) => element.matches(MICRODATA_TERMS));
  for (const element of props) {
    const scope = element.closest('[itemscope]');
    const type = (scope?.getAttribute('itemtype') ?? '').split(/[/#]/).pop()?.toLowerCase() ?? '';
    if (!scope || MEDIA_TYPES.has(type)) continue;
    const ownProp = (prop: string) =>
      props.find(
        (el) =>
          el.closest('[itemscope]') === scope &&
          (el.getAttribute('itemprop') ?? '').split(/\s+/).includes(prop),
      ) ?? null;
    const reading = termsReading({
      licence: itemValue(ownProp('license')),
      creditText: itemValue(ownProp('creditText')),
    });
    if (reading) return reading;
  }
  return null;
}

/** The page's licence, if it declares one: rel="license" first, then JSON-LD, then microdata. */
export function readPageLicence(
  doc: Document,
  scopes: LicenceScopes,
  isVisible?: VisibilityCheck,
): LicenceReading {
  // One pass over the scopes for all three kinds of markup; each reader filters the few found.
  const candidates = findInScopes(scopes, `${REL_LICENCE}, ${JSON_LD}, ${MICRODATA_TERMS}`);
  return (
    readRelLicence(candidates, isVisible) ??
    readJsonLdTerms(doc, candidates) ??
    readMicrodataTerms(candidates)
  );
}

export function licenceRule(
  reading: Extract<LicenceReading, { kind: 'licence' }>,
  pageHost: string | null,
): ReuseRule {
  return {
    publisher: { name: reading.publisher, hosts: pageHost ? [pageHost] : [] },
    // TASL: the credit links the source (the article) and the licence.
    linkTo: 'article',
    placement: 'any',
    activeLink: true,
    label: reading.credit.creditText ?? reading.publisher,
    source: 'license',
    quote: reading.quote,
    licence: reading.credit,
  };
}
