/**
 * One entry point for the chat words: parse, run against the ActionsService, and answer
 * with a neutral reply. Expected failures (refused, unknown id, bad words) become replies
 * with ok: false, so adapters only ever render; anything else is a bug and is thrown.
 */
import { AppError } from "../errors.js";
import { parseActionsCommand, ACTIONS_HELP, type ActionsCommand } from "./parse.js";
import type { ActionsService, ChangeResult } from "./service.js";
import type { Platform } from "../store/types.js";
import type { ActionsContext, ActionsReply } from "./types.js";

/**
 * Runs one actions command.
 * @param words what the user typed: "done 1a2b3c4d" (Slack command text) or "actions done 1a2b3c4d" (Teams message)
 * @param ctx who asked, on which platform, in which channel/conversation (the subscription destination)
 */
export async function handleActionsCommand(service: ActionsService, words: string, ctx: ActionsContext): Promise<ActionsReply> {
  const cmd = parseActionsCommand(words);
  try {
    return await run(service, cmd, ctx);
  } catch (err) {
    if (!(err instanceof AppError) || err.code === "STORE_FAILED") throw err;
    return { command: "error", ok: false, text: err.message, actions: [], error: { code: err.code, message: err.message, hint: err.hint } };
  }
}

/**
 * handleActionsCommand for chat adapters: a failure that is not the user's (the store is
 * down) becomes a reply saying nothing was changed, logged with its details, instead of
 * a turn that fails with no answer.
 */
export async function answerActionsCommand(service: ActionsService, words: string, ctx: ActionsContext, log: (line: string) => void): Promise<ActionsReply> {
  try {
    return await handleActionsCommand(service, words, ctx);
  } catch (err) {
    log(`${ctx.platform}: actions command "${words}" failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    const code = err instanceof AppError ? err.code : "STORE_FAILED";
    const text = "Sorry, the actions could not be read or changed just now, so nothing was changed.";
    const hint = "Try again in a minute; if it keeps failing, tell whoever runs the bot (its log has the details).";
    return { command: "error", ok: false, text, actions: [], error: { code, message: text, hint } };
  }
}

async function run(service: ActionsService, cmd: ActionsCommand, ctx: ActionsContext): Promise<ActionsReply> {
  switch (cmd.kind) {
    case "invalid":
      throw new AppError("BAD_REQUEST", cmd.message, cmd.hint);
    case "help":
      return { command: "help", ok: true, text: ACTIONS_HELP, actions: [] };
    case "list":
    case "overdue": {
      const res = await service.list({ authority: cmd.authority, overdue: cmd.kind === "overdue" });
      return { command: cmd.kind, ok: true, text: listHeadline(cmd.kind, res.authority, res.actions), actions: res.actions };
    }
    case "done":
      return changed("done", await service.markDone(cmd.ref, ctx.actor), "done", "Marked done");
    case "reopen":
      return changed("reopen", await service.reopen(cmd.ref, ctx.actor), "open", "Reopened");
    case "start":
      return changed("start", await service.setInProgress(cmd.ref, ctx.actor), "in progress", "Marked in progress");
    case "assign": {
      const res = await service.assign(cmd.ref, cmd.owner, ctx.actor);
      const who = res.action.owner ?? "nobody";
      const text = res.change ? `${res.action.ref} now belongs to ${who}.` : `${res.action.ref} already belonged to ${who}.`;
      return { command: "assign", ok: true, text, actions: [res.action] };
    }
    case "subscribe": {
      const sub = await service.subscribe(digestPlatform(ctx), ctx.destination, cmd.time, ctx.actor, cmd.authorities);
      const d = service.digestSettings;
      const of = sub.authorities.length ? ` for ${sub.authorities.join(", ")}` : "";
      return {
        command: "subscribe",
        ok: true,
        text: `Subscribed: the open actions digest${of} will be posted here at ${sub.time} (${d.timeZone}), ${describeDays(d.days)}.`,
        actions: [],
      };
    }
    case "unsubscribe": {
      const was = await service.unsubscribe(digestPlatform(ctx), ctx.destination);
      return { command: "unsubscribe", ok: true, text: was ? "Unsubscribed: no more daily digests here." : "This place was not subscribed to the digest.", actions: [] };
    }
  }
}

/** The platform a digest would be posted on; a terminal has none. */
function digestPlatform(ctx: ActionsContext): Platform {
  if (ctx.platform === "terminal") {
    throw new AppError("BAD_REQUEST", "The daily digest is posted to Slack channels and Teams chats, not to a terminal.", "Subscribe there: /actions subscribe in Slack, actions subscribe in Teams.");
  }
  return ctx.platform;
}

function changed(command: ActionsReply["command"], res: ChangeResult, state: string, verb: string): ActionsReply {
  const text = res.change ? `${verb}: ${res.action.ref} (${res.action.authority}).` : `${res.action.ref} was already ${state}.`;
  return { command, ok: true, text, actions: [res.action] };
}

function listHeadline(kind: "list" | "overdue", authority: string | null, actions: { overdue: boolean }[]): string {
  const where = authority ? ` for ${authority}` : "";
  const overdue = actions.filter((a) => a.overdue).length;
  if (kind === "overdue") return actions.length ? `${plural(actions.length, "overdue action")}${where}:` : `Nothing overdue${where}.`;
  if (actions.length === 0) return `No open actions${where}.`;
  return `${plural(actions.length, "open action")}${where}, ${overdue} overdue:`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** "weekdays", "every day", "on mon, wed". */
export function describeDays(days: string): string {
  if (days === "weekdays") return "on weekdays";
  if (days === "daily") return "every day";
  return `on ${days.split(",").join(", ")}`;
}
