/**
 * Structured logs: one JSON object a line on stderr (pino), with the time, the level, the
 * part of the bot that speaks (`component`) and the message. Modules log through a plain
 * `(line: string) => void` (easy to pass, easy to capture in tests); `lineLogger` turns
 * those lines into log records. Questions' text is never logged: log lines say what kind
 * of question was answered and how, not what was asked.
 */
import { format } from "node:util";
import { pino, type DestinationStream, type Logger } from "pino";

/** The levels LOG_LEVEL takes. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A JSON logger on stderr (or `destination`, for tests). */
export function createLogger(opts: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  return pino({ level: opts.level ?? "info", base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, opts.destination ?? pino.destination(2));
}

/** "slack: posting failed" → { component: "slack", msg: "posting failed" }; failures and warnings at level warn. */
export function lineLogger(logger: Logger): (line: string) => void {
  return (line) => {
    const m = /^([a-z][a-z ]{0,20}): ([\s\S]*)$/.exec(line);
    const level = /\b(failed|could not|cannot|warning|error)\b/i.test(line) ? "warn" : "info";
    if (m) logger[level]({ component: m[1] }, m[2]);
    else logger[level](line);
  };
}

/**
 * Routes what libraries print with `console` into the log, as component "console":
 * botbuilder reports refused tokens and failed turns with console.error and has no logger
 * option. Only a server does this (the terminal chat keeps its console).
 * @returns a function that puts the console back
 */
export function routeConsole(logger: Logger, target: Pick<Console, "log" | "info" | "warn" | "error"> = console): () => void {
  const saved = { log: target.log, info: target.info, warn: target.warn, error: target.error };
  const child = logger.child({ component: "console" });
  target.log = target.info = (...args: unknown[]) => child.info(format(...args));
  target.warn = target.error = (...args: unknown[]) => child.warn(format(...args));
  return () => Object.assign(target, saved);
}
