/**
 * Dates as news sites print them ("02 December 2025 09:19", "25 Июня 2026 17:24",
 * "3 İyun 2026 10:05"), in the site's local time, turned into ISO 8601 with the
 * site's offset. Reusable by any publisher rule; the month names are in months.ts.
 */
import { formatIsoDateTime, normaliseOffset } from './iso-date';
import { ALL_MONTHS, monthNumber, type MonthTable } from './months';

/**
 * "DD Month YYYY[,] [HH:MM[:SS]]" — day first, as Caliber and most Russian and
 * Azerbaijani sites print it. The month is any run of letters (incl. İ/ı/ё) and an
 * optional abbreviation dot; the table decides whether it is a month.
 */
const DAY_MONTH_YEAR =
  /^(\d{1,2})\s+([\p{L}\u0307]+\.?)\s+(\d{4})(?:\s*(?:,|\s)\s*(?:в\s+|saat\s+|at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u;

/**
 * Parses a date as a site shows it, in the site's local time, to ISO 8601 with the
 * given offset: parseSiteLocalDate("02 December 2025 09:19", "+04:00") →
 * "2025-12-02T09:19:00+04:00". Date without a time → "2025-12-02".
 * Null for anything else: unknown month, impossible day/time, bad offset.
 */
export function parseSiteLocalDate(
  text: string,
  offset: string,
  months: MonthTable = ALL_MONTHS,
): string | null {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed.length === 0 || trimmed.length > 64) return null;
  const normalisedOffset = normaliseOffset(offset);
  if (normalisedOffset === null) return null;
  const match = DAY_MONTH_YEAR.exec(trimmed);
  if (!match) return null;
  const [, day, monthName = '', year, hour, minute, second] = match;
  const month = monthNumber(monthName, months);
  if (month === null) return null;
  return formatIsoDateTime(
    {
      year: Number(year),
      month,
      day: Number(day),
      hour: hour === undefined ? undefined : Number(hour),
      minute: minute === undefined ? undefined : Number(minute),
      second: second === undefined ? undefined : Number(second),
    },
    normalisedOffset,
  );
}
