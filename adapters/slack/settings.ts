/**
 * Slack's settings, owned here and composed by src/config.ts: the variables, the rules
 * between them, and what the adapter gets. HTTP mode when `signingSecret` is set, Socket
 * Mode when `appToken` is set.
 */
import { optionalString, type SettingsPart } from "../../src/config.js";

/** What the Slack adapter needs. */
export interface SlackSettings {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
}

const fields = {
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
};

type Env = { [K in keyof typeof fields]?: string };

/** SLACK_BOT_TOKEN and its companions. */
export const slackSettings: SettingsPart<SlackSettings> = {
  fields,
  check(raw, ctx) {
    const env = raw as Env;
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_SIGNING_SECRET"],
        message: "is needed with SLACK_BOT_TOKEN for HTTP mode (Slack app > Basic Information > Signing Secret); or set SLACK_APP_TOKEN for Socket Mode",
      });
    }
    if (!env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN)) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_BOT_TOKEN"],
        message: "is needed when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set (Slack app > OAuth & Permissions > Bot User OAuth Token)",
      });
    }
  },
  read(raw) {
    const env = raw as Env;
    return env.SLACK_BOT_TOKEN
      ? { botToken: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET, appToken: env.SLACK_APP_TOKEN, apiUrl: env.SLACK_API_URL }
      : undefined;
  },
};
