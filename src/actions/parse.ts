/**
 * The chat words for actions, shared by Slack (`/actions done 1a2b3c4d`: Slack hands over
 * the text after the command) and Teams (a message "actions done 1a2b3c4d", mention
 * already stripped by the adapter). Pure: words in, a command out.
 */

/** A parsed actions command. */
export type ActionsCommand =
  | { kind: "list"; authority?: string }
  | { kind: "overdue"; authority?: string }
  | { kind: "done" | "reopen" | "start"; ref: string }
  | { kind: "assign"; ref: string; owner: string | null }
  | { kind: "subscribe"; time?: string; authorities?: string }
  | { kind: "unsubscribe" }
  | { kind: "help" }
  | { kind: "invalid"; message: string; hint: string };

const LEAD = /^\s*\/?actions\b\s*/i;

/** True when a message is an actions command ("actions ...", "/actions ..."): for Teams routing. */
export function isActionsCommand(text: string): boolean {
  return LEAD.test(text);
}

const STATUS_WORDS: Record<string, "done" | "reopen" | "start"> = {
  done: "done",
  complete: "done",
  close: "done",
  reopen: "reopen",
  undo: "reopen",
  start: "start",
  started: "start",
  progress: "start",
};

/** Owner words that clear the owner rather than set it. */
const NOBODY = new Set(["none", "nobody", "-", "no-one", "noone"]);

/** Parses the words after (or including) "actions". Never throws: bad input is `invalid` with a hint. */
export function parseActionsCommand(words: string): ActionsCommand {
  const rest = words.replace(LEAD, "").trim();
  if (rest === "" || /^(list|all|open)$/i.test(rest)) return { kind: "list" };
  const [first, ...others] = rest.split(/\s+/);
  const verb = first.toLowerCase();
  const tail = others.join(" ");
  if (verb === "help" || verb === "?") return { kind: "help" };
  if (verb === "overdue" || verb === "late") return tail ? { kind: "overdue", authority: authorityWords(tail) } : { kind: "overdue" };
  if (verb in STATUS_WORDS) {
    const kind = STATUS_WORDS[verb];
    if (others.length !== 1) return invalid(`Say which action: actions ${verb} <id>.`);
    return { kind, ref: others[0] };
  }
  if (verb === "assign") {
    if (others.length < 2) return invalid("Say which action and who owns it: actions assign <id> <owner>.");
    const owner = unquote(others.slice(1).join(" "));
    return { kind: "assign", ref: others[0], owner: NOBODY.has(owner.toLowerCase()) ? null : owner };
  }
  if (verb === "unassign") {
    if (others.length !== 1) return invalid("Say which action: actions unassign <id>.");
    return { kind: "assign", ref: others[0], owner: null };
  }
  if (verb === "subscribe") {
    // "subscribe Halton Derby 08:30": the authorities to follow (default all), then the time.
    const last = others.at(-1);
    const time = last !== undefined && /^\d{1,2}[:.]\d{2}$/.test(last) ? last.replace(".", ":") : undefined;
    const names = (time ? others.slice(0, -1) : others).join(" ").trim();
    if (names && /\d/.test(names)) return invalid("Give the authorities, then one time: actions subscribe Halton Derby 08:30.");
    return { kind: "subscribe", ...(time ? { time } : {}), ...(names ? { authorities: names } : {}) };
  }
  if (verb === "unsubscribe") return { kind: "unsubscribe" };
  const lateFor = /^(.+?)\s+(overdue|late)$/i.exec(rest);
  if (lateFor) return { kind: "overdue", authority: authorityWords(lateFor[1]) };
  // Anything else names an authority ("actions Halton", "actions for County Durham").
  return { kind: "list", authority: authorityWords(rest) };
}

/** The authority in "for Halton", "of 'County Durham'?": the name without its little words. */
function authorityWords(s: string): string {
  return unquote(s.replace(/[?.!]+$/, "").replace(/^(for|of|at|in)\s+/i, ""));
}

function invalid(message: string): ActionsCommand {
  return { kind: "invalid", message, hint: "Type actions help for the list of commands." };
}

function unquote(s: string): string {
  return s.trim().replace(/^["'“‘](.*)["'”’]$/, "$1").trim();
}

/** The help text, plain. */
export const ACTIONS_HELP = [
  "Inspection actions: the recommendations and deadlines from the councils' Ofsted reports.",
  "  actions                      open actions, overdue first",
  "  actions <authority>          open actions for one authority (e.g. actions Halton)",
  "  actions overdue [authority]  only the overdue ones",
  "  actions done <id>            mark an action done (reopen <id> / start <id> likewise)",
  "  actions assign <id> <owner>  give an action an owner (assign <id> none clears it)",
  "  actions subscribe [authorities] [HH:MM]  post the daily digest here, of some authorities",
  "                               (e.g. actions subscribe Halton Derby 08:30; default all, time shown in the reply)",
  "  actions unsubscribe          stop the daily digest here",
  "Ids are the 8 characters shown next to each action; the first 4 or more are enough when unique.",
].join("\n");
