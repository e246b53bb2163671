/**
 * Normalises machine-readable dates from metadata (JSON-LD, meta tags, <time datetime>)
 * to one ISO 8601 shape, keeping the source's own offset instead of converting to UTC:
 *   "2025-12-02T09:19:00+04:00"  when the source has an offset ("Z" becomes "+00:00"),
 *   "2025-12-02T09:19:00"        when it has a time but no offset (we don't guess one),
 *   "2025-12-02"                 when it has a date only.
 * Anything else (or an impossible date such as 31 February) gives null.
 */
import { ENGLISH_MONTHS, monthNumber } from './months';

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return isLeap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when the parts name a real moment (no 31 February, no 24:61). */
export function isValidLocalDateTime(parts: LocalDateTime): boolean {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = parts;
  if (![year, month, day, hour, minute, second].every(Number.isInteger)) return false;
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  if (month < 1 || month > 12) return false;
  if (day < 1 || day > daysInMonth(year, month)) return false;
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
}

/** "+0400", "+04", "+04:00", "Z", "UTC" → "+04:00" / "+00:00"; null when malformed. */
export function normaliseOffset(raw: string): string | null {
  if (/^(?:z|utc|gmt)$/i.test(raw)) return '+00:00';
  const match = /^([+-])(\d{2})(?::?(\d{2}))?$/.exec(raw);
  if (!match) return null;
  const [, sign, hours = '', minutes = '00'] = match;
  if (Number(hours) > 14 || Number(minutes) > 59) return null;
  return `${sign}${hours}:${minutes}`;
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

/**
 * Formats validated parts as ISO 8601; the offset (already normalised) is appended
 * only when there is a time. Returns null for impossible dates.
 */
export function formatIsoDateTime(parts: LocalDateTime, offset: string | null): string | null {
  if (!isValidLocalDateTime(parts)) return null;
  const date = `${parts.year}-${pad2(parts.month)}-${pad2(parts.day)}`;
  if (parts.hour === undefined) return date;
  const time = `${pad2(parts.hour)}:${pad2(parts.minute ?? 0)}:${pad2(parts.second ?? 0)}`;
  return `${date}T${time}${offset ?? ''}`;
}

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?)?$/i;

// RFC 2822 / HTTP dates ("Tue, 02 Dec 2025 09:19:00 +0400") still appear in `date` meta tags.
const RFC_2822_PATTERN =
  /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(z|utc|gmt|[+-]\d{4})?)?$/i;

function optionalNumber(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}

function parseIsoLike(text: string): string | null {
  const match = ISO_PATTERN.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, offset] = match;
  const normalisedOffset = offset === undefined ? null : normaliseOffset(offset);
  if (offset !== undefined && normalisedOffset === null) return null;
  return formatIsoDateTime(
    {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: optionalNumber(hour),
      minute: optionalNumber(minute),
      second: optionalNumber(second),
    },
    normalisedOffset,
  );
}

function parseRfc2822(text: string): string | null {
  const match = RFC_2822_PATTERN.exec(text);
  if (!match) return null;
  const [, day, monthName = '', year, hour, minute, second, offset] = match;
  const month = monthNumber(monthName, ENGLISH_MONTHS);
  if (month === null) return null;
  const normalisedOffset = offset === undefined ? null : normaliseOffset(offset);
  if (offset !== undefined && normalisedOffset === null) return null;
  return formatIsoDateTime(
    {
      year: Number(year),
      month,
      day: Number(day),
      hour: optionalNumber(hour),
      minute: optionalNumber(minute),
      second: optionalNumber(second),
    },
    normalisedOffset,
  );
}

/** A metadata date in ISO 8601 (see the module comment), or null. */
export function normaliseMachineDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  // A real date is short; don't run patterns over a hostile megabyte.
  if (text.length === 0 || text.length > 64) return null;
  return parseIsoLike(text) ?? parseRfc2822(text);
}

/** The offset of a normalised date ("2025-03-04T10:00:00+03:00" → "+03:00"); null without one. */
export function isoDateOffset(iso: string): string | null {
  return /T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?([+-]\d{2}:\d{2})$/.exec(iso)?.[1] ?? null;
}

/** Minutes east of UTC of an offset such as "+05:30" (330) or "-04:00" (-240); null when malformed. */
export function offsetMinutes(offset: string): number | null {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** "+03:00" → "UTC+3", "+05:30" → "UTC+5:30", "-04:00" → "UTC-4", "+00:00" → "UTC". */
export function formatUtcOffset(offset: string): string | null {
  const minutes = offsetMinutes(offset);
  if (minutes === null) return null;
  if (minutes === 0) return 'UTC';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${minutes < 0 ? '-' : '+'}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}
