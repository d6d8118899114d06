/** `--since 7d` and `feedback 2w`: a period back from now, or a date. */
import { AppError } from "../errors.js";

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * The instant `text` names: `12h`, `7d`, `2w` back from `now`, or a date `YYYY-MM-DD` (its
 * start, UTC).
 * @throws AppError BAD_REQUEST for anything else
 */
export function parseSince(text: string, now: Date): Date {
  const t = text.trim().toLowerCase();
  const rel = /^(\d{1,4})\s*([hdw])$/.exec(t);
  if (rel) return new Date(now.getTime() - Number(rel[1]) * UNIT_MS[rel[2]]);
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const d = new Date(`${t}T00:00:00.000Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(t)) return d;
  }
  throw new AppError("BAD_REQUEST", `"${text}" is not a period or a date.`, "Give hours, days or weeks back from now (12h, 7d, 2w) or a date (2026-11-01).");
}
