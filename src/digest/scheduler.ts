/**
 * Posts each subscribed destination its digest once a day. A timer calls `tick()` every
 * minute; each tick finds the subscriptions whose time has passed today, claims each
 * day's send in the store (so of several replicas exactly one posts), posts through the
 * platform's DigestSender, and records it sent only after the post succeeded. A failed
 * post releases the claim, so a later tick retries it.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Clock } from "../clock.js";
import type { Settings } from "../config.js";
import type { DigestSendKey, Platform, Store } from "../store/types.js";
import { buildDigest } from "./build.js";
import { localDay, type Weekday } from "../actions/dates.js";
import { isDue, parseDigestDays } from "./schedule.js";
import { settlesWithin } from "../wait.js";
import type { Digest, DigestSender } from "./types.js";

/** What DigestScheduler needs. */
export interface DigestSchedulerOptions {
  store: Store;
  /** DIGEST_TZ, DIGEST_DAYS (DIGEST_TIME is the default for new subscriptions, not used here). */
  settings: Settings["digest"];
  clock: Clock;
  /** One sender per platform this replica can post to; a platform without one is left to other replicas. */
  senders: Partial<Record<Platform, DigestSender>>;
  log?: (line: string) => void;
  /** Names this replica in the claims (default host:pid:random). */
  instanceId?: string;
  /** How long a claim keeps other replicas off a send (default 10 minutes). */
  leaseMs?: number;
  /** A post taking longer than this counts as failed (default 2 minutes; keep it well under leaseMs). */
  sendTimeoutMs?: number;
}

/** What one tick did. */
export interface TickReport {
  /** The day (ISO, DIGEST_TZ) the tick worked for. */
  day: string;
  sent: DigestSendKey[];
  failed: { key: DigestSendKey; error: string }[];
}

/** Sends the daily digests. One per replica; replicas coordinate through the store. */
export class DigestScheduler {
  private readonly opts: Required<Omit<DigestSchedulerOptions, "log">> & { log: (line: string) => void };
  private readonly days: Set<Weekday>;
  private running: Promise<TickReport> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Set by shutdown(): a tick under way posts no further digest. */
  private stopping = false;
  /** The send this replica has claimed and is posting now, if any. */
  private posting: DigestSendKey | null = null;
  /** Sends known to be done today, so ticks after the morning do not keep writing to the store. */
  private known = { day: "", sent: new Set<string>() };

  constructor(opts: DigestSchedulerOptions) {
    // Defaults one by one, so an option passed as undefined still gets its default.
    this.opts = {
      ...opts,
      instanceId: opts.instanceId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      leaseMs: opts.leaseMs ?? 10 * 60_000,
      sendTimeoutMs: opts.sendTimeoutMs ?? 2 * 60_000,
      log: opts.log ?? (() => {}),
    };
    this.days = parseDigestDays(opts.settings.days);
  }

  /** Ticks now and then every `intervalMs` (default one minute) until `stop()`. */
  start(intervalMs = 60_000): void {
    if (this.timer) return;
    const run = () => void this.tick().catch((err) => this.opts.log(`digest: tick failed: ${message(err)}`));
    this.timer = setInterval(run, intervalMs);
    run();
  }

  /** Stops the timer (a tick under way finishes). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * For shutdown: stops the timer, lets a post under way finish (up to `graceMs`), starts no
   * other, and gives back the claim of a post that did not finish in time, so another
   * replica takes it over at once instead of when the lease runs out.
   */
  async shutdown(graceMs = 20_000): Promise<void> {
    this.stop();
    this.stopping = true;
    if (!this.running || (await settlesWithin(this.running, graceMs))) return;
    const key = this.posting;
    if (key) await this.release(key, new Error("this replica shut down while posting"), 0);
    this.opts.log(`digest: shut down while posting${key ? ` to ${key.platform} ${key.destination}; its claim was released` : ""}`);
  }

  /** Sends whatever is due now. Overlapping calls share one run. */
  tick(): Promise<TickReport> {
    if (!this.running) {
      this.running = this.runTick().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async runTick(): Promise<TickReport> {
    const { store, clock, settings, senders, log } = this.opts;
    const now = clock();
    const subs = await store.listSubscriptions();
    const report: TickReport = { day: localDay(now, settings.timeZone), sent: [], failed: [] };
    // One digest per scope (all authorities, or a subscription's own list), built once a tick.
    const digests = new Map<string, Promise<Digest>>();
    for (const sub of subs) {
      if (this.stopping) break;
      const check = isDue(sub, now, settings, this.days);
      if (!check.due) continue;
      if (this.known.day !== check.day) this.known = { day: check.day, sent: new Set() };
      const key: DigestSendKey = { platform: sub.platform, destination: sub.destination, day: check.day };
      const name = `${key.platform} ${key.destination} for ${key.day}`;
      if (this.known.sent.has(name)) continue;
      const sender = senders[sub.platform];
      if (!sender) continue; // another replica (with that platform configured) will send it
      try {
        const leaseUntil = new Date(now.getTime() + this.opts.leaseMs);
        if (!(await store.claimDigestSend(key, this.opts.instanceId, now, leaseUntil))) {
          // Sent already, or another replica is posting it (or waiting to retry): not ours.
          if ((await store.getDigestSend(key))?.state === "sent") this.known.sent.add(name);
          continue;
        }
      } catch (err) {
        log(`digest: could not claim ${name}: ${message(err)}`);
        continue;
      }
      this.posting = key;
      try {
        const scope = JSON.stringify([...sub.authorities].sort());
        if (!digests.has(scope)) digests.set(scope, buildDigest(store, check.day, { authorities: sub.authorities }));
        await withTimeout(sender.send(sub.destination, await digests.get(scope)!), this.opts.sendTimeoutMs);
      } catch (err) {
        this.posting = null;
        await this.release(key, err);
        report.failed.push({ key, error: message(err) });
        log(`digest: posting to ${name} failed, will retry: ${message(err)}`);
        continue;
      }
      this.posting = null;
      try {
        const stillOurs = await store.markDigestSent(key, this.opts.instanceId, clock());
        if (!stillOurs) log(`digest: ${name} was posted after this replica's claim had expired; it may have been posted twice`);
      } catch (err) {
        // The post went out; if this write is lost the lease expiry may repeat it. Nothing better to do than say so.
        log(`digest: posted ${name} but could not record it: ${message(err)}`);
      }
      this.known.sent.add(name);
      report.sent.push(key);
      log(`digest: sent to ${name}`);
    }
    return report;
  }

  /** Gives a claim back; it may be claimed again after `delayMs` (default: the retry back-off). */
  private async release(key: DigestSendKey, err: unknown, delayMs?: number): Promise<void> {
    const { store, clock } = this.opts;
    try {
      const attempts = (await store.getDigestSend(key))?.attempts ?? 1;
      const at = clock();
      await store.releaseDigestSend(key, this.opts.instanceId, message(err), at, new Date(at.getTime() + (delayMs ?? retryDelayMs(attempts))));
    } catch (releaseErr) {
      // The lease runs out on its own, so the send is still retried, just later.
      this.opts.log(`digest: could not release ${key.platform} ${key.destination}: ${message(releaseErr)}`);
    }
  }
}

/**
 * How long to wait before retrying after the n-th failed attempt: the next tick after a
 * first failure (a blip), then 1, 3, 7, 15 and at most 30 minutes, so a channel that has
 * gone away is not hammered all day.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1) - 1, 30) * 60_000;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the platform within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
