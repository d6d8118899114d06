#!/usr/bin/env node
/**
 * `npm run digest -- [--date YYYY-MM-DD] [--authority NAME...] [--json] [--corpus DIR] [--no-sync]`:
 * prints the open actions digest as it would be posted on that day (default today in
 * DIGEST_TZ), of some authorities (default all), after bringing the store in line with the corpus.
 */
import { Command } from "commander";
import { isIsoDate } from "../actions/dates.js";
import { openCliSession, runCli } from "../actions/cli-support.js";
import { AppError } from "../errors.js";
import { buildDigest } from "../digest/build.js";
import { renderDigestText } from "../digest/render.js";

const program = new Command()
  .name("digest")
  .description("Print the open inspection actions digest as of a day.")
  .option("--date <YYYY-MM-DD>", "the day to work 'overdue' out for (default: today in DIGEST_TZ)")
  .option("--authority <names...>", "only these authorities, as a subscription scoped to them gets it")
  .option("--json", "print the Digest object as JSON")
  .option("--corpus <dir>", "corpus folder to sync from (default: CORPUS_DIR or seeds)")
  .option("--no-sync", "use the store as it is, without re-reading the corpus")
  .action(async (opts: { date?: string; authority?: string[]; json?: boolean; corpus?: string; sync: boolean }) => {
    if (opts.date !== undefined && !isIsoDate(opts.date)) {
      throw new AppError("BAD_REQUEST", `--date "${opts.date}" is not a date.`, "Give it as YYYY-MM-DD, e.g. --date 2011-09-01.");
    }
    const { store, service } = await openCliSession(opts);
    try {
      const authorities = opts.authority?.length ? await service.resolveAuthorities(opts.authority.join(" ")) : [];
      const digest = await buildDigest(store, opts.date ?? service.today(), { authorities });
      process.stdout.write(opts.json ? `${JSON.stringify(digest, null, 2)}\n` : `${renderDigestText(digest)}\n`);
    } finally {
      await store.close();
    }
  });

await runCli(async () => {
  await program.parseAsync(process.argv);
});
