import { bulkDeleteLoop } from "../bulk-delete-loop.ts";
import { contenders } from "../contenders/index.ts";
import { createCountingFetch } from "../counting-fetch.ts";
import { type EmulatorHandle, startEmulator } from "../emulator-handle.ts";
import { roundOrder } from "../interleave.ts";
import type { Goal, SectionResult } from "../section.ts";
import { fmt, fmtRatio, ratio } from "../stats.ts";
import { renderTable } from "../table.ts";

const WARMUP_RUNS = 400;
/** The start-up transient under a limit: the first two 1 s rate windows. */
const STEADY_AFTER_MS = 2_000;

export interface BulkOptions {
  runs: number;
  concurrency: number;
  limitedRuns: number;
  writeLimitPerSecond: number;
}

interface BulkTrial {
  name: string;
  helper: string;
  runs: number;
  seconds: number;
  deleted: number;
  failed: number;
  requests: number;
  tooMany: number;
  /** Requests and 429s after the first STEADY_AFTER_MS. */
  steadyRequests: number;
  steadyTooMany: number;
  /** Runs still present afterwards: deletes the client gave up on. Must be 0. */
  lost: number;
  retryAfterViolations: number;
  firstError: string | undefined;
}

async function bulkTrial(
  emulator: EmulatorHandle,
  name: string,
  runs: number,
  concurrency: number,
  writeLimit: number | false,
): Promise<BulkTrial> {
  const ids = await emulator.seed(runs);
  await emulator.writeLimit(writeLimit);
  const contender = contenders.find((c) => c.name === name);
  if (contender === undefined) throw new Error(name);
  const counting = createCountingFetch();
  const api = contender.create({
    fetch: counting.fetch,
    baseUrl: emulator.url,
    apiKey: emulator.apiKey,
  });
  const t0 = performance.now();
  counting.steadyAfter = t0 + STEADY_AFTER_MS;
  const report = api.deleteMany
    ? await api.deleteMany(ids, concurrency)
    : await bulkDeleteLoop(ids, concurrency, (id) => api.delete(id));
  const seconds = (performance.now() - t0) / 1000;
  const server = await emulator.report();
  await emulator.writeLimit(false);
  return {
    name,
    helper: api.deleteMany ? "library helper" : "bench loop",
    runs,
    seconds,
    deleted: report.deleted,
    failed: report.failed,
    requests: counting.requests,
    tooMany: counting.statuses[429] ?? 0,
    steadyRequests: counting.steady.requests,
    steadyTooMany: counting.steady.tooMany,
    lost: server.left,
    retryAfterViolations: server.retryAfterViolations,
    firstError: report.errors[0],
  };
}

const pct = (part: number, whole: number) => `${fmt((100 * part) / Math.max(1, whole), 1)}%`;

function rows(trials: BulkTrial[], rawRate: number): string[][] {
  return trials.map((t) => {
    const rate = t.deleted / t.seconds;
    return [
      contenders.find((c) => c.name === t.name)?.label ?? t.name,
      t.helper,
      fmt(t.seconds, 1),
      fmt(rate, 1),
      fmtRatio(ratio(rate, rawRate)),
      fmt(t.requests),
      `${fmt(t.tooMany)} (${pct(t.tooMany, t.requests)})`,
      `${fmt(t.steadyTooMany)} (${pct(t.steadyTooMany, t.steadyRequests)})`,
      fmt(Math.max(0, t.requests - t.runs)),
      fmt(t.retryAfterViolations),
      fmt(t.lost),
    ];
  });
}

const HEADERS = [
  "contender",
  "bulk delete by",
  "s",
  "deleted/s",
  "vs raw",
  "requests",
  "429s",
  "429s after 2 s ²",
  "retries",
  "early retries ¹",
  "runs lost",
];

/**
 * Section 5: bulk delete of seeded runs at concurrency 16 against the served emulator: `runs` with
 * no limit, then `limitedRuns` under a `writeLimitPerSecond` WRITE limit (fixed 1 s windows,
 * 429 + Retry-After in whole seconds). One uncounted warm-up of 400 deletes per contender, then one trial per contender each, order
 * rotated between the two.
 */
export async function bulkDeleteSection(options: BulkOptions): Promise<SectionResult> {
  const started = performance.now();
  const emulator = await startEmulator();
  const names = contenders.map((c) => c.name);
  const unlimited: BulkTrial[] = [];
  const limited: BulkTrial[] = [];
  try {
    // Warm-up, not counted: the emulator process's JIT and each client's (a cold first trial ran
    // at a fifth of the steady rate in trials).
    for (const name of names)
      await bulkTrial(emulator, name, WARMUP_RUNS, options.concurrency, false);
    for (const name of roundOrder(names, 0)) {
      unlimited.push(await bulkTrial(emulator, name, options.runs, options.concurrency, false));
    }
    for (const name of roundOrder(names, 1)) {
      limited.push(
        await bulkTrial(
          emulator,
          name,
          options.limitedRuns,
          options.concurrency,
          options.writeLimitPerSecond,
        ),
      );
    }
  } finally {
    await emulator.close();
  }
  const byName = (list: BulkTrial[]) =>
    names.map((n) => list.find((t) => t.name === n) as BulkTrial);
  const rawRate = (list: BulkTrial[]) => {
    const raw = list.find((t) => t.name === "raw-fetch");
    return raw ? raw.deleted / raw.seconds : Number.NaN;
  };
  const ours = limited.find((t) => t.name === "extendkit");
  const oursUnlimited = unlimited.find((t) => t.name === "extendkit");
  const limit = options.writeLimitPerSecond;
  const goals: Goal[] = [
    {
      goal: `Under a ${limit} req/s limit: ≥ ${limit * 0.9} req/s sustained with < 2% 429s, 0 runs lost`,
      measured: ours
        ? `${fmt(ours.deleted / ours.seconds, 1)} deletes/s; 429s ${pct(ours.steadyTooMany, ours.steadyRequests)} after the first 2 s (${pct(ours.tooMany, ours.requests)} of all requests, start-up burst included); ${ours.lost} lost`
        : "n/a",
      // "Sustained": judged after the start-up transient; the table shows both shares.
      met: ours
        ? ours.deleted / ours.seconds >= limit * 0.9 &&
          ours.steadyTooMany / Math.max(1, ours.steadyRequests) < 0.02 &&
          ours.lost === 0
        : undefined,
    },
  ];
  const notes = [
    "¹ requests that reached the emulator before the time its last Retry-After had given that client (the emulator's `retryAfterViolations`).",
    "² 429s among the requests sent after the first 2 s of the trial (two 1 s rate windows): the sustained share, without the start-up burst of a client that does not yet know the limit. The goal is judged on it and on the deletes/s of the whole trial.",
    "“retries” = requests sent − runs (each run needs exactly one successful DELETE).",
    ...[...unlimited, ...limited]
      .filter((t) => t.firstError !== undefined)
      .map(
        (t) =>
          `${t.name}${t.runs === options.limitedRuns ? " (limited)" : ""}: ${t.failed} deletes failed, e.g. “${t.firstError?.replace(/\s+/g, " ").slice(0, 160)}”`,
      ),
  ];
  if (oursUnlimited && oursUnlimited.lost > 0) {
    notes.push(`@extendkit/core lost ${oursUnlimited.lost} runs with no limit in force.`);
  }
  const table = [
    `**No limit — ${fmt(options.runs)} runs, concurrency ${options.concurrency}**`,
    "",
    renderTable(HEADERS, rows(byName(unlimited), rawRate(unlimited))),
    "",
    `**WRITE limit ${limit} req/s — ${fmt(options.limitedRuns)} runs, concurrency ${options.concurrency}**`,
    "",
    renderTable(HEADERS, rows(byName(limited), rawRate(limited))),
  ].join("\n");
  return {
    id: "bulk",
    title: "5. Bulk delete against the emulator: no limit, and under a 10 req/s write limit",
    method: `The served emulator (own process, 127.0.0.1, real clock) is seeded with PROCESSING extract runs, which each contender deletes at concurrency ${options.concurrency}: with its own bulk helper where it has one (\`client.runs.deleteMany\`), otherwise the bench's bounded-concurrency loop (\`bench/src/bulk-delete-loop.ts\`: one delete per id through the client, whatever retrying the client does itself). Requests and 429s are counted by a wrapper around the global fetch; runs lost = seeded runs still present at the end. One uncounted warm-up of ${WARMUP_RUNS} deletes per contender first (server and client JIT). ${fmt(options.runs)} runs without a limit; under the limit ${fmt(options.limitedRuns)} runs (${fmt(options.runs)} would take ${fmt(options.runs / limit / 60, 0)} minutes per contender at ${limit}/s).`,
    table,
    notes,
    goals,
    seconds: (performance.now() - started) / 1000,
  };
}
