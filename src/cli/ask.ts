#!/usr/bin/env node
/**
 * `npm run ask -- [--json] [--batch FILE] [--corpus DIR] "question"`: answers from the
 * command line. With --batch, one question per line (JSON lines with --json).
 */
import { readFileSync } from "node:fs";
import { Command } from "commander";
import { loadBot } from "../bot.js";
import { textCacheDir } from "../corpus/cache.js";
import { loadSettings } from "../config.js";
import { AppError } from "../errors.js";
import { renderText } from "../render/text.js";

async function main(): Promise<void> {
  const program = new Command()
    .name("ask")
    .description("Answer questions about Ofsted inspections from the corpus")
    .argument("[question...]", "the question")
    .option("--json", "print the answer object (one JSON line per answer)")
    .option("--batch <file>", "answer every line of FILE")
    .option("--corpus <dir>", "corpus folder (default: CORPUS_DIR or seeds/)")
    .showHelpAfterError();
  program.parse();
  const opts = program.opts<{ json?: boolean; batch?: string; corpus?: string }>();
  const settings = loadSettings();
  // The questions file is read first: a wrong path should not wait for the corpus to load.
  const questions = opts.batch ? readQuestions(opts.batch) : [program.args.join(" ")];
  const bot = await loadBot({ corpusDir: opts.corpus ?? settings.corpusDir, cacheDir: textCacheDir(settings.dataDir) });
  for (const p of bot.problems) process.stderr.write(`warning: ${p.file} ${p.reason} [${p.code}] (skipped)\n`);
  if (!opts.batch && !questions[0].trim()) {
    program.help();
  }
  const out: string[] = [];
  for (const q of questions) {
    const a = bot.ask(q);
    out.push(opts.json ? JSON.stringify(a) : renderText(a));
  }
  process.stdout.write(out.join(opts.json ? "\n" : "\n\n") + "\n");
}

/** One question per non-blank line. */
function readQuestions(file: string): string[] {
  try {
    return readFileSync(file, "utf8").split(/\r?\n/).filter((l) => l.trim());
  } catch (err) {
    throw new AppError("FILE_UNREADABLE", `Cannot read the questions file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`, "Pass --batch a text file with one question per line.", { cause: err });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(err instanceof AppError ? `${err.describe()}\n` : `${(err as Error).stack}\n`);
  process.exit(1);
});
