/**
 * Settings. This is the only module that reads `process.env`: everything else receives a
 * validated `Settings` object. Each problem is reported with the variable's name and how to
 * fix it, and start-up stops before anything listens.
 */
import { z } from "zod";
import { AppError } from "./errors.js";
import { LOG_LEVELS, type LogLevel } from "./log.js";

/** A variable that may be unset or blank (both mean unset). */
export const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

/** true/false, yes/no, on/off, 1/0; unset = false. */
export const boolish = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined || s === "") return false;
    if (["1", "true", "yes", "on"].includes(s)) return true;
    if (["0", "false", "no", "off"].includes(s)) return false;
    ctx.addIssue({ code: "custom", message: "must be true or false" });
    return z.NEVER;
  });

/** How long questions are kept (unanswered ones and those voted on) when QUESTION_LOG_DAYS is not set. */
export const DEFAULT_QUESTION_LOG_DAYS = 30;

const schema = z
  .object({
    CORPUS_DIR: optionalString,
    CORPUS_POLL_SECONDS: z
      .string()
      .optional()
      .transform((s) => (s === undefined || s === "" ? undefined : Number(s)))
      .refine((n) => n === undefined || (Number.isInteger(n) && n >= 0), { message: "must be a whole number of seconds (0 turns watching off)" }),
    DATA_DIR: optionalString,
    DATABASE_URL: optionalString.refine((s) => s === undefined || /^postgres(ql)?:\/\//.test(s), {
      message: "must start with postgres:// or postgresql://",
    }),
    PORT: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (s === undefined || s.trim() === "") return 3978;
        const n = Number(s);
        if (!Number.isInteger(n) || n < 0 || n > 65535) {
          ctx.addIssue({ code: "custom", message: "must be a port number between 0 and 65535" });
          return z.NEVER;
        }
        return n;
      }),
    ADMIN_USERS: optionalString,
    LOG_LEVEL: z.enum(LOG_LEVELS).optional().default("info"),
    DIGEST_TZ: optionalString,
    DIGEST_TIME: optionalString.refine((s) => s === undefined || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), {
      message: "must be HH:MM (24-hour), e.g. 09:00",
    }),
    QUESTION_LOG_DAYS: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (s === undefined || s.trim() === "") return DEFAULT_QUESTION_LOG_DAYS;
        const n = Number(s);
        if (!Number.isInteger(n) || n < 0 || n > 3650) {
          ctx.addIssue({ code: "custom", message: "must be a whole number of days from 0 (keep nothing) to 3650, e.g. 30" });
          return z.NEVER;
        }
        return n;
      }),
    DIGEST_DAYS: optionalString.refine(
      (s) => s === undefined || /^(weekdays|daily|(mon|tue|wed|thu|fri|sat|sun)(,(mon|tue|wed|thu|fri|sat|sun))*)$/i.test(s),
      { message: "must be weekdays, daily, or a comma list such as mon,wed,fri" },
    ),
  });

/** Every setting the bot reads, validated. */
export interface Settings {
  corpusDir: string;
  /** CORPUS_POLL_SECONDS: how often a running server looks for added, changed or removed reports (0: never). */
  corpusPollSeconds: number;
  dataDir: string;
  databaseUrl?: string;
  port: number;
  adminUsers: string[];
  /** LOG_LEVEL: how much the JSON log on stderr says (default info). */
  logLevel: LogLevel;
  digest: { timeZone: string; time: string; days: string };
  /**
   * QUESTION_LOG_DAYS: days unanswered questions and feedback (both hold question text) are
   * kept; 0 keeps nothing at all. Undefined = DEFAULT_QUESTION_LOG_DAYS.
   */
  questionLogDays?: number;
}

/**
 * The settings of one chat platform, owned by its adapter (adapters/slack/settings.ts,
 * adapters/teams/settings.ts): its variables, the rules between them, and what it makes
 * of them (undefined when the platform is not configured).
 */
export interface SettingsPart<T> {
  fields: z.ZodRawShape;
  /** Rules between the part's variables; report each problem on `ctx` with the variable as path. */
  check?(env: Record<string, unknown>, ctx: z.RefinementCtx): void;
  read(env: Record<string, unknown>): T | undefined;
}

/** The platform settings a set of parts adds: `{ slack?: SlackSettings, teams?: TeamsSettings }`. */
export type PartSettings<P extends Record<string, SettingsPart<unknown>>> = { [K in keyof P]?: NonNullable<ReturnType<P[K]["read"]>> };

/**
 * Reads and validates settings from an environment (default `process.env`): the core's,
 * and those of each platform part given (the wiring in src/cli passes Slack's and Teams').
 * @throws AppError `CONFIG_INVALID` naming every bad variable and how to fix it.
 */
export function loadSettings<P extends Record<string, SettingsPart<unknown>> = Record<never, SettingsPart<unknown>>>(
  env: NodeJS.ProcessEnv = process.env,
  parts: P = {} as P,
): Settings & PartSettings<P> {
  const all = Object.values(parts);
  const composed = all.length
    ? schema.extend(Object.assign({}, ...all.map((p) => p.fields))).superRefine((e, ctx) => {
        for (const p of all) p.check?.(e, ctx);
      })
    : schema;
  const parsed = composed.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".") || "environment"} ${i.message}`);
    throw new AppError("CONFIG_INVALID", `The settings are not valid:\n${lines.join("\n")}`, "Fix the variables above (see README, Settings) and start again.");
  }
  const e = parsed.data as z.infer<typeof schema> & Record<string, unknown>;
  const timeZone = e.DIGEST_TZ ?? "Europe/London";
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
  } catch {
    throw new AppError("CONFIG_INVALID", `DIGEST_TZ "${timeZone}" is not a time zone.`, "Use an IANA name such as Europe/London.");
  }
  const platforms = Object.fromEntries(Object.entries(parts).map(([name, p]) => [name, p.read(e)])) as PartSettings<P>;
  return {
    ...platforms,
    corpusDir: e.CORPUS_DIR ?? "seeds",
    corpusPollSeconds: e.CORPUS_POLL_SECONDS ?? 30,
    dataDir: e.DATA_DIR ?? "data",
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    adminUsers: (e.ADMIN_USERS ?? "").split(/[\s,]+/).filter(Boolean),
    logLevel: e.LOG_LEVEL,
    digest: { timeZone, time: e.DIGEST_TIME ?? "09:00", days: (e.DIGEST_DAYS ?? "weekdays").toLowerCase() },
    questionLogDays: e.QUESTION_LOG_DAYS,
  };
}
