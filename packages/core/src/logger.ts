import type { Redactor } from "./create-redactor.ts";

/** Severity of a log line; `"off"` logs nothing. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

/**
 * Where the client logs. `console` fits. Lines never hold the API key or request headers; `fields`
 * are plain data (`method`, `path`, `status`, `attempt`, `delayMs`, `requestId`, …).
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The client's internal logging function: level-filtered, redacted, never throws. */
export type Log = (
  level: Exclude<LogLevel, "off">,
  message: string,
  fields?: Record<string, unknown>,
) => void;

const RANK = { debug: 0, info: 1, warn: 2, error: 3, off: 4 } as const;

export function createLog(logger: Logger | undefined, level: LogLevel, redactor: Redactor): Log {
  if (logger === undefined || level === "off") return () => {};
  return (lineLevel, message, fields) => {
    if (RANK[lineLevel] < RANK[level]) return;
    try {
      logger[lineLevel](
        redactor.text(`extendkit: ${message}`),
        fields === undefined ? undefined : redactor.value(fields),
      );
    } catch {
      // A failing logger must not fail the call it describes.
    }
  };
}
