/**
 * Month names in English, Russian (genitive and nominative) and Azerbaijani, any case,
 * each language once: site dates (site-date.ts) and RFC 2822 dates in metadata
 * (iso-date.ts) both look months up here.
 */

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
