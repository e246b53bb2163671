import type { LinkPlacement } from '../publishers/types';
import { toHttpUrl } from '../url';

/** What an attribution points at. */
export interface AttributionSource {
  /** The article's canonical URL; only http(s) is ever linked. */
  url: string;
  /**
   * The default attribution needs only the URL; citations and the user's template (see
   * template.ts) name the title, the site, the authors and the date as well.
   */
  title?: string | null;
  siteName?: string | null;
  authors?: readonly string[];
  /** ISO 8601 as the page gives it (see dates/iso-date.ts). */
  publishedAt?: string | null;
  /** Language of the article: decides the label (Source / Источник / Mənbə). */
  language: string | null;
  /** The user's own label for the site, instead of the language's "Source". */
  label?: string | null;
  /**
   * A licensed page's credit (Creative Commons' "TASL"): the attribution then names the
   * title, the author and the licence as well as the source.
   */
  licence?: LicenceNotice | null;
}

/** What a licence credit names besides the source link. */
export interface LicenceNotice {
  /** "CC BY 4.0"; null when the page names a licence by its link only. */
  name: string | null;
  url: string | null;
  authors: readonly string[];
  /** The publisher's own credit line (schema.org creditText), shown instead of the authors. */
  creditText?: string | null;
}

/** The two clipboard flavours Linkback writes. */
export interface ClipboardPayload {
  plain: string;
  html: string;
}

const LABELS: Record<string, string> = { en: 'Source', ru: 'Источник', az: 'Mənbə' };
const LICENCE_LABELS: Record<string, string> = { en: 'License', ru: 'Лицензия', az: 'Lisenziya' };

/** Every label an attribution of Linkback's can start with. */
export const ATTRIBUTION_LABELS: readonly string[] = /* @__PURE__ */ Array.from(
  new Set(Object.values(LABELS)),
);
const DEFAULT_LABEL = 'Source';

/** Marks Linkback's own paragraph so a second copy of already-attributed text is recognised. */
export const ATTRIBUTION_MARKER = 'data-linkback';

function primaryOf(language: string | null): string {
  return (language ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
}

export function attributionLabel(language: string | null): string {
  return LABELS[primaryOf(language)] ?? DEFAULT_LABEL;
}

/** The label an attribution of `source` starts with: the user's for the site, else the language's. */
export function sourceLabel(source: AttributionSource): string {
  return source.label?.trim() || attributionLabel(source.language);
}

/** The TASL parts after the link: “Title”, Author. License: CC BY 4.0 (deed URL). */
function licenceParts(source: AttributionSource): {
  credit: string;
  licenceName: string | null;
  licenceUrl: string | null;
} | null {
  const licence = source.licence;
  if (!licence) return null;
  const title = source.title?.trim();
  const who = licence.creditText?.trim() || licence.authors.join(', ') || source.siteName?.trim();
  const credit = [title ? `“${title}”` : '', who ?? ''].filter(Boolean).join(', ');
  const licenceUrl = toHttpUrl(licence.url);
  const licenceName = licence.name?.trim() || null;
  return { credit, licenceName, licenceUrl };
}

function licenceLabel(language: string | null): string {
  return LICENCE_LABELS[primaryOf(language)] ?? 'License';
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The source's URL, which only http(s) may be: anything else is refused, never linked. */
export function requireHttpUrl(source: AttributionSource): string {
  const url = toHttpUrl(source.url);
  if (!url) throw new Error(`Refusing to link to a non-http(s) URL: ${source.url.slice(0, 100)}`);
  return url;
}

/**
 * What follows the link for a licensed page, as plain text: " — “Title”, Author. License:
 * CC BY 4.0 (https://…)". Empty for any other page.
 */
export function plainLicenceCredit(source: AttributionSource): string {
  const tasl = licenceParts(source);
  if (!tasl) return '';
  const { credit, licenceName, licenceUrl } = tasl;
  const licence = [licenceName, licenceUrl && (licenceName ? `(${licenceUrl})` : licenceUrl)]
    .filter(Boolean)
    .join(' ');
  return [
    credit && ` — ${credit}.`,
    licence && ` ${licenceLabel(source.language)}: ${licence}`,
  ].join('');
}

/** The same credit as HTML, the licence linked with rel="license". */
export function htmlLicenceCredit(source: AttributionSource): string {
  const tasl = licenceParts(source);
  if (!tasl) return '';
  const { licenceName, licenceUrl } = tasl;
  const licenceText = escapeHtml(licenceName ?? licenceUrl ?? '');
  const licence = licenceUrl
    ? `<a href="${escapeHtml(licenceUrl)}" rel="license">${licenceText}</a>`
    : licenceText;
  return (
    (tasl.credit ? ` — ${escapeHtml(tasl.credit)}.` : '') +
    (licence ? ` ${escapeHtml(licenceLabel(source.language))}: ${licence}` : '')
  );
}

/**
 * "Source: https://…" — the URL written out, so plain-text targets still show the link. A
 * licensed page's credit follows: "— “Title”, Author. License: CC BY 4.0 (https://…)".
 */
export function formatPlainAttribution(source: AttributionSource): string {
  return `${sourceLabel(source)}: ${requireHttpUrl(source)}${plainLicenceCredit(source)}`;
}

/**
 * `<p>Source: <a href="URL">URL</a></p>`. The anchor text is the URL itself: an editor or
 * site that flattens the HTML to text keeps the link readable, and editors that re-link
 * domain-like anchor text (Tiptap turned "Caliber.az" into href="http://Caliber.az")
 * re-link it to the same address.
 */
export function formatHtmlAttribution(source: AttributionSource): string {
  const url = escapeHtml(requireHttpUrl(source));
  return (
    `<p ${ATTRIBUTION_MARKER}="attribution">${escapeHtml(sourceLabel(source))}: ` +
    `<a href="${url}">${url}</a>${htmlLicenceCredit(source)}</p>`
  );
}

/** Linkback's own attribution of `source`, in both flavours (a user's template: template.ts). */
export function defaultAttribution(source: AttributionSource): ClipboardPayload {
  return { plain: formatPlainAttribution(source), html: formatHtmlAttribution(source) };
}

/**
 * The plain-text attribution `line` as it goes around a text: the line and then `gap` before
 * the text (placement "start"), or `gap` and then the line after it. A blank line, except
 * where a field holds one line only.
 */
export function plainAttributionAround(
  line: string,
  placement: LinkPlacement,
  gap = '\n\n',
): { before: string; after: string } {
  return placement === 'start'
    ? { before: `${line}${gap}`, after: '' }
    : { before: '', after: `${gap}${line}` };
}

/**
 * Adds the attribution (both flavours, see defaultAttribution and template.ts) to a copy, at
 * the end or (when the publisher asks) at the start.
 */
export function appendAttribution(
  payload: ClipboardPayload,
  attribution: ClipboardPayload,
  placement: LinkPlacement = 'end',
): ClipboardPayload {
  const { before, after } = plainAttributionAround(attribution.plain, placement);
  const plain = payload.plain.replace(/\s+$/, '');
  return placement === 'start'
    ? { plain: before + plain, html: `${attribution.html}${payload.html}` }
    : { plain: plain + after, html: `${payload.html}${attribution.html}` };
}

export type CitationFormat = 'plain' | 'html' | 'markdown';

/** A stand-alone citation for the popup's "copy citation" buttons. */
export function formatCitation(source: AttributionSource, format: CitationFormat): string {
  const url = requireHttpUrl(source);
  const title = source.title?.trim() || url;
  const site = source.siteName?.trim();
  switch (format) {
    case 'plain':
      return `${title}${site ? ` — ${site}` : ''}. ${url}`;
    case 'html':
      return `<a href="${escapeHtml(url)}">${escapeHtml(title)}</a>${site ? ` — ${escapeHtml(site)}` : ''}`;
    case 'markdown':
      return `[${title.replace(/([\\[\]])/g, '\\$1')}](<${url.replace(/[<>]/g, encodeURIComponent)}>)${site ? ` — ${site}` : ''}`;
  }
}
