import type { ArticleSpan } from '../utils/core/republication/report';
import { t, uiLanguage, type MessageKey } from './i18n';

/**
 * Numbers, shares, dates and parts of an article as the interface language writes them
 * ("12,345" / "12 345" / "12.345"). `locale` is for tests; the pages leave it out.
 */

/**
 * One formatter per kind and locale, made on first use: making an Intl formatter costs about
 * as much as a hundred formats with it, and the history page formats hundreds of dates and
 * numbers as it opens.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(
  kind: string,
  locale: string,
  make: () => F,
): F {
  const key = `${kind} ${locale}`;
  let made = formatters.get(key) as F | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}

export function formatNumber(value: number, locale = uiLanguage()): string {
  return formatter('number', locale, () => new Intl.NumberFormat(locale)).format(value);
}

/** A share (0–1) as a whole percentage; a share too small to round to 1% is "<1%", never "0%". */
export function formatShare(share: number, locale = uiLanguage()): string {
  const percent = formatter(
    'percent',
    locale,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  );
  return share > 0 && share < 0.005 ? `<${percent.format(0.01)}` : percent.format(share);
}

/** A moment the user did something (a copy, a paste), with its time. */
export function formatDateTime(epochMs: number, locale = uiLanguage()): string {
  return formatter(
    'moment',
    locale,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(epochMs);
}

/**
 * The day of an ISO date ("2025-12-02T09:19:00+04:00" → "Dec 2, 2025"): the day as the
 * page wrote it, whatever the reader's zone. Null for anything else.
 */
export function formatDay(iso: string | null, locale = uiLanguage()): string | null {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso ?? '')?.[0];
  const midnight = day ? new Date(`${day}T00:00:00Z`) : null;
  if (!midnight || Number.isNaN(midnight.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(midnight);
}

const THIRDS: ReadonlyArray<[MessageKey, number, number]> = [
  ['articlePartStart', 0, 1 / 3],
  ['articlePartMiddle', 1 / 3, 2 / 3],
  ['articlePartEnd', 2 / 3, 1],
];

/**
 * Which thirds of an article the spans touch, in words: "beginning and end". The text
 * equivalent of the strip that draws them.
 */
export function describeArticleParts(spans: readonly ArticleSpan[], locale = uiLanguage()): string {
  const parts = THIRDS.filter(([, from, to]) =>
    spans.some((span) => span.start < to && span.end > from),
  ).map(([key]) => t(key));
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts);
}
