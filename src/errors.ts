/**
 * Errors with a stable code (for logs, tests and support) and a hint that says how to fix
 * the problem. Messages are for people: council IT staff reading a terminal.
 */
export type ErrorCode =
  | "CONFIG_INVALID"
  | "CORPUS_NOT_FOUND"
  | "CORPUS_EMPTY"
  | "FILE_UNREADABLE"
  | "FILE_BINARY"
  | "FILE_EMPTY"
  | "KNOWLEDGE_INVALID"
  | "STORE_FAILED"
  | "ACTION_NOT_FOUND"
  | "NOT_ALLOWED"
  | "BAD_REQUEST"
  | "POST_FAILED";

/** An error the bot expects and can explain. */
export class AppError extends Error {
  /**
   * @param options.cause the error this one explains (a driver's, the file system's): kept
   *   for logs and debugging, never shown in place of the message.
   */
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }

  /** One line for a terminal or log: `[CODE] message — hint`. */
  describe(): string {
    return `[${this.code}] ${this.message}${this.hint ? `\n  How to fix: ${this.hint}` : ""}`;
  }
}
