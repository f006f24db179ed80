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

/**
 * The client's internal logging function: level-filtered, redacted, never throws. `enabled(level)`
 * says whether a line of that level would be written, so hot paths build a line (a template string
 * and a fields object per attempt) only when it is.
 */
export type Log = ((
  level: Exclude<LogLevel, "off">,
  message: string,
  fields?: Record<string, unknown>,
) => void) & { readonly enabled: (level: Exclude<LogLevel, "off">) => boolean };

/** Every level, least severe first: a line is written when its level ranks at or above the client's. */
export const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "off"];

export function createLog(logger: Logger | undefined, level: LogLevel, redactor: Redactor): Log {
  // With no logger, or at "off", nothing is enabled, so the logger is never called.
  const enabled = (lineLevel: Exclude<LogLevel, "off">) =>
    logger !== undefined &&
    level !== "off" &&
    LOG_LEVELS.indexOf(lineLevel) >= LOG_LEVELS.indexOf(level);
  const log = (
    lineLevel: Exclude<LogLevel, "off">,
    message: string,
    fields?: Record<string, unknown>,
  ) => {
    if (!enabled(lineLevel)) return;
    try {
      logger?.[lineLevel](
        redactor.text(`extendkit: ${message}`),
        fields === undefined ? undefined : redactor.value(fields),
      );
    } catch {
      // A failing logger must not fail the call it describes.
    }
  };
  return Object.assign(log, { enabled });
}
