/**
 * Calendar arithmetic for due dates and the digest. Dates are ISO `YYYY-MM-DD` strings;
 * "today" is always a clock instant seen in the digest time zone (DIGEST_TZ), because a
 * council in London and a server in UTC disagree about the date for an hour each night.
 */

/** Three-letter lower-case weekday names, Monday first. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
/** A weekday as DIGEST_DAYS spells it. */
export type Weekday = (typeof WEEKDAYS)[number];

/** An instant as seen on a wall clock in one time zone. */
export interface LocalTime {
  /** YYYY-MM-DD */
  day: string;
  /** HH:MM, 24-hour */
  time: string;
  weekday: Weekday;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock day, time and weekday of `at` in `timeZone` (an IANA name). */
export function localTime(at: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) parts[p.type] = p.value;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: parts.weekday.toLowerCase().slice(0, 3) as Weekday,
  };
}

/** The ISO date of `at` in `timeZone`. */
export function localDay(at: Date, timeZone: string): string {
  return localTime(at, timeZone).day;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Whole days from `from` to `to` (both ISO dates): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  // UTC midnights: no daylight-saving hour can make a day 23 or 25 hours long here.
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** The weekday of an ISO date. */
export function weekdayOf(day: string): Weekday {
  const js = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(js + 6) % 7];
}

/**
 * How long ago `from` was, as of `to` (ISO dates), in the words a digest uses: "today",
 * "5 days ago", "3 months ago", "1 year 4 months ago".
 */
export function howLongAgo(from: string, to: string): string {
  const days = daysBetween(from, to);
  if (days <= 0) return days === 0 ? "today" : `in ${-days} day${days === -1 ? "" : "s"}`;
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  if (months < 1) return `${days} day${days === 1 ? "" : "s"} ago`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const y = years ? `${years} year${years === 1 ? "" : "s"}` : "";
  const m = rest ? `${rest} month${rest === 1 ? "" : "s"}` : "";
  return `${[y, m].filter(Boolean).join(" ")} ago`;
}
