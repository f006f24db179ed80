import type { BulkFailure, BulkStop } from "@extendkit/core";
import { EXIT_CODES, type ExitCode } from "./exit-codes.ts";
import type { CliIo } from "./io.ts";
import { describeError, label } from "./reporter.ts";

/** The outcome of a whole command: counts by outcome, failures, and why it stopped early. */
export interface Summary {
  counts: Record<string, number>;
  failed: BulkFailure[];
  stopped?: BulkStop;
  requests: number;
  seconds: number;
  /** Extra facts for the JSON summary (passes, checkpoint path, …). */
  extra?: Record<string, unknown>;
}

/** The exit code a summary means (see `EXIT_CODES`). */
export function exitCodeOf(summary: Summary): ExitCode {
  const { stopped } = summary;
  if (stopped?.reason === "aborted") return EXIT_CODES.interrupted;
  if (stopped?.reason === "unauthorized") return EXIT_CODES.config;
  if (stopped !== undefined || (summary.counts.notAttempted ?? 0) > 0) return EXIT_CODES.incomplete;
  return summary.failed.length > 0 ? EXIT_CODES.failed : EXIT_CODES.ok;
}

/** Prints the summary: a JSON line with `--json`, else a few lines of text on stdout. */
export function printSummary(
  io: CliIo,
  summary: Summary,
  json: boolean,
  resumeHint?: string,
): ExitCode {
  const code = exitCodeOf(summary);
  if (json) {
    io.stdout.write(
      `${JSON.stringify({
        summary: {
          ...summary.counts,
          requests: summary.requests,
          seconds: Number(summary.seconds.toFixed(3)),
          exitCode: code,
          ...(summary.stopped !== undefined && { stopped: stopReason(summary.stopped) }),
          ...summary.extra,
        },
      })}\n`,
    );
    if (resumeHint !== undefined && code !== EXIT_CODES.ok) io.stderr.write(`${resumeHint}\n`);
    return code;
  }
  const { total = 0, ...rest } = summary.counts;
  const parts = Object.entries(rest).map(([key, n]) => `${label(key)} ${n}`);
  io.stdout.write(
    `${parts.join(" · ")}  (${total} runs, ${summary.requests} requests, ${summary.seconds.toFixed(1)} s)\n`,
  );
  for (const failure of summary.failed.slice(0, 20)) {
    io.stdout.write(`  failed ${failure.id}: ${describeError(failure.error)}\n`);
  }
  if (summary.failed.length > 20)
    io.stdout.write(`  … and ${summary.failed.length - 20} more failures\n`);
  if (summary.stopped !== undefined)
    io.stderr.write(`extendkit: stopped early: ${stopReason(summary.stopped)}\n`);
  if (resumeHint !== undefined && code !== EXIT_CODES.ok) io.stderr.write(`${resumeHint}\n`);
  return code;
}

function stopReason(stop: BulkStop): string {
  switch (stop.reason) {
    case "aborted":
      return "interrupted";
    case "rate-limited":
      return `the API asked to wait until ${new Date(stop.resumeAt).toISOString()} (longer than --max-retry-after)`;
    case "unauthorized":
      return `the API refused the key: ${describeError(stop.error)}`;
    case "source-failed":
      return `reading the run IDs failed: ${describeError(stop.error)}`;
    case "callback-failed":
      return `recording progress failed: ${describeError(stop.error)}`;
  }
}
