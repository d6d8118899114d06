/**
 * Settings. This is the only module that reads `process.env`: everything else receives a
 * validated `Settings` object. Each problem is reported with the variable's name and how to
 * fix it, and start-up stops before anything listens.
 */
import { z } from "zod";
import { AppError } from "./errors.js";
import { LOG_LEVELS, type LogLevel } from "./log.js";

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

const boolish = z
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

const httpsUrl = optionalString.refine((s) => s === undefined || /^https?:\/\//.test(s), { message: "must be an http(s) URL" });

/** The settings a sovereign cloud must give together: with one, every one (the library has no defaults for the rest then). */
const CLOUD_REQUIRED = ["ToBotFromChannelOpenIdMetadataUrl", "ToBotFromChannelTokenIssuer", "ToChannelFromBotLoginUrl", "ToChannelFromBotOAuthScope"] as const;

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
    SLACK_BOT_TOKEN: optionalString.refine((s) => s === undefined || s.startsWith("xoxb-"), {
      message: "must be a bot token starting with xoxb- (Slack app > OAuth & Permissions)",
    }),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.refine((s) => s === undefined || s.startsWith("xapp-"), {
      message: "must be an app-level token starting with xapp- (Slack app > Basic Information > App-Level Tokens)",
    }),
    SLACK_API_URL: optionalString.refine((s) => s === undefined || /^https?:\/\//.test(s), {
      message: "must be an http(s) URL ending in /api/, e.g. https://slack.com/api/",
    }),
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z
      .enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"])
      .optional()
      .default("SingleTenant"),
    MicrosoftAppTenantId: optionalString,
    // A sovereign or private cloud: where the Bot Framework's tokens come from and go to
    // (botbuilder's own setting names; see adapters/teams/README.md).
    ToBotFromChannelOpenIdMetadataUrl: httpsUrl,
    ToBotFromChannelTokenIssuer: optionalString,
    ToBotFromEmulatorOpenIdMetadataUrl: httpsUrl,
    ToChannelFromBotLoginUrl: httpsUrl,
    ToChannelFromBotOAuthScope: optionalString,
    TEAMS_ALLOW_ANONYMOUS: boolish,
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
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_SIGNING_SECRET"],
        message:
          "is needed with SLACK_BOT_TOKEN for HTTP mode (Slack app > Basic Information > Signing Secret); or set SLACK_APP_TOKEN for Socket Mode",
      });
    }
    if (!env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN)) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_BOT_TOKEN"],
        message: "is needed when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set (Slack app > OAuth & Permissions > Bot User OAuth Token)",
      });
    }
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== "UserAssignedMSI") {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppPassword"],
        message: "is needed with MicrosoftAppId (Azure Bot > Configuration > Manage Password: a client secret)",
      });
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType === "SingleTenant" && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppTenantId"],
        message: "is needed for a SingleTenant bot (your Microsoft Entra tenant id); or set MicrosoftAppType=MultiTenant",
      });
    }
    const cloud = CLOUD_REQUIRED.filter((k) => env[k] !== undefined);
    if (cloud.length || env.ToBotFromEmulatorOpenIdMetadataUrl) {
      for (const k of CLOUD_REQUIRED.filter((k) => env[k] === undefined)) {
        ctx.addIssue({ code: "custom", path: [k], message: `is needed with ${cloud[0] ?? "ToBotFromEmulatorOpenIdMetadataUrl"}: a sovereign cloud's Bot Framework endpoints are set all together (see adapters/teams/README.md)` });
      }
    }
    if (env.MicrosoftAppPassword && !env.MicrosoftAppId) {
      ctx.addIssue({ code: "custom", path: ["MicrosoftAppId"], message: "is needed when MicrosoftAppPassword is set" });
    }
  });

/** Slack settings: HTTP mode when `signingSecret` is set, Socket Mode when `appToken` is set. */
export interface SlackSettings {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
}

/** Teams (Bot Framework) settings. `appId` undefined with `allowAnonymous` = Emulator/test mode. */
export interface TeamsSettings {
  appId?: string;
  appPassword?: string;
  appType: "SingleTenant" | "MultiTenant" | "UserAssignedMSI";
  tenantId?: string;
  allowAnonymous: boolean;
  /** A sovereign or private cloud's endpoints; undefined = Microsoft's public cloud. */
  cloud?: TeamsCloud;
}

/** Where a non-public Bot Framework cloud issues and checks tokens (botbuilder's setting names, camel-cased). */
export interface TeamsCloud {
  /** OpenID metadata whose JWKS signs the tokens the channel sends to the bot. */
  toBotFromChannelOpenIdMetadataUrl: string;
  /** The `iss` those tokens carry. */
  toBotFromChannelTokenIssuer: string;
  /** The Emulator's OpenID metadata (default: the channel's). */
  toBotFromEmulatorOpenIdMetadataUrl: string;
  /** Where the bot gets its own tokens for replies (an Entra login URL prefix). */
  toChannelFromBotLoginUrl: string;
  /** The scope of those tokens. */
  toChannelFromBotOAuthScope: string;
}

/** Every setting the bot reads, validated. */
export interface Settings {
  corpusDir: string;
  /** CORPUS_POLL_SECONDS: how often a running server looks for added, changed or removed reports (0: never). */
  corpusPollSeconds: number;
  dataDir: string;
  databaseUrl?: string;
  port: number;
  slack?: SlackSettings;
  teams?: TeamsSettings;
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
 * Reads and validates settings from an environment (default `process.env`).
 * @throws AppError `CONFIG_INVALID` naming every bad variable and how to fix it.
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".") || "environment"} ${i.message}`);
    throw new AppError("CONFIG_INVALID", `The settings are not valid:\n${lines.join("\n")}`, "Fix the variables above (see README, Settings) and start again.");
  }
  const e = parsed.data;
  const timeZone = e.DIGEST_TZ ?? "Europe/London";
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
  } catch {
    throw new AppError("CONFIG_INVALID", `DIGEST_TZ "${timeZone}" is not a time zone.`, "Use an IANA name such as Europe/London.");
  }
  const teamsWanted = Boolean(e.MicrosoftAppId) || e.TEAMS_ALLOW_ANONYMOUS;
  return {
    corpusDir: e.CORPUS_DIR ?? "seeds",
    corpusPollSeconds: e.CORPUS_POLL_SECONDS ?? 30,
    dataDir: e.DATA_DIR ?? "data",
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    slack: e.SLACK_BOT_TOKEN
      ? { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL }
      : undefined,
    teams: teamsWanted
      ? {
          appId: e.MicrosoftAppId,
          appPassword: e.MicrosoftAppPassword,
          appType: e.MicrosoftAppType,
          tenantId: e.MicrosoftAppTenantId,
          allowAnonymous: e.TEAMS_ALLOW_ANONYMOUS && !e.MicrosoftAppId,
          cloud: e.ToBotFromChannelOpenIdMetadataUrl
            ? {
                toBotFromChannelOpenIdMetadataUrl: e.ToBotFromChannelOpenIdMetadataUrl,
                toBotFromChannelTokenIssuer: e.ToBotFromChannelTokenIssuer!,
                toBotFromEmulatorOpenIdMetadataUrl: e.ToBotFromEmulatorOpenIdMetadataUrl ?? e.ToBotFromChannelOpenIdMetadataUrl,
                toChannelFromBotLoginUrl: e.ToChannelFromBotLoginUrl!,
                toChannelFromBotOAuthScope: e.ToChannelFromBotOAuthScope!,
              }
            : undefined,
        }
      : undefined,
    adminUsers: (e.ADMIN_USERS ?? "").split(/[\s,]+/).filter(Boolean),
    logLevel: e.LOG_LEVEL,
    digest: { timeZone, time: e.DIGEST_TIME ?? "09:00", days: (e.DIGEST_DAYS ?? "weekdays").toLowerCase() },
    questionLogDays: e.QUESTION_LOG_DAYS,
  };
}
