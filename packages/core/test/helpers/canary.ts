import { inspect } from "node:util";
import { expect } from "vitest";

/** The API key of every failure test. Servers below echo it back; it must never surface. */
export const CANARY = "sk_live_CANARY_9f3b7c1d2e";

/** Every string form of an error and of each error along its `cause` chain. */
function forms(error: unknown, depth = 0): string[] {
  if (depth > 10 || error === undefined || error === null) return [];
  const out = [
    String(error),
    JSON.stringify(error) ?? "",
    inspect(error, { depth: 20, showHidden: true }),
  ];
  if (error instanceof Error) {
    out.push(error.message, error.stack ?? "");
    out.push(...forms(error.cause, depth + 1));
  }
  return out;
}

/** Asserts the canary is absent from the error (message, stack, causes, JSON, inspect) and the log lines. */
export function expectNoCanary(error: unknown, logs: readonly string[] = []): void {
  for (const form of [...forms(error), ...logs]) expect(form).not.toContain(CANARY);
}

/** A log sink at debug level; each line is the message plus its fields as JSON. */
export function captureLogger() {
  const lines: string[] = [];
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  return {
    lines,
    logger: { debug: line("debug"), info: line("info"), warn: line("warn"), error: line("error") },
  };
}
