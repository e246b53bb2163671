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

function readRelLicence(doc: Document, isVisible?: VisibilityCheck): LicenceReading {
  for (const element of doc.querySelectorAll(
    'link[rel~="license"][href], a[rel~="license"][href]',
  )) {
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

function readJsonLdTerms(doc: Document): LicenceReading {
  const { nodes, byId } = collectJsonLdNodes(parseJsonLdBlocks(doc));
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
function readMicrodataTerms(doc: Document): LicenceReading {
  for (const element of doc.querySelectorAll('[itemprop~="license"], [itemprop~="creditText"]')) {
    const scope = element.closest('[itemscope]');
    const type = (scope?.getAttribute('itemtype') ?? '').split(/[/#]/).pop()?.toLowerCase() ?? '';
    if (!scope || MEDIA_TYPES.has(type)) continue;
    const ownProp = (prop: string) =>
      [...scope.querySelectorAll(`[itemprop~="${prop}"]`)].find(
        (el) => el.closest('[itemscope]') === scope,
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
export function readPageLicence(doc: Document, isVisible?: VisibilityCheck): LicenceReading {
  return readRelLicence(doc, isVisible) ?? readJsonLdTerms(doc) ?? readMicrodataTerms(doc);
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
