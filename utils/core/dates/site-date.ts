/**
 * Dates as news sites print them ("02 December 2025 09:19", "25 Июня 2026 17:24",
 * "3 İyun 2026 10:05"), in the site's local time, turned into ISO 8601 with the
 * site's offset. Month names in English, Russian (genitive and nominative) and
 * Azerbaijani, any case. Reusable by any publisher rule.
 */
import { formatIsoDateTime, normaliseOffset } from './iso-date';

export type MonthTable = Readonly<Record<string, number>>;

function monthTable(names: readonly (readonly string[])[]): MonthTable {
  const table: Record<string, number> = {};
  names.forEach((forms, index) => {
    for (const form of forms) table[form] = index + 1;
  });
  return table;
}

export const ENGLISH_MONTHS: MonthTable = monthTable([
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
]);

/** Genitive ("25 июня") as the sites print dates, and nominative ("июнь") as some do. */
export const RUSSIAN_MONTHS: MonthTable = monthTable([
  ['января', 'январь'],
  ['февраля', 'февраль'],
  ['марта', 'март'],
  ['апреля', 'апрель'],
  ['мая', 'май'],
  ['июня', 'июнь'],
  ['июля', 'июль'],
  ['августа', 'август'],
  ['сентября', 'сентябрь'],
  ['октября', 'октябрь'],
  ['ноября', 'ноябрь'],
  ['декабря', 'декабрь'],
]);

/** Stored in folded form (see foldMonthName): "İyun" is looked up as "iyun". */
export const AZERBAIJANI_MONTHS: MonthTable = monthTable([
  ['yanvar'],
  ['fevral'],
  ['mart'],
  ['aprel'],
  ['may'],
  ['iyun'],
  ['iyul'],
  ['avqust'],
  ['sentyabr'],
  ['oktyabr'],
  ['noyabr'],
  ['dekabr'],
]);

/** The three tables together; no name means different months in two languages. */
export const ALL_MONTHS: MonthTable = {
  ...ENGLISH_MONTHS,
  ...RUSSIAN_MONTHS,
  ...AZERBAIJANI_MONTHS,
};

/**
 * Case-folds a month name so every spelling meets the table: "İYUN", "İyun", "Iyun"
 * and "ıyun" all become "iyun" ("İ".toLowerCase() is "i" + a combining dot, which is
 * dropped; dotless "ı" becomes "i"); "ё" becomes "е".
 */
export function foldMonthName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/\u0307/g, '')
    .replace(/ı/g, 'i')
    .replace(/ё/g, 'е')
    .replace(/\.$/, '');
}

/** Month number 1–12, or null for an unknown name. */
export function monthNumber(name: string, months: MonthTable = ALL_MONTHS): number | null {
  const month = months[foldMonthName(name)];
  return month === undefined ? null : month;
}

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
