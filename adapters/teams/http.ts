/**
 * POST /api/messages on the shared HTTP server: reads the body itself (the server has no
 * body parser), turns malformed input into a 400 instead of an exception, and hands a
 * well-formed activity to the CloudAdapter, which authenticates it (401 without a valid
 * token when an app id is set) and runs the bot turn.
 */
import type http from "node:http";
import { z } from "zod";
import type { CloudAdapter, Response as BotResponse, TurnContext } from "botbuilder";
import type { Route } from "../http/server.js";

/** Largest activity accepted; Teams' own messages are far smaller (about 100 KB at most). */
export const MAX_BODY_BYTES = 1_000_000;

/** The least an activity needs for the adapter to answer it. */
const activitySchema = z.looseObject({
  type: z.string().min(1, "activity type is empty"),
  serviceUrl: z.string().regex(/^https?:\/\//, "serviceUrl must be an http(s) URL"),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

class BodyTooLarge extends Error {}

/** Reads a request body as UTF-8, refusing bodies over `limit` bytes. */
export async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge(`body over ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses and checks an activity; returns it, or the reason it is not one. */
export function parseActivity(raw: string): { ok: true; activity: Record<string, unknown> } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: "body is not JSON" };
  }
  const parsed = activitySchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `not a Bot Framework activity: ${parsed.error.issues.map((i) => `${i.path.join(".") || "body"} ${i.message}`).join("; ")}` };
  return { ok: true, activity: parsed.data };
}

/** The minimal Express-like response the CloudAdapter writes to, over Node's ServerResponse. */
function botResponse(res: http.ServerResponse): BotResponse {
  return {
    socket: res.socket,
    status(code: number) {
      res.statusCode = code;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
    },
    send(body: unknown) {
      if (body === undefined || body === null) return;
      if (typeof body === "string" || Buffer.isBuffer(body)) {
        if (!res.hasHeader("content-type")) res.setHeader("content-type", "text/plain; charset=utf-8");
        res.write(body);
      } else {
        res.setHeader("content-type", "application/json");
        res.write(JSON.stringify(body));
      }
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}

function reply(res: http.ServerResponse, status: number, error: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error }));
}

/** The /api/messages route for the shared server. */
export function messagesRoute(adapter: CloudAdapter, logic: (context: TurnContext) => Promise<void>, log: (line: string) => void): Route {
  return {
    method: "POST",
    path: "/api/messages",
    handler: async (req, res) => {
      let raw: string;
      try {
        raw = await readBody(req, MAX_BODY_BYTES);
      } catch (err) {
        if (err instanceof BodyTooLarge) return reply(res, 413, err.message);
        throw err;
      }
      const parsed = parseActivity(raw);
      if (!parsed.ok) {
        log(`teams: 400 on /api/messages: ${parsed.reason}`);
        return reply(res, 400, parsed.reason);
      }
      await adapter.process({ method: "POST", headers: req.headers, body: parsed.activity }, botResponse(res), logic);
      // The adapter always ends the response; this covers a path where it might not.
      if (!res.writableEnded) res.end();
    },
  };
}
