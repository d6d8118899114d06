/**
 * The actions workflow both chat adapters and the CLI drive: list what is open or overdue,
 * change a status or owner (with ADMIN_USERS enforced), subscribe a destination to the
 * digest. It speaks ids people type (short prefixes) and returns views, never rows.
 */
import type { Clock } from "../clock.js";
import type { Settings } from "../config.js";
import { AppError } from "../errors.js";
import type { ActionChange, ActionRecord, ActionStatus, Platform, Store, Subscription } from "../store/types.js";
import { localDay } from "./dates.js";
import type { ActionView, Actor } from "./types.js";
import { byUrgency, toView } from "./view.js";

/** What ActionsService needs. */
export interface ActionsServiceOptions {
  store: Store;
  clock: Clock;
  /** `adminUsers` empty = everyone may change statuses; `digest.timeZone` decides what "today" is. */
  settings: Pick<Settings, "adminUsers" | "digest">;
}

/** What a change did: the action as it is now, and the history row (null when it already was so). */
export interface ChangeResult {
  action: ActionView;
  change: ActionChange | null;
}

/** What `list` found. */
export interface ListResult {
  /** The canonical authority name the filter matched, or null for all. */
  authority: string | null;
  /** The day "overdue" was worked out for. */
  date: string;
  actions: ActionView[];
}

/** Prefixes shorter than this are refused: "done a" should not tick off a random action. */
const MIN_PREFIX = 4;
const NOT_DONE: ActionStatus[] = ["open", "in-progress"];

/** The actions workflow. */
export class ActionsService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly settings: ActionsServiceOptions["settings"];

  constructor(opts: ActionsServiceOptions) {
    this.store = opts.store;
    this.clock = opts.clock;
    this.settings = opts.settings;
  }

  /** Today's date (ISO) in the digest time zone. */
  today(): string {
    return localDay(this.clock(), this.settings.digest.timeZone);
  }

  /**
   * Actions not done and not archived (superseded ones included in that), most pressing first.
   * @param opts.authority canonical name, case-insensitive (a unique part of one also works: "durham")
   * @param opts.overdue only those past their due date
   * @param opts.date the day to work "overdue" out for (default today)
   * @param opts.all every action the store knows, done, archived and superseded ones too
   * @throws AppError BAD_REQUEST when no authority (or several) match
   */
  async list(opts: { authority?: string; overdue?: boolean; date?: string; all?: boolean } = {}): Promise<ListResult> {
    const date = opts.date ?? this.today();
    const authority = opts.authority !== undefined ? await this.resolveAuthority(opts.authority, opts.all === true) : null;
    const filter = opts.all ? { authority: authority ?? undefined, includeArchived: true } : { authority: authority ?? undefined, status: NOT_DONE };
    let views = (await this.store.listActions(filter)).map((r) => toView(r, date));
    if (opts.overdue) views = views.filter((v) => v.overdue);
    return { authority, date, actions: views.sort(byUrgency) };
  }

  /** One action by full id or unique prefix of its short id (or id). */
  async get(ref: string): Promise<ActionView> {
    return toView(await this.resolve(ref), this.today());
  }

  /** The action and every change made to it, oldest first. */
  async history(ref: string): Promise<{ action: ActionView; changes: ActionChange[] }> {
    const r = await this.resolve(ref);
    return { action: toView(r, this.today()), changes: await this.store.history(r.id) };
  }

  /** Marks an action done (it leaves the lists and the digest). */
  markDone(ref: string, actor: Actor): Promise<ChangeResult> {
    return this.setStatus(ref, "done", actor);
  }

  /** Puts a done (or in-progress) action back to open. */
  reopen(ref: string, actor: Actor): Promise<ChangeResult> {
    return this.setStatus(ref, "open", actor);
  }

  /** Marks an action in progress (still listed, flagged as started). */
  setInProgress(ref: string, actor: Actor): Promise<ChangeResult> {
    return this.setStatus(ref, "in-progress", actor);
  }

  /** Sets the owner; null clears it. Limited to ADMIN_USERS like status changes. */
  async assign(ref: string, owner: string | null, actor: Actor): Promise<ChangeResult> {
    this.checkAllowed(actor, "assign an action");
    const r = await this.resolve(ref);
    const change = await this.store.assign(r.id, owner, describeActor(actor), this.clock());
    return this.result(r.id, change);
  }

  /** True when `actor` may change statuses and owners. */
  mayChange(actor: Actor): boolean {
    return this.settings.adminUsers.length === 0 || this.settings.adminUsers.includes(actor.id);
  }

  /**
   * Subscribes a destination to the daily digest at `time` (HH:MM, default DIGEST_TIME), of
   * the authorities named in `authorities` ("Halton Derby", "Brighton and Hove, Durham";
   * default all). Open to everyone: it changes what a channel receives, not the actions.
   * @throws AppError BAD_REQUEST for a time that is not HH:MM, or a name no authority with actions has
   */
  async subscribe(platform: Platform, destination: string, time: string | undefined, actor: Actor, authorities?: string): Promise<Subscription> {
    const hhmm = normaliseTime(time ?? this.settings.digest.time);
    const names = authorities?.trim() ? await this.resolveAuthorities(authorities) : [];
    return this.store.subscribe(platform, destination, hhmm, describeActor(actor), this.clock(), names);
  }

  /**
   * "Halton Derby", "Brighton and Hove, County Durham" -> canonical names (longest name first, each once).
   * @throws AppError BAD_REQUEST for a word no authority with actions is called
   */
  async resolveAuthorities(typed: string): Promise<string[]> {
    const known = [...new Set((await this.store.listActions({ includeArchived: true })).map((r) => r.authority))];
    const words = typed.split(/[\s,;]+/).filter(Boolean);
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      let taken = 0;
      for (let j = words.length; j > i && !taken; j--) {
        const phrase = words.slice(i, j).join(" ").toLowerCase();
        const exact = known.filter((n) => n.toLowerCase() === phrase);
        const partial = exact.length ? exact : known.filter((n) => n.toLowerCase().split(/\s+/).includes(phrase) || (phrase.length > 3 && n.toLowerCase().includes(phrase)));
        if (partial.length === 1) {
          if (!out.includes(partial[0])) out.push(partial[0]);
          taken = j - i;
        }
      }
      if (taken) {
        i += taken;
        continue;
      }
      if (/^(and|&|or)$/i.test(words[i])) {
        i++;
        continue;
      }
      throw new AppError(
        "BAD_REQUEST",
        `No authority with actions is called "${words[i]}".`,
        known.length ? `Authorities with actions: ${known.sort().join(", ")}.` : "No actions have been loaded yet.",
      );
    }
    return out;
  }

  /** Stops the digest for a destination; false when it was not subscribed. */
  unsubscribe(platform: Platform, destination: string): Promise<boolean> {
    return this.store.unsubscribe(platform, destination);
  }

  /** The digest settings (time zone, default time, days), for replies that mention them. */
  get digestSettings(): Settings["digest"] {
    return this.settings.digest;
  }

  private async setStatus(ref: string, status: ActionStatus, actor: Actor): Promise<ChangeResult> {
    this.checkAllowed(actor, "change an action's status");
    const r = await this.resolve(ref);
    const change = await this.store.setStatus(r.id, status, describeActor(actor), this.clock());
    return this.result(r.id, change);
  }

  private async result(id: string, change: ActionChange | null): Promise<ChangeResult> {
    const now = await this.store.getAction(id);
    if (!now) throw new AppError("ACTION_NOT_FOUND", `Action ${id} vanished while it was being changed.`);
    return { action: toView(now, this.today()), change };
  }

  private checkAllowed(actor: Actor, what: string): void {
    if (this.mayChange(actor)) return;
    const admins = this.settings.adminUsers.join(", ");
    throw new AppError(
      "NOT_ALLOWED",
      `Sorry ${actor.name}, only the people listed in ADMIN_USERS may ${what}, and you are not one of them. Everyone can still list the actions.`,
      `Ask one of ${admins} to make the change, or ask whoever runs the bot to add your id (${actor.id}) to ADMIN_USERS.`,
    );
  }

  /** Full id, or a unique prefix (4+ characters) of the short id or the full id. */
  private async resolve(ref: string): Promise<ActionRecord> {
    const wanted = ref.trim();
    const exact = wanted ? await this.store.getAction(wanted) : null;
    if (exact) return exact;
    if (wanted.length < MIN_PREFIX) {
      throw new AppError(
        "BAD_REQUEST",
        `"${wanted}" is too short to pick out an action.`,
        `Type at least ${MIN_PREFIX} characters of the id shown next to the action (e.g. actions done 1a2b3c4d).`,
      );
    }
    const ids = await this.store.findActionIds(wanted);
    if (ids.length === 1) {
      const r = await this.store.getAction(ids[0]);
      if (r) return r;
    }
    if (ids.length > 1) {
      throw new AppError("BAD_REQUEST", `"${wanted}" matches ${ids.length} actions.`, "Type more of the id (the 8-character id shown in the list is unique).");
    }
    throw new AppError("ACTION_NOT_FOUND", `There is no action with id "${wanted}".`, "List the open actions (actions in chat, npm run actions -- list on the server) and copy an id from there.");
  }

  /** Canonical name for what the user typed: exact (any case) first, else a unique partial match. */
  private async resolveAuthority(typed: string, archived = false): Promise<string> {
    const wanted = typed.trim().toLowerCase();
    const names = [...new Set((await this.store.listActions({ includeArchived: archived })).map((r) => r.authority))].sort();
    const exact = names.find((n) => n.toLowerCase() === wanted);
    if (exact) return exact;
    const partial = wanted ? names.filter((n) => n.toLowerCase().includes(wanted)) : [];
    if (partial.length === 1) return partial[0];
    const known = names.length ? `Authorities with actions: ${names.join(", ")}.` : "No actions have been loaded yet.";
    throw new AppError(
      "BAD_REQUEST",
      partial.length > 1 ? `"${typed}" could be ${partial.join(" or ")}.` : `No authority called "${typed}" has actions.`,
      known,
    );
  }
}

/** How a person appears in history rows: "Ann Smith (U123)", or just the one when they are the same. */
export function describeActor(a: Actor): string {
  return a.name && a.name !== a.id ? `${a.name} (${a.id})` : a.id || a.name;
}

/** "9:00" -> "09:00"; throws BAD_REQUEST for anything that is not a 24-hour time. */
export function normaliseTime(s: string): string {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(s.trim());
  if (!m) throw new AppError("BAD_REQUEST", `"${s}" is not a time.`, "Give the time as HH:MM on the 24-hour clock, e.g. actions subscribe 08:30.");
  return `${m[1].padStart(2, "0")}:${m[2]}`;
}
