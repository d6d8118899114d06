/** The store's errors: one code for "the database let us down", one for "no such action". */
import { AppError } from "../errors.js";

/** Wraps a driver error as AppError STORE_FAILED, saying what was being done and where to look. */
export function storeFailed(err: unknown, doing: string, backend: "sqlite" | "postgres"): AppError {
  if (err instanceof AppError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  const hint =
    backend === "postgres"
      ? "Check DATABASE_URL and that PostgreSQL is running and reachable (psql \"$DATABASE_URL\" -c 'select 1')."
      : "Check DATA_DIR: the folder must be writable and bot.sqlite not locked by another program.";
  return new AppError("STORE_FAILED", `The actions store (${backend}) failed while ${doing}: ${reason}`, hint, { cause: err });
}

/** AppError ACTION_NOT_FOUND for an id the store does not hold. */
export function actionNotFound(id: string): AppError {
  return new AppError("ACTION_NOT_FOUND", `There is no action with id "${id}".`, "List the open actions (actions in chat, npm run actions -- list on the server) and copy an id from there.");
}
