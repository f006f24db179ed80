import { createHash } from "node:crypto";
import { resolve } from "node:path";
import {
  ApiError,
  type BulkFailure,
  type BulkStop,
  type ExtendClient,
  type ListableRunType,
  parseDuration,
  type RunFilter,
} from "@extendkit/core";
import { type BulkCommandOptions, jobOptions } from "../bulk-options.ts";
import { Checkpoint, type CheckpointState } from "../checkpoint.ts";
import { connect } from "../connect.ts";
import { EXIT_CODES, type ExitCode } from "../exit-codes.ts";
import { honourPause } from "../honour-pause.ts";
import type { CliIo } from "../io.ts";
import { createReporter } from "../reporter.ts";
import { FINAL_OUTCOMES } from "../resume-source.ts";
import { printSummary } from "../summarize.ts";
import { UsageError } from "../usage-error.ts";

export interface PurgeOptions extends BulkCommandOptions {
  type: ListableRunType[];
  olderThan: string;
  status?: string[];
  workflow?: string;
  batch?: string;
  metadata?: Record<string, string>;
  dryRun?: boolean;
  yes?: boolean;
  maxPasses: number;
}

const OUTCOMES = ["deleted", "alreadyAbsent", "notFound", "failed", "notAttempted"];

/**
 * `runs purge`: finds every run matching the filter (created before now − `--older-than`), then
 * deletes them. Listing and deleting are separate phases — the matching IDs are collected first,
 * then deleted, then the list is read again (up to `--max-passes`) until a pass finds nothing, so
 * pages that shift as runs disappear cannot hide any (catalogue PG8). With a checkpoint (on by
 * default), a re-run of the same command after a crash or Ctrl-C keeps the original cutoff and
 * continues where it stopped. `--dry-run` lists what would be deleted and sends no DELETE.
 */
export async function purge(options: PurgeOptions, io: CliIo): Promise<ExitCode> {
  if (options.dryRun === options.yes) {
    throw new UsageError(
      options.dryRun
        ? "--dry-run and --yes exclude each other: pick one"
        : "runs purge deletes runs for good: pass --dry-run to see what would be deleted, or --yes to delete",
    );
  }
  if (options.workflow !== undefined && !options.type.includes("workflow")) {
    throw new UsageError(
      "--workflow filters workflow runs: use it with --type workflow or --type all",
    );
  }
  const key = JSON.stringify({
    type: options.type,
    olderThan: options.olderThan,
    status: options.status ?? [],
    workflow: options.workflow ?? null,
    batch: options.batch ?? null,
    metadata: options.metadata ?? {},
  });
  const { client, target } = connect(options, io);
  let checkpoint: Checkpoint | undefined;
  let resumed: CheckpointState | undefined;
  // The built-in emulator starts afresh every time, so a default checkpoint could never resume.
  const wanted =
    options.checkpoint !== false && !(options.emulator && options.checkpoint === undefined);
  if (!options.dryRun && wanted) {
    const path = resolve(
      io.cwd,
      typeof options.checkpoint === "string"
        ? options.checkpoint
        : `extendkit-purge-${createHash("sha256").update(key).digest("hex").slice(0, 12)}.jsonl`,
    );
    ({ checkpoint, resumed } = Checkpoint.open(path, {
      kind: "header",
      version: 1,
      job: "purge",
      key,
      cutoff: new Date(Date.now() - parseDuration(options.olderThan)).toISOString(),
      startedAt: new Date().toISOString(),
    }));
  }
  try {
    return await runPurge(client, target, options, io, checkpoint, resumed);
  } finally {
    checkpoint?.close();
  }
}

async function runPurge(
  client: ExtendClient,
  target: string,
  options: PurgeOptions,
  io: CliIo,
  checkpoint: Checkpoint | undefined,
  resumed: CheckpointState | undefined,
): Promise<ExitCode> {
  const json = options.json === true;
  const reporter = createReporter(io, {
    json,
    progress: options.progress !== false,
    verb: "deleting ",
    outcomes: OUTCOMES,
  });
  const cutoff =
    resumed?.header.cutoff ?? new Date(Date.now() - parseDuration(options.olderThan)).toISOString();
  const filter: RunFilter = {
    types: options.type,
    createdBefore: cutoff,
    ...(options.status !== undefined && { status: options.status }),
    ...(options.workflow !== undefined && { workflowId: options.workflow }),
    ...(options.batch !== undefined && { batchId: options.batch }),
    ...(options.metadata !== undefined && { metadata: options.metadata }),
  };
  const outcome = new Map<string, string>(resumed?.done);
  const started = new Set(resumed?.started);
  const failures = new Map<string, BulkFailure>();
  const startedAt = Date.now();
  let requests = 0;
  let stopped: BulkStop | undefined;
  let passes = 0;
  if (resumed !== undefined) {
    reporter.note(
      `extendkit: resuming ${checkpoint?.path}: cutoff ${cutoff}, ${resumed.found.length} runs found, ${[...resumed.done.values()].filter((o) => FINAL_OUTCOMES.has(o)).length} done`,
      { resumed: true, cutoff },
    );
  } else if (!json) {
    io.stderr.write(
      `extendkit: ${options.dryRun ? "listing" : "purging"} runs created before ${cutoff} on ${target}\n`,
    );
  }

  if (!(await honourPause(resumed, options.maxRetryAfter, io))) {
    return io.signal.aborted ? EXIT_CODES.interrupted : EXIT_CODES.incomplete;
  }
  for (let pass = 1; pass <= options.maxPasses && stopped === undefined; pass++) {
    passes = pass;
    // Phase 1: the snapshot of matching runs (kept from the checkpoint when this pass was listed).
    let found: string[];
    if (resumed?.listed.has(pass)) {
      found = resumed.found;
    } else {
      const listed: { id: string; type: string; status: string; createdAt: string | undefined }[] =
        [];
      try {
        for await (const run of client.runs.find(filter, { signal: io.signal })) listed.push(run);
      } catch (error) {
        stopped = io.signal.aborted
          ? { reason: "aborted", cause: error }
          : error instanceof ApiError && error.status === 401
            ? { reason: "unauthorized", error }
            : { reason: "source-failed", error };
        break;
      }
      if (options.dryRun) return printDryRun(io, listed, cutoff, json);
      found = listed.map((r) => r.id);
      checkpoint?.found(pass, found);
      checkpoint?.listed(pass);
    }
    // Phase 2: delete what is not settled yet.
    const todo = found.filter((id) => !FINAL_OUTCOMES.has(outcome.get(id) ?? ""));
    if (todo.length === 0) break;
    reporter.setTotal(todo.length);
    const report = await client.runs.deleteMany(
      todo.map((id) => (started.has(id) ? { id, attempted: true } : id)),
      {
        ...jobOptions(options, io.signal),
        onStart: (id) => {
          started.add(id);
          checkpoint?.start(id);
        },
        onProgress: (p) => {
          if (p.outcome !== "notAttempted") {
            outcome.set(p.id, p.outcome);
            checkpoint?.done(p.id, p.outcome);
          }
          reporter.settled(p);
        },
      },
    );
    requests += report.requests;
    for (const f of report.failed) failures.set(f.id, f);
    for (const id of [...report.deleted, ...report.alreadyAbsent, ...report.notFound])
      failures.delete(id);
    stopped = report.stopped;
    if (stopped?.reason === "rate-limited") checkpoint?.pause(stopped.resumeAt);
    for (const id of report.notAttempted) outcome.set(id, "notAttempted");
    resumed = undefined;
  }
  reporter.stop();
  const counts: Record<string, number> = { total: 0 };
  for (const key of OUTCOMES) counts[key] = 0;
  for (const value of outcome.values()) {
    counts[value] = (counts[value] ?? 0) + 1;
    counts.total = (counts.total ?? 0) + 1;
  }
  const failed = [...failures.values()];
  if (stopped === undefined && failed.length === 0) checkpoint?.complete();
  return printSummary(
    io,
    {
      counts,
      failed,
      ...(stopped !== undefined && { stopped }),
      requests,
      seconds: (Date.now() - startedAt) / 1000,
      extra: { passes, cutoff, ...(checkpoint !== undefined && { checkpoint: checkpoint.path }) },
    },
    json,
    checkpoint !== undefined
      ? `extendkit: run the same command again to resume from ${checkpoint.path}`
      : undefined,
  );
}

function printDryRun(
  io: CliIo,
  runs: { id: string; type: string; status: string; createdAt: string | undefined }[],
  cutoff: string,
  json: boolean,
): ExitCode {
  const byType: Record<string, number> = {};
  for (const run of runs) byType[run.type] = (byType[run.type] ?? 0) + 1;
  if (json) {
    for (const run of runs) io.stdout.write(`${JSON.stringify({ ...run, wouldDelete: true })}\n`);
    io.stdout.write(
      `${JSON.stringify({ summary: { dryRun: true, wouldDelete: runs.length, byType, cutoff, exitCode: 0 } })}\n`,
    );
    return EXIT_CODES.ok;
  }
  for (const run of runs.slice(0, 50)) {
    io.stdout.write(`${run.id}  ${run.type}  ${run.status}  ${run.createdAt ?? ""}\n`);
  }
  if (runs.length > 50) io.stdout.write(`… and ${runs.length - 50} more\n`);
  const parts = Object.entries(byType).map(([type, n]) => `${n} ${type}`);
  io.stdout.write(
    `dry run: would delete ${runs.length} runs${parts.length > 0 ? ` (${parts.join(", ")})` : ""} created before ${cutoff}; nothing was deleted\n`,
  );
  return EXIT_CODES.ok;
}
