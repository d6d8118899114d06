/** The terminal chat `npm start` opens with no settings: questions, and actions as the local user. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openActions, type ActionsRuntime } from "../../src/actions/runtime.js";
import { loadBot, type Bot } from "../../src/bot.js";
import { runTerminalChat } from "../../src/cli/chat.js";
import { testClock } from "../store/fixtures.js";

let bot: Bot;
let runtime: ActionsRuntime;
let dir: string;
const clock = testClock("2011-09-01T08:00:00Z");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "chat-"));
  bot = await loadBot({ corpusDir: "seeds", clock });
  const settings = { corpusDir: "seeds", dataDir: dir, port: 0, adminUsers: [], digest: { timeZone: "Europe/London", time: "09:00", days: "weekdays" } };
  runtime = await openActions({ settings, actions: bot.actions, clock });
});
afterAll(async () => {
  await runtime.store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Types the lines into the chat and returns everything it printed. */
async function chat(lines: string[], withActions: boolean): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (d: Buffer) => (printed += d.toString()));
  const done = runTerminalChat(bot, { input, output, ...(withActions ? { actions: runtime.service, actor: { id: "pat", name: "pat" } } : {}) });
  input.end(lines.join("\n") + "\n");
  await done;
  return printed;
}

describe("terminal chat", () => {
  it("answers questions with their sources and stops at exit", async () => {
    const out = await chat(["What was Halton's staying safe grade?", "exit", "Derby judgements"], false);
    expect(out).toContain("Staying safe: Outstanding");
    expect(out).toContain("002_f7ea8ef697b3b1a6.txt, line 65");
    expect(out).not.toContain("Leadership, management and governance");
  });

  it("follows on within a session, and a new session starts afresh", async () => {
    const out = await chat(["What was Halton's staying safe grade?", "and for being healthy?"], false);
    expect(out).toContain("Halton, services for looked after children, Being healthy: Good");
    expect(out).toContain("(Understood as: following on from your last question: Halton: Being healthy)");
    const fresh = await chat(["and for being healthy?"], false);
    expect(fresh).not.toContain("following on");
  });

  it("lists and ticks off actions as the local user, and says a terminal cannot take a digest", async () => {
    const listed = await chat(["actions Oxfordshire overdue"], true);
    expect(listed).toMatch(/\d+ overdue actions for Oxfordshire:/);
    const ref = /- ([0-9a-f]{8}) {2}Oxfordshire/.exec(listed)![1];
    const out = await chat([`actions done ${ref}`, "actions subscribe 08:30"], true);
    expect(out).toContain(`Marked done: ${ref} (Oxfordshire).`);
    expect(out).toContain("not to a terminal");
    const { changes } = await runtime.service.history(ref);
    expect(changes.at(-1)).toMatchObject({ to: "done", by: "pat" });
    expect(await runtime.store.listSubscriptions()).toEqual([]);
  });
});
