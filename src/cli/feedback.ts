#!/usr/bin/env node
/**
 * `npm run feedback -- [--since 7d] [--json]`: what people asked that the bot could not
 * answer, the words it did not understand, and the 👎 answers with their comments.
 * `--json` prints `{ "unanswered": [...], "negative": [...], "positive": n }`.
 */
import { Command } from "commander";
import { runCli } from "../actions/cli-support.js";
import { systemClock } from "../clock.js";
import { loadSettings } from "../config.js";
import { renderFeedbackText } from "../feedback/report.js";
import { FeedbackService } from "../feedback/service.js";
import { parseSince } from "../feedback/since.js";
import { openStore } from "../store/open.js";

const program = new Command()
  .name("feedback")
  .description("The questions the bot could not answer and the answers people marked 👎 (kept QUESTION_LOG_DAYS days).")
  .option("--since <period>", "only this recent: 12h, 7d, 2w, or a date YYYY-MM-DD (default: everything kept)")
  .option("--json", "print JSON")
  .action(async (opts: { since?: string; json?: boolean }) => {
    const settings = loadSettings();
    const clock = systemClock;
    const since = opts.since === undefined ? null : parseSince(opts.since, clock());
    const store = await openStore(settings, { clock });
    try {
      // Whoever runs the CLI can reach the database itself: ADMIN_USERS governs chat users only.
      const service = new FeedbackService({ store, clock, settings: { ...settings, adminUsers: [] } });
      const report = await service.report(since ?? undefined);
      const out = opts.json ? JSON.stringify(report, null, 2) : renderFeedbackText(report, { since, keepDays: service.keepDays }, Infinity);
      process.stdout.write(`${out}\n`);
    } finally {
      await store.close();
    }
  });

await runCli(async () => {
  await program.parseAsync(process.argv);
});
