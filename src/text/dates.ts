/**
 * Dates as council reports write them ("7th February 2011", "24 MAY2011", "Tuesday 13 June
 * 2017", "7-18th February 2011", "between 7 and 18 March 2011") turned into ISO dates.
 */

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_RE = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const DAY_RE = "(\\d{1,2})(?:st|nd|rd|th)?";
const WEEKDAY_RE = "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\\s+)?";
const YEAR_RE = "((?:19|20)\\d{2})";

/** A full date in the text, with where it stands. */
export interface FoundDate {
  iso: string;
  index: number;
  end: number;
}

function monthIndex(m: string): number {
  const k = m.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((x) => x.startsWith(k));
}

/** Builds an ISO date, or null when the parts do not make a real calendar date. */
export function isoDate(year: number, month0: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month0, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month0 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

const FULL_DATE = new RegExp(`\\b${WEEKDAY_RE}(?:the\\s+)?${DAY_RE}(?:\\s+of)?\\s*${MONTH_RE}\\.?,?\\s*${YEAR_RE}\\b`, "gi");
// 18/07/2022 or 18.07.2022 (the same separator twice).
const NUMERIC_DATE = /\b(\d{1,2})([/.])(\d{1,2})\2((?:19|20)\d{2})\b/g;

/** Every full date (day, month, year) in a string, in order. Numeric dates are read day-first (UK). */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    const iso = isoDate(Number(m[3]), monthIndex(m[2]), Number(m[1]));
    if (iso) out.push({ iso, index: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const iso = isoDate(Number(m[4]), Number(m[3]) - 1, Number(m[1]));
    if (iso) out.push({ iso, index: m.index!, end: m.index! + m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

const RANGE = new RegExp(
  `\\b${WEEKDAY_RE}(?:the\\s+)?${DAY_RE}(?:\\s+${MONTH_RE}\\.?)?(?:,?\\s+${YEAR_RE})?\\s*(?:-|–|to|and|until|till|through|\\s)\\s*(?:the\\s+)?${WEEKDAY_RE}${DAY_RE}\\s*${MONTH_RE}\\.?,?\\s*${YEAR_RE}\\b`,
  "gi",
);

/** A span of days, e.g. an inspection's fieldwork. */
export interface DateRange {
  start: string;
  end: string;
  index: number;
}

const NUMERIC_RANGE = /\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\s*(?:-|–|to|and|until)\s*(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\b/gi;

/** Finds "7 to 18 March 2011", "7-18th February 2011", "28 November 2011 13 December 2011", "18/07/2022 – 22/07/2022", "03.03.2014 - 14.03.2014" and the like. */
export function findRanges(text: string): DateRange[] {
  const out: DateRange[] = [];
  for (const m of text.matchAll(NUMERIC_RANGE)) {
    const start = isoDate(Number(m[3]), Number(m[2]) - 1, Number(m[1]));
    const end = isoDate(Number(m[6]), Number(m[5]) - 1, Number(m[4]));
    if (start && end && start <= end && daysBetween(start, end) <= 92) out.push({ start, end, index: m.index! });
  }
  for (const m of text.matchAll(RANGE)) {
    const [, d1, m1, y1, d2, m2, y2] = m;
    const endYear = Number(y2);
    const end = isoDate(endYear, monthIndex(m2), Number(d2));
    const startMonth = m1 ? monthIndex(m1) : monthIndex(m2);
    let startYear = y1 ? Number(y1) : endYear;
    // "28 December to 8 January 2013": the start is in the previous year.
    if (!y1 && startMonth > monthIndex(m2)) startYear -= 1;
    const start = isoDate(startYear, startMonth, Number(d1));
    if (start && end && start <= end && daysBetween(start, end) <= 92) out.push({ start, end, index: m.index! });
  }
  return out;
}

/** Whole days from a to b (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/** Adds calendar months, clamping to the month's end (31 January + 1 month = 28/29 February). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

const MONTH_NAMES = MONTHS.map((m) => m[0].toUpperCase() + m.slice(1));

/** "2011-03-25" → "25 March 2011". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** "2011-02-07" → "February 2011". */
export function formatMonthYear(iso: string): string {
  const [y, m] = iso.split("-").map(Number);
  return `${MONTH_NAMES[m - 1]} ${y}`;
}

/** "7 to 18 March 2011", "28 November to 13 December 2011", "30 December 2012 to 10 January 2013". */
export function formatRange(start: string | null, end: string | null): string {
  if (start && end && start !== end) {
    const [ys, ms, ds] = start.split("-").map(Number);
    const [ye, me] = end.split("-").map(Number);
    if (ys === ye && ms === me) return `${ds} to ${formatDate(end)}`;
    if (ys === ye) return `${ds} ${MONTH_NAMES[ms - 1]} to ${formatDate(end)}`;
    return `${formatDate(start)} to ${formatDate(end)}`;
  }
  const one = start ?? end;
  return one ? formatDate(one) : "dates not stated";
}
