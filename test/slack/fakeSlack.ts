/**
 * A fake Slack Web API on loopback: records chat.postMessage and views.open calls and
 * posts to response_url, and answers like Slack. Point the adapter's SLACK_API_URL at `apiUrl`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One recorded call. */
export interface Recorded {
  path: string;
  body: Record<string, unknown>;
}

/** The running fake. */
export interface FakeSlack {
  apiUrl: string;
  responseUrl: (id: string) => string;
  posts: Recorded[];
  responses: Recorded[];
  /** views.open calls (modals). */
  views: Recorded[];
  /** Make the next N chat.postMessage calls fail with HTTP 500. */
  failNext(n: number): void;
  close(): Promise<void>;
  /** Waits (polling) until `check` holds, or fails after `ms`. */
  waitFor<T>(check: () => T | undefined | false, ms?: number): Promise<T>;
}

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes("application/json")) return JSON.parse(raw || "{}");
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    try {
      out[k] = k === "blocks" || k === "attachments" ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}

/** Starts the fake on a free loopback port. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const posts: Recorded[] = [];
  const responses: Recorded[] = [];
  const views: Recorded[] = [];
  let failures = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const body = parseBody(raw, req.headers["content-type"]);
      res.setHeader("content-type", "application/json");
      if (path.startsWith("/respond/")) {
        responses.push({ path, body });
        res.end(JSON.stringify({ ok: true }));
        return;
      }
      if (path.startsWith("/api/chat.postMessage")) {
        if (failures > 0) {
          failures--;
          res.statusCode = 500;
          res.end(JSON.stringify({ ok: false, error: "internal_error" }));
          return;
        }
        posts.push({ path, body });
        res.end(JSON.stringify({ ok: true, channel: body.channel, ts: `${Date.now() / 1000}`, message: { text: body.text } }));
        return;
      }
      if (path.startsWith("/api/views.open")) {
        views.push({ path, body });
        const view = typeof body.view === "string" ? JSON.parse(body.view) : body.view;
        res.end(JSON.stringify({ ok: true, view: { id: `V${views.length}`, ...view } }));
        return;
      }
      if (path.startsWith("/api/auth.test")) {
        res.end(JSON.stringify({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", user: "inspection-bot" }));
        return;
      }
      res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${id}`,
    posts,
    responses,
    views,
    failNext: (n) => {
      failures = n;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
    waitFor: async <T,>(check: () => T | undefined | false, ms = 5000): Promise<T> => {
      const until = Date.now() + ms;
      for (;;) {
        const v = check();
        if (v) return v;
        if (Date.now() > until) throw new Error("timed out waiting for the fake Slack API");
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}
