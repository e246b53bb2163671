import type { LinkPlacement } from '../publishers/types';
import { toHttpUrl } from '../url';

/** What an attribution points at. */
export interface AttributionSource {
  /** The article's canonical URL; only http(s) is ever linked. */
  url: string;
  /** Only citations use the title and site name; the attribution itself needs the URL. */
  title?: string | null;
  siteName?: string | null;
  /** Language of the article: decides the label (Source / Источник / Mənbə). */
  language: string | null;
}

/** The two clipboard flavours Linkback writes. */
export interface ClipboardPayload {
  plain: string;
  html: string;
}

const LABELS: Record<string, string> = { en: 'Source', ru: 'Источник', az: 'Mənbə' };

/** Every label an attribution of Linkback's can start with. */
export const ATTRIBUTION_LABELS: readonly string[] = [...new Set(Object.values(LABELS))];
const DEFAULT_LABEL = 'Source';

/** Marks Linkback's own paragraph so a second copy of already-attributed text is recognised. */
export const ATTRIBUTION_MARKER = 'data-linkback';

export function attributionLabel(language: string | null): string {
  const primary = (language ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return LABELS[primary] ?? DEFAULT_LABEL;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function requireHttpUrl(source: AttributionSource): string {
  const url = toHttpUrl(source.url);
  if (!url) throw new Error(`Refusing to link to a non-http(s) URL: ${source.url.slice(0, 100)}`);
  return url;
}

/** "Source: https://…" — the URL written out, so plain-text targets still show the link. */
export function formatPlainAttribution(source: AttributionSource): string {
  return `${attributionLabel(source.language)}: ${requireHttpUrl(source)}`;
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
    `<p ${ATTRIBUTION_MARKER}="attribution">${escapeHtml(attributionLabel(source.language))}: ` +
    `<a href="${url}">${url}</a></p>`
  );
}

/**
 * The plain-text attribution as it goes around a text: the line and then `gap` before the
 * text (placement "start"), or `gap` and then the line after it. A blank line, except where
 * a field holds one line only.
 */
export function plainAttributionAround(
  source: AttributionSource,
  placement: LinkPlacement,
  gap = '\n\n',
): { before: string; after: string } {
  const line = formatPlainAttribution(source);
  return placement === 'start'
    ? { before: `${line}${gap}`, after: '' }
    : { before: '', after: `${gap}${line}` };
}

/** Adds the attribution to both flavours, at the end or (when the publisher asks) at the start. */
export function appendAttribution(
  payload: ClipboardPayload,
  source: AttributionSource,
  placement: LinkPlacement = 'end',
): ClipboardPayload {
  const { before, after } = plainAttributionAround(source, placement);
  const htmlParagraph = formatHtmlAttribution(source);
  const plain = payload.plain.replace(/\s+$/, '');
  return placement === 'start'
    ? { plain: before + plain, html: `${htmlParagraph}${payload.html}` }
    : { plain: plain + after, html: `${payload.html}${htmlParagraph}` };
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
