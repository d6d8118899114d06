/**
 * When a subscription's digest is due: pure functions of the clock, the subscription and
 * the digest settings (DIGEST_TZ, DIGEST_DAYS), so the scheduler's timing is testable
 * without waiting for a morning.
 */
import { localTime, WEEKDAYS, type Weekday } from "../actions/dates.js";
import type { Settings } from "../config.js";
import type { Subscription } from "../store/types.js";

/** "weekdays" | "daily" | "mon,wed,fri" -> the days a digest goes out. */
export function parseDigestDays(spec: string): Set<Weekday> {
  const s = spec.trim().toLowerCase();
  if (s === "daily") return new Set(WEEKDAYS);
  if (s === "weekdays" || s === "") return new Set(WEEKDAYS.slice(0, 5));
  const days = s.split(",").map((d) => d.trim().slice(0, 3));
  return new Set(WEEKDAYS.filter((d) => days.includes(d)));
}

/** Whether a digest goes out today, and for which day (ISO, in the digest time zone). */
export interface DueCheck {
  due: boolean;
  day: string;
  /** Why not, for logs: "not a digest day", "before 09:00", "subscribed after 09:00 today". */
  reason?: string;
}

/**
 * A subscription is due once its time has passed today (so a digest missed while the bot
 * was down still goes out when it is back, the same day), on digest days only. A
 * subscription made today after its time starts tomorrow: subscribing at 10:00 for 09:00
 * should not post at once.
 */
export function isDue(sub: Subscription, now: Date, settings: Pick<Settings["digest"], "timeZone" | "days">, days = parseDigestDays(settings.days)): DueCheck {
  const local = localTime(now, settings.timeZone);
  if (!days.has(local.weekday)) return { due: false, day: local.day, reason: "not a digest day" };
  if (local.time < sub.time) return { due: false, day: local.day, reason: `before ${sub.time}` };
  const made = localTime(new Date(sub.createdAt), settings.timeZone);
  if (made.day === local.day && made.time > sub.time) return { due: false, day: local.day, reason: `subscribed after ${sub.time} today` };
  return { due: true, day: local.day };
}
