/**
 * Reference-list entries for a news article in the three styles writers are asked for:
 * APA 7 (news website), MLA 9 and Chicago 17 (bibliography). Plain text, as pasted into a
 * document; the URL is written out. Dates in English follow each style's own pattern; in
 * another interface language the date is written as that language writes dates, the rest
 * of the entry keeps the style's punctuation.
 */
import { toHttpUrl } from '../url';

export const CITATION_STYLES = ['apa', 'mla', 'chicago'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export interface CitedArticle {
  url: string;
  title: string | null;
  authors: readonly string[];
  siteName: string | null;
  /** ISO 8601; only its calendar date is cited, as the page gives it. */
  publishedAt: string | null;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** MLA abbreviates months of more than four letters. */
const MLA_MONTHS = [
  'Jan.',
  'Feb.',
  'Mar.',
  'Apr.',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];

interface CalendarDate {
  year: number;
  month: number; // 0-based
  day: number;
}

/** The date as written in the ISO string (the publisher's own day), not shifted to a zone. */
function calendarDate(iso: string | null): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  return month >= 0 && month < 12 && day >= 1 && day <= 31 ? { year, month, day } : null;
}

function fromDate(date: Date): CalendarDate {
  return { year: date.getFullYear(), month: date.getMonth(), day: date.getDate() };
}

function localDate(date: CalendarDate, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(date.year, date.month, date.day));
}

/** "Anna Smirnova" → { given: "Anna", family: "Smirnova" }; one word is a family name. */
function nameParts(name: string): { given: string; family: string } {
  const words = name.trim().split(/\s+/);
  const family = words.pop() ?? '';
  return { given: words.join(' '), family };
}

const initials = (given: string) =>
  given
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => `${part[0]?.toUpperCase() ?? ''}.`)
    .join(' ');

/** "Smirnova, A., & Petrov, I." */
function apaAuthors(authors: readonly string[]): string {
  const names = authors.map((author) => {
    const { given, family } = nameParts(author);
    return given ? `${family}, ${initials(given)}` : family;
  });
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]}`;
}

/** "Smirnova, Anna", "Smirnova, Anna, and Ivan Petrov", "Smirnova, Anna, et al." */
function mlaAuthors(authors: readonly string[]): string {
  if (authors.length === 0) return '';
  const first = nameParts(authors[0] ?? '');
  const inverted = first.given ? `${first.family}, ${first.given}` : first.family;
  if (authors.length === 1) return inverted;
  if (authors.length === 2) return `${inverted}, and ${authors[1]}`;
  return `${inverted}, et al.`;
}

/** Chicago lists up to ten: "Smirnova, Anna, Ivan Petrov, and Leyla Aliyeva". */
function chicagoAuthors(authors: readonly string[]): string {
  if (authors.length === 0) return '';
  const first = nameParts(authors[0] ?? '');
  const inverted = first.given ? `${first.family}, ${first.given}` : first.family;
  const rest = authors.slice(1);
  if (rest.length === 0) return inverted;
  if (rest.length === 1) return `${inverted}, and ${rest[0]}`;
  return `${inverted}, ${rest.slice(0, -1).join(', ')}, and ${rest[rest.length - 1]}`;
}

/** Ends a part with a full stop unless it already ends with punctuation. */
const closed = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);

export function formatStyledCitation(
  article: CitedArticle,
  style: CitationStyle,
  options: { accessed: Date; locale?: string },
): string {
  const url = toHttpUrl(article.url);
  if (!url) throw new Error('Refusing to cite a non-http(s) URL');
  const english = !options.locale || options.locale.toLowerCase().startsWith('en');
  const title = article.title?.trim() || url;
  const site = article.siteName?.trim() ?? '';
  const published = calendarDate(article.publishedAt);
  const accessed = fromDate(options.accessed);
  const date = (value: CalendarDate, pattern: (d: CalendarDate) => string) =>
    english ? pattern(value) : localDate(value, options.locale ?? 'en');

  switch (style) {
    case 'apa': {
      const when = published
        ? date(published, (d) => `${d.year}, ${EN_MONTHS[d.month]} ${d.day}`)
        : 'n.d.';
      const authors = apaAuthors(article.authors);
      const head = authors
        ? `${closed(authors)} (${when}). ${closed(title)}`
        : `${closed(title)} (${when}).`;
      return [head, site && closed(site), url].filter(Boolean).join(' ');
    }
    case 'mla': {
      const authors = mlaAuthors(article.authors);
      const mlaDate = (d: CalendarDate) => `${d.day} ${MLA_MONTHS[d.month]} ${d.year}`;
      const container = [site, published && date(published, mlaDate), url]
        .filter(Boolean)
        .join(', ');
      return [
        authors && closed(authors),
        `“${closed(title)}”`,
        closed(container),
        `Accessed ${date(accessed, mlaDate)}.`,
      ]
        .filter(Boolean)
        .join(' ');
    }
    case 'chicago': {
      const authors = chicagoAuthors(article.authors);
      const chicagoDate = (d: CalendarDate) => `${EN_MONTHS[d.month]} ${d.day}, ${d.year}`;
      const when = published
        ? date(published, chicagoDate)
        : `Accessed ${date(accessed, chicagoDate)}`;
      return [
        authors && closed(authors),
        `“${closed(title)}”`,
        `${[site, when].filter(Boolean).join(', ')}.`,
        closed(url),
      ]
        .filter(Boolean)
        .join(' ');
    }
  }
}
