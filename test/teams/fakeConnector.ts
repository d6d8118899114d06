/**
 * A fake Bot Connector on loopback: the service the bot replies to (the activity's
 * serviceUrl). It records every request and answers POST …/activities with an id, as
 * the real connector does, so the real CloudAdapter's outgoing calls can be inspected.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the bot made to the connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  /** Decoded conversation id from the path, when it has one. */
  conversationId: string | null;
  /** The activity id replied to (POST …/activities/:replyTo), when any. */
  replyToId: string | null;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** True when the fake refused this call (failNext). */
  failed?: boolean;
}

/** A running fake connector. */
export interface FakeConnector {
  url: string;
  calls: ConnectorCall[];
  /** Calls posting an activity (replies and new messages) of one type, optionally in one conversation. */
  activities(type?: string, conversationId?: string): ConnectorCall[];
  /** Polls until `pred` holds for the calls (replies are sent while the POST is handled, but be patient). */
  waitFor(pred: (calls: ConnectorCall[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Make the next `n` activity posts fail with HTTP 503 (recorded in `calls`, not accepted). */
  failNext(n: number): void;
  /** Answer every activity post `ms` late (recorded at once): a slow connector, for requests in flight. */
  delay(ms: number): void;
  reset(): void;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/** Starts the fake connector on 127.0.0.1 at a free port. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  let n = 0;
  let failures = 0;
  let delayMs = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const path = (req.url ?? "/").split("?")[0];
      const m = ACTIVITIES.exec(path);
      calls.push({
        method: req.method ?? "",
        path,
        conversationId: m ? decodeURIComponent(m[1]) : null,
        replyToId: m?.[2] ? decodeURIComponent(m[2]) : null,
        authorization: req.headers.authorization,
        body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      });
      if (req.method === "POST" && m && failures > 0) {
        failures--;
        calls[calls.length - 1].failed = true;
        res.writeHead(503, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "ServiceUnavailable", message: "fake connector: failing on purpose" } }));
      } else if (req.method === "POST" && m) {
        const id = `sent-${++n}`;
        setTimeout(() => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ id }));
        }, delayMs);
      } else {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "NotFound", message: `fake connector: no ${req.method} ${path}` } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const activities = (type?: string, conversationId?: string) =>
    calls.filter(
      (c) => c.method === "POST" && !c.failed && c.conversationId !== null && (!type || c.body.type === type) && (!conversationId || c.conversationId === conversationId),
    );
  return {
    url,
    calls,
    activities,
    async waitFor(pred, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (!pred(calls)) {
        if (Date.now() > until) throw new Error(`fake connector: condition not met in ${timeoutMs} ms; calls: ${JSON.stringify(calls.map((c) => [c.method, c.path, c.body.type]))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    failNext: (count) => {
      failures = count;
    },
    delay: (ms) => {
      delayMs = ms;
    },
    reset: () => void calls.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
