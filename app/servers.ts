/**
 * Starts the chat platforms the settings ask for on one HTTP port (Slack and Teams side by
 * side, GET /healthz beside them), the actions store, and the daily digest scheduler.
 * The server listens before the corpus is loaded, so /healthz says 503 until it is.
 */
import type { Bot } from "../src/bot.js";
import { systemClock, type Clock } from "../src/clock.js";
import type { AppSettings } from "./settings.js";
import { openActions } from "../src/actions/runtime.js";
import type { LiveBot } from "../src/liveBot.js";
import { DigestScheduler } from "../src/digest/scheduler.js";
import { QuestionLogPurger } from "../src/feedback/purger.js";
import { FeedbackService } from "../src/feedback/service.js";
import { Conversations, followUpContexts } from "../src/conversation/followUps.js";
import type { DigestSender } from "../src/digest/types.js";
import { RecentIds, storeDeliveries } from "../adapters/http/recentIds.js";
import { startHttpServer, type Route } from "../adapters/http/server.js";
import { createSlackAdapter } from "../adapters/slack/app.js";
import { createTeamsAdapter } from "../adapters/teams/app.js";

/** What `startServers` started, to stop it cleanly. */
export interface RunningServers {
  url: string;
  /** The digest scheduler (ticking every minute); exposed so tests can tick it on their clock. */
  scheduler: DigestScheduler;
  /**
   * Graceful shutdown (SIGTERM): stops taking requests, lets those in flight and Slack
   * answers under way finish (up to `graceMs` each, default 20 s), lets a digest post
   * finish or releases its claim, then closes the store.
   */
  stop(graceMs?: number): Promise<void>;
}

function isLive(bot: Bot): bot is LiveBot {
  return typeof (bot as Partial<LiveBot>).watch === "function";
}

/** Starts every configured adapter once `loading` resolves; the port is open before that. */
export async function startServers(loading: Promise<Bot>, settings: AppSettings, log: (m: string) => void, clock: Clock = systemClock): Promise<RunningServers> {
  const routes: Route[] = [];
  let ready = false;
  // Routes are looked up per request, so adapters can add theirs once the corpus is loaded.
  const server = await startHttpServer(routes, { port: settings.port, isReady: () => ready, log });
  log(`listening on ${server.url} (GET /healthz answers 503 until the corpus is loaded)`);
  const bot = await loading;
  bot.warm(); // the first free-text question should not pay for the index
  const { store, service } = await openActions({ settings, actions: bot.actions, clock, log });
  // Reports dropped into (or taken out of) the corpus folder are picked up while running,
  // and their actions brought into the store as at start.
  if (isLive(bot) && settings.corpusPollSeconds > 0) {
    bot.watch(
      settings.corpusPollSeconds * 1000,
      (next) => {
        log(`corpus changed: ${next.reports.length} reports, ${next.problems.length} files skipped`);
        for (const p of next.problems) log(`warning: ${p.file} ${p.reason} [${p.code}] (skipped)`);
        void store.syncActions(next.actions, clock()).catch((err: unknown) => log(`actions store: could not sync the changed corpus (${(err as Error).message})`));
      },
      (err) => log(`corpus: could not read the changed folder (${(err as Error).message}); still answering from the last one`),
    );
  }
  // Replicas share one PostgreSQL database: a retry that reaches another replica must be
  // recognised there. One process (SQLite) remembers in memory.
  const deliveries = settings.databaseUrl ? storeDeliveries(store, { clock, log }) : new RecentIds();
  // 👍 / 👎, the question log and its daily purge (QUESTION_LOG_DAYS).
  const feedback = new FeedbackService({ store, clock, settings, log });
  const purger = new QuestionLogPurger(feedback, log);
  purger.start();
  // Each conversation's last question, for follow-ups: in the shared store, so a follow-up
  // that reaches another replica still builds on it (in memory with QUESTION_LOG_DAYS=0);
  // expired ones purged every 10 minutes.
  const conversations = new Conversations({ store: followUpContexts(store, settings), clock, log });
  conversations.startPurging();
  const senders: { slack?: DigestSender; teams?: DigestSender } = {};
  const stops: ((graceMs: number) => Promise<void>)[] = [];
  if (settings.slack) {
    const slack = createSlackAdapter({ bot, settings: settings.slack, actions: service, deliveries, feedback, conversations, log });
    senders.slack = slack.digestSender;
    routes.push(...slack.routes);
    await slack.start();
    stops.push((graceMs) => slack.stop(graceMs));
    log(settings.slack.signingSecret ? `slack: POST ${server.url}/slack/events (events, commands, interactivity)` : "slack: connected in Socket Mode");
  }
  if (settings.teams) {
    const teams = createTeamsAdapter({ bot, settings: settings.teams, references: store, actions: service, deliveries, feedback, conversations, log, clock });
    senders.teams = teams.digestSender;
    routes.push(...teams.routes);
    log(`teams: POST ${server.url}/api/messages${settings.teams.allowAnonymous ? " (anonymous: Bot Framework Emulator / local use only)" : ""}`);
  }
  const scheduler = new DigestScheduler({ store, settings: settings.digest, clock, senders, log });
  scheduler.start();
  ready = true;
  log(`ready: ${bot.reports.length} reports, ${bot.actions.length} actions`);
  return {
    url: server.url,
    scheduler,
    stop: async (graceMs = 20_000) => {
      log("shutdown: no new requests; finishing those in flight");
      if (isLive(bot)) bot.stop();
      purger.stop();
      conversations.stop();
      // No digest post starts from now on; one under way may finish while requests drain.
      const digestsDone = scheduler.shutdown(graceMs);
      // Requests first (a Teams answer is sent before its request ends), then Slack's
      // answers (sent after the request was acknowledged), then the digest; the store last.
      await server.close(graceMs);
      for (const s of stops) await s(graceMs);
      await digestsDone;
      await store.close();
      log("shutdown: done");
    },
  };
}
