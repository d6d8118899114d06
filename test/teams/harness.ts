/**
 * Runs the real Teams adapter on the shared HTTP server on loopback, with the real core
 * loaded from seeds/ and a fake Bot Connector to receive the replies.
 */
import { fileURLToPath } from "node:url";
import { loadBot, type Bot } from "../../src/bot.js";
import type { ActionsService } from "../../src/actions/service.js";
import type { FeedbackService } from "../../src/feedback/service.js";
import type { TeamsSettings } from "../../adapters/teams/settings.js";
import type { ConversationReferenceStore } from "../../src/store/types.js";
import { startHttpServer, type RunningServer } from "../../adapters/http/server.js";
import { createTeamsAdapter, type TeamsAdapter } from "../../adapters/teams/app.js";
import { MemoryConversationReferenceStore } from "../../adapters/teams/memoryReferences.js";
import { startFakeConnector, type FakeConnector } from "./fakeConnector.js";

export const SEEDS = fileURLToPath(new URL("../../seeds", import.meta.url));

export const ANONYMOUS: TeamsSettings = { appType: "SingleTenant", allowAnonymous: true };

let botOnce: Promise<Bot> | undefined;
/** The real core on seeds/, loaded once per test file. */
export function seedBot(): Promise<Bot> {
  return (botOnce ??= loadBot({ corpusDir: SEEDS }));
}

/** A running adapter + server + fake connector. */
export interface Harness {
  server: RunningServer;
  connector: FakeConnector;
  teams: TeamsAdapter;
  references: ConversationReferenceStore;
  logs: string[];
  /** POSTs a body (object → JSON, string → as is) to /api/messages. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

/** Starts everything; `bot` defaults to the real core on seeds/. */
export async function startHarness(
  opts: { settings?: TeamsSettings; bot?: Bot | Promise<Bot>; typingDelayMs?: number; actions?: ActionsService; references?: ConversationReferenceStore; feedback?: FeedbackService } = {},
): Promise<Harness> {
  const connector = await startFakeConnector();
  const references = opts.references ?? new MemoryConversationReferenceStore();
  const logs: string[] = [];
  const teams = createTeamsAdapter({
    bot: opts.bot ?? seedBot(),
    settings: opts.settings ?? ANONYMOUS,
    references,
    log: (l) => logs.push(l),
    // A loaded 2-core CI machine can take over the adapter's 1 s for a first answer; tests of
    // quick answers must not see a typing indicator for that (typing is tested at 50 ms).
    typingDelayMs: opts.typingDelayMs ?? 5000,
    actions: opts.actions,
    feedback: opts.feedback,
  });
  const server = await startHttpServer(teams.routes, { port: 0, host: "127.0.0.1", isReady: () => true, log: (l) => logs.push(l) });
  return {
    server,
    connector,
    teams,
    references,
    logs,
    async post(body, headers = {}) {
      const res = await fetch(`${server.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      return { status: res.status, text: await res.text() };
    },
    async close() {
      await server.close();
      await connector.close();
    },
  };
}

/** The Adaptive Card of a reply the connector received. */
export function cardOf(body: Record<string, unknown>): Record<string, unknown> {
  const atts = body.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined;
  const card = atts?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive");
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(body).slice(0, 300)}`);
  return card.content;
}

/** Every string in a card (texts, fact titles and values), for simple assertions. */
export function cardStrings(card: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(card);
  return out;
}

/** The FactSet rows of a card, in order. */
export function factsOf(card: Record<string, unknown>): { title: string; value: string }[] {
  const body = card.body as Record<string, unknown>[];
  return body.filter((e) => e.type === "FactSet").flatMap((e) => e.facts as { title: string; value: string }[]);
}
