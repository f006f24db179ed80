import { resolve } from "node:path";
import type { BulkFailure, CancelManyProgress, DeleteManyProgress } from "@extendkit/core";
import { type BulkCommandOptions, jobOptions } from "../bulk-options.ts";
import { Checkpoint, type CheckpointState } from "../checkpoint.ts";
import { connect } from "../connect.ts";
import { EXIT_CODES, type ExitCode } from "../exit-codes.ts";
import { honourPause } from "../honour-pause.ts";
import type { CliIo } from "../io.ts";
import { readIds } from "../read-ids.ts";
import { createReporter } from "../reporter.ts";
import { resumeSource } from "../resume-source.ts";
import { printSummary } from "../summarize.ts";

export interface IdsCommandOptions extends BulkCommandOptions {
  file?: string;
}

const OUTCOMES = {
  delete: ["deleted", "alreadyAbsent", "notFound", "failed", "notAttempted"],
  cancel: ["cancelled", "alreadyTerminal", "notFound", "failed", "notAttempted"],
} as const;

/**
 * `runs delete` and `runs cancel`: the IDs of the arguments, `--file` or stdin, through
 * `client.runs.deleteMany` / `cancelMany`, with progress, an optional checkpoint, and a summary.
 */
export async function runIdsCommand(
  verb: "delete" | "cancel",
  ids: string[],
  options: IdsCommandOptions,
  io: CliIo,
): Promise<ExitCode> {
  const source = readIds({ ids, ...(options.file !== undefined && { file: options.file }) }, io);
  const { client } = connect(options, io);
  let checkpoint: Checkpoint | undefined;
  let resumed: CheckpointState | undefined;
  if (typeof options.checkpoint === "string") {
    const path = resolve(io.cwd, options.checkpoint);
    ({ checkpoint, resumed } = Checkpoint.open(path, {
      kind: "header",
      version: 1,
      job: verb,
      key: "",
      startedAt: new Date().toISOString(),
    }));
  }
  const reporter = createReporter(io, {
    json: options.json === true,
    progress: options.progress !== false,
    verb: verb === "delete" ? "deleting " : "cancelling",
    outcomes: [...OUTCOMES[verb]],
  });
  if (!(await honourPause(resumed, options.maxRetryAfter, io))) {
    checkpoint?.close();
    return io.signal.aborted ? EXIT_CODES.interrupted : EXIT_CODES.incomplete;
  }
  const skipped: Record<string, number> = {};
  const started = Date.now();
  const onProgress = (p: DeleteManyProgress | CancelManyProgress) => {
    if (p.outcome !== "notAttempted") checkpoint?.done(p.id, p.outcome);
    reporter.settled(p);
  };
  const common = {
    ...jobOptions(options, io.signal),
    onStart: (id: string) => checkpoint?.start(id),
    onProgress,
  };
  const items = resumeSource(source, resumed, skipped);
  const report =
    verb === "delete"
      ? await client.runs.deleteMany(items, common)
      : await client.runs.cancelMany(items, common);
  reporter.stop();
  if (report.stopped?.reason === "rate-limited") checkpoint?.pause(report.stopped.resumeAt);
  if (report.ok) checkpoint?.complete();
  checkpoint?.close();
  const counts: Record<string, number> = { ...report.counts };
  for (const [outcome, n] of Object.entries(skipped)) {
    counts[outcome] = (counts[outcome] ?? 0) + n;
    counts.total = (counts.total ?? 0) + n;
  }
  const failed: BulkFailure[] = report.failed;
  return printSummary(
    io,
    {
      counts,
      failed,
      ...(report.stopped !== undefined && { stopped: report.stopped }),
      requests: report.requests,
      seconds: (Date.now() - started) / 1000,
      extra: {
        resumed: Object.values(skipped).reduce((a, b) => a + b, 0),
        ...(checkpoint !== undefined && { checkpoint: checkpoint.path }),
      },
    },
    options.json === true,
    checkpoint !== undefined
      ? `extendkit: run the same command again to resume from ${checkpoint.path}`
      : undefined,
  );
}
