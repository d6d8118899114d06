/**
 * One small HTTP server for every chat platform: Slack's `/slack/events` and Teams'
 * `/api/messages` share one port (settings.port), with `GET /healthz` beside them.
 * Adapters contribute routes; this file knows nothing of either platform.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { settlesWithin } from "../../src/wait.js";

/** A route an adapter serves. The handler owns the response. */
export interface Route {
  method: "GET" | "POST";
  path: string;
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;
}

/** A running server. */
export interface RunningServer {
  server: http.Server;
  /** e.g. http://127.0.0.1:3978 */
  url: string;
  port: number;
  /**
   * Stops taking requests and lets those in flight finish: /healthz and new requests get
   * 503 (Connection: close), idle connections are closed, and after `graceMs` (default 20 s,
   * longer than Teams waits for an answer) whatever is still open is cut.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts the server on `port` (0 = any free port) at `host` (default all interfaces).
 * `isReady` drives /healthz: 200 once the corpus is loaded, 503 before.
 */
export async function startHttpServer(
  routes: Route[],
  opts: { port: number; host?: string; isReady: () => boolean; log?: (msg: string) => void },
): Promise<RunningServer> {
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | null = null;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (draining) {
      // Shutting down: the load balancer (and a platform's retry) should go to another replica.
      res.writeHead(503, { "content-type": "application/json", connection: "close", "retry-after": "1" });
      res.end(JSON.stringify({ ok: false, reason: "shutting down" }));
      return;
    }
    inFlight++;
    res.once("close", () => {
      if (--inFlight === 0) idle?.();
    });
    if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
      const ready = opts.isReady();
      res.writeHead(ready ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: ready }));
      return;
    }
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (!route) {
      const pathKnown = routes.some((r) => r.path === path);
      res.writeHead(pathKnown ? 405 : 404, { "content-type": "text/plain" });
      res.end(pathKnown ? "method not allowed" : "not found");
      return;
    }
    // A handler that throws must not take the process down or leave the request hanging.
    Promise.resolve()
      .then(() => route.handler(req, res))
      .catch((err: unknown) => {
        opts.log?.(`error on ${req.method} ${path}: ${err instanceof Error ? err.stack : String(err)}`);
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end("internal error");
        } else res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host && opts.host !== "0.0.0.0" ? opts.host : "127.0.0.1";
  return {
    server,
    port,
    url: `http://${host}:${port}`,
    close: async (graceMs = 20_000) => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const drained = new Promise<void>((resolve) => (idle = resolve));
        if (!(await settlesWithin(drained, graceMs))) opts.log?.(`shutdown: ${inFlight} request(s) still open after ${graceMs} ms; cut`);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
