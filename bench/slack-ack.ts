/**
 * `node dist/bench/slack-ack.js`: fires 500 signed /grade commands, 50 at a time, at the
 * real Bolt app over loopback HTTP and prints p50/p99 acknowledgement time (Slack wants
 * every ack within 3 s). The load generator and the fake Slack API (which takes the
 * answers posted to response_url) run in a worker thread, as Slack would be another
 * machine: the app's event loop serves only the app. Printed twice: with cold connections
 * (45 opened during the round) and with warm ones (steady traffic). Measured: the cold
 * round's slow tail is the first request on each new connection, which a busy event loop
 * reads late; requests on open connections are acknowledged in ~0.2 ms of handler time.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { cpus } from "node:os";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const SECRET = "bench-secret";
const TOTAL = 500;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
/** One measured round. */
interface Result {
  p50: number;
  p99: number;
  max: number;
  failures: number;
  answers: number;
}

const questions = ["Halton staying safe", "Derby", "Durham overall effectiveness", "Oxfordshire capacity for improvement", "Stockton LAC"];

/** Worker: a fake Slack API plus the load generator. */
async function slackSide(): Promise<void> {
  let answers = 0;
  const api = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.url?.startsWith("/respond/")) answers++;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true, user_id: "UBOT", bot_id: "B1" }));
    });
  });
  await new Promise<void>((r) => api.listen(0, "127.0.0.1", () => r()));
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  parentPort!.postMessage({ apiUrl });
  const appUrl: string = await new Promise((r) => parentPort!.once("message", (m: { appUrl: string }) => r(m.appUrl)));
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const times: number[] = [];
  const order: number[] = [];
  let failures = 0;
  let next = 0;
  const one = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const body = new URLSearchParams({ command: "/grade", text: questions[i % questions.length], response_url: `${apiUrl}/respond/${i}`, user_id: "U1", channel_id: "C1", team_id: "T1", trigger_id: "t" }).toString();
      const ts = String(Math.floor(Date.now() / 1000));
      const headers = {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": ts,
        "x-slack-signature": "v0=" + createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex"),
      };
      const t0 = performance.now();
      const req = http.request(`${appUrl}/slack/events`, { method: "POST", headers, agent }, (res) => {
        res.resume();
        res.on("end", () => {
          times.push(performance.now() - t0);
          order.push(performance.now() - t0);
          if (res.statusCode !== 200) failures++;
          resolve();
        });
      });
      req.on("error", reject);
      req.end(body);
    });
  const run = async (total: number, concurrency: number) => {
    next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < total) await one(next++);
    }));
  };
  // Two measured rounds of TOTAL requests at CONCURRENCY:
  // - cold: after a small warm-up (Bolt's first request checks the token with auth.test)
  //   only 5 connections are open, so the round opens 45 new ones while the app is busy;
  // - warm: every connection is open and the JIT warm, as with Slack's steady traffic.
  const measure = async (): Promise<Result> => {
    times.length = 0;
    order.length = 0;
    failures = 0;
    answers = 0;
    await run(TOTAL, CONCURRENCY);
    for (let i = 0; i < 200 && answers < TOTAL; i++) await new Promise((r) => setTimeout(r, 25));
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
    if (process.env.BENCH_DEBUG) console.log(order.slice(0, 80).map((t) => t.toFixed(0)).join(" "));
    return { p50: pct(50), p99: pct(99), max: times[times.length - 1], failures, answers };
  };
  await run(20, 5);
  const cold = await measure();
  const warm = await measure();
  parentPort!.postMessage({ cold, warm });
  agent.destroy();
  api.close();
}

async function appSide(): Promise<void> {
  const { loadBot } = await import("../src/bot.js");
  const { startHttpServer } = await import("../adapters/http/server.js");
  const { createSlackAdapter } = await import("../adapters/slack/app.js");
  const worker = new Worker(new URL(import.meta.url));
  const { apiUrl } = await new Promise<{ apiUrl: string }>((r) => worker.once("message", r));
  const bot = await loadBot({ corpusDir: "seeds" });
  const slack = createSlackAdapter({ bot, settings: { botToken: "xoxb-bench", signingSecret: SECRET, apiUrl: `${apiUrl}/api/` }, log: () => {} });
  const server = await startHttpServer(slack.routes, { port: 0, host: "127.0.0.1", isReady: () => true });
  worker.postMessage({ appUrl: server.url });
  const r = await new Promise<{ cold: Result; warm: Result }>((res) => worker.once("message", res));
  console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model}, Node ${process.version}`);
  for (const [name, x] of Object.entries(r)) {
    console.log(
      `slack /grade acknowledgements (${name} connections): ${TOTAL} signed requests, ${CONCURRENCY} concurrent: ` +
        `p50 ${x.p50.toFixed(1)} ms, p99 ${x.p99.toFixed(1)} ms, max ${x.max.toFixed(1)} ms; non-200: ${x.failures}; answers delivered: ${x.answers}`,
    );
  }
  await server.close();
  await worker.terminate();
}

if (isMainThread) await appSide();
else await slackSide();
void workerData;
