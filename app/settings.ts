/**
 * The running bot's settings: the core's and each chat platform's, composed in the one
 * place that wires the app together (the adapters own their parts).
 */
import { loadSettings } from "../src/config.js";
import { slackSettings } from "../adapters/slack/settings.js";
import { teamsSettings } from "../adapters/teams/settings.js";

/** The platforms whose settings `npm start` reads. */
export const PLATFORM_SETTINGS = { slack: slackSettings, teams: teamsSettings };

/** The core's settings with `slack` and `teams` (each undefined when not configured). */
export type AppSettings = ReturnType<typeof loadAppSettings>;

/** Reads and validates every setting `npm start` needs (default: the environment, which only src/config.ts reads). */
export function loadAppSettings(env?: NodeJS.ProcessEnv) {
  return loadSettings(env, PLATFORM_SETTINGS);
}
