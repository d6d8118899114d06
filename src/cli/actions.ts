#!/usr/bin/env node
/**
 * `npm run actions -- <command>`: the open actions from the terminal.
 *   list [--authority X] [--overdue] [--all] [--date D] [--json]
 *   done|reopen|start <id> [--by NAME]
 *   assign <id> <owner> [--by NAME]
 *   history <id> [--json]
 * Every command first syncs the corpus into the store (--no-sync skips it; --corpus DIR picks it).
 */
import { Command } from "commander";
import { isIsoDate } from "../actions/dates.js";
import { cliActor, openCliSession, runCli, type CliSession, type CliStoreOptions } from "../actions/cli-support.js";
import { formatActionLine, formatChange } from "../actions/render.js";
import { listedStatus } from "../actions/view.js";
import type { ChangeResult } from "../actions/service.js";
import { AppError } from "../errors.js";

const program = new Command()
  .name("actions")
  .description("List and update the inspection actions tracked in the store.")
  .option("--corpus <dir>", "corpus folder to sync from (default: CORPUS_DIR or seeds)")
  .option("--no-sync", "use the store as it is, without re-reading the corpus");

/** Opens a session with the global options, runs `fn`, always closes the store. */
async function withSession(cmd: Command, fn: (s: CliSession) => Promise<void>): Promise<void> {
  const s = await openCliSession(cmd.optsWithGlobals<CliStoreOptions>());
  try {
    await fn(s);
  } finally {
    await s.store.close();
  }
}

program
  .command("list")
  .description("open actions, overdue first")
  .option("--authority <name>", "only this authority (case-insensitive)")
  .option("--overdue", "only overdue actions")
  .option("--all", "every action the store knows: done, archived and superseded ones too, each with its status")
  .option("--date <YYYY-MM-DD>", "work 'overdue' out for this day (default: today in DIGEST_TZ)")
  .option("--json", "print JSON")
  .action(async (opts: { authority?: string; overdue?: boolean; all?: boolean; date?: string; json?: boolean }, cmd: Command) => {
    if (opts.date !== undefined && !isIsoDate(opts.date)) {
      throw new AppError("BAD_REQUEST", `--date "${opts.date}" is not a date.`, "Give it as YYYY-MM-DD, e.g. --date 2011-09-01.");
    }
    await withSession(cmd, async ({ service }) => {
      const res = await service.list({ authority: opts.authority, overdue: opts.overdue, date: opts.date, all: opts.all });
      if (opts.json) {
        // With --all, `status` says "superseded" or "archived" first; the action's own status stays in `workflowStatus`.
        const actions = opts.all ? res.actions.map((v) => ({ ...v, status: listedStatus(v), workflowStatus: v.status })) : res.actions;
        process.stdout.write(`${JSON.stringify({ ...res, actions }, null, 2)}\n`);
        return;
      }
      const where = res.authority ? ` for ${res.authority}` : "";
      const overdue = res.actions.filter((a) => a.overdue).length;
      const superseded = res.actions.filter((a) => a.supersededBy).length;
      const head = opts.all
        ? `${res.actions.length} action(s)${where} in the store, ${superseded} superseded by a later inspection,`
        : opts.overdue
          ? `${overdue} overdue action(s)${where}`
          : `${res.actions.length} open action(s)${where}, ${overdue} overdue,`;
      process.stdout.write(`${head} as of ${res.date}\n`);
      for (const v of res.actions) process.stdout.write(`${formatActionLine(v, { authority: true })}\n`);
    });
  });

type Change = (service: CliSession["service"], id: string, actor: ReturnType<typeof cliActor>) => Promise<ChangeResult>;

/** done / reopen / start share everything but the verb. */
function statusCommand(name: "done" | "reopen" | "start", description: string, change: Change): void {
  program
    .command(`${name} <id>`)
    .description(description)
    .option("--by <name>", "who made the change, for the history (default: your login name)")
    .action(async (id: string, opts: { by?: string }, cmd: Command) => {
      await withSession(cmd, async ({ service }) => printChange(await change(service, id, cliActor(opts.by)), name));
    });
}

statusCommand("done", "mark an action done (it leaves the lists and the digest)", (s, id, actor) => s.markDone(id, actor));
statusCommand("reopen", "put an action back to open", (s, id, actor) => s.reopen(id, actor));
statusCommand("start", "mark an action in progress", (s, id, actor) => s.setInProgress(id, actor));

program
  .command("assign <id> <owner>")
  .description("give an action an owner ('none' clears it)")
  .option("--by <name>", "who made the change (default: your login name)")
  .action(async (id: string, owner: string, opts: { by?: string }, cmd: Command) => {
    await withSession(cmd, async ({ service }) => {
      const clear = ["none", "nobody", "-"].includes(owner.toLowerCase());
      printChange(await service.assign(id, clear ? null : owner, cliActor(opts.by)), "assign");
    });
  });

program
  .command("history <id>")
  .description("every change made to an action")
  .option("--json", "print JSON")
  .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
    await withSession(cmd, async ({ service }) => {
      const { action, changes } = await service.history(id);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ action, changes }, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${formatActionLine(action, { authority: true })}\n  status: ${action.status}${action.archived ? " (archived)" : ""}\n`);
      if (changes.length === 0) process.stdout.write("No changes yet.\n");
      for (const c of changes) process.stdout.write(`${formatChange(c)}\n`);
    });
  });

function printChange(res: ChangeResult, verb: string): void {
  const v = res.action;
  if (!res.change) {
    process.stdout.write(`${v.ref} (${v.authority}) is unchanged: status ${v.status}, owner ${v.owner ?? "none"}.\n`);
    return;
  }
  process.stdout.write(`${verb}: ${v.ref} (${v.authority}) ${res.change.field} ${res.change.from ?? "(none)"} -> ${res.change.to ?? "(none)"}\n`);
}

await runCli(async () => {
  await program.parseAsync(process.argv);
});
