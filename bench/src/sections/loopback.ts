import { contenders, references } from "../contenders/index.ts";
import { createCountingFetch, withGlobalFetch } from "../counting-fetch.ts";
import { type EmulatorHandle, startEmulator } from "../emulator-handle.ts";
import { roundOrder } from "../interleave.ts";
import { runPairs } from "../run-pairs.ts";
import type { SectionResult } from "../section.ts";
import { fmt, fmtRatio, median, pairedRatio } from "../stats.ts";
import { renderTable } from "../table.ts";

const GOAL_RATIO = 0.9;
/** The contenders, then the reference rows (measured alike, never judged). */
const everyone = [...contenders, ...references];
const WARMUP_PAIRS = 150;

export interface LoopbackOptions {
  rounds: number;
  sequentialPairs: number;
  concurrentPairs: number;
  concurrency: number;
}

interface Trial {
  pairsPerSecond: number;
  /** This process's CPU time (user + system) per pair, µs: the client's cost, the emulator being another process. */
  cpuPerPair: number;
  failed: number;
  left: number;
}

/** Cancel + delete each seeded run, `concurrency` runs at a time; pairs per second. */
async function trial(
  emulator: EmulatorHandle,
  name: string,
  pairs: number,
  concurrency: number,
): Promise<Trial> {
  const ids = await emulator.seed(pairs);
  const counting = createCountingFetch();
  const contender = everyone.find((c) => c.name === name);
  if (contender === undefined) throw new Error(name);
  // The counting fetch is the global fetch during the trial, as in an application.
  return withGlobalFetch(counting.fetch, async () => {
    const api = contender.create({
      fetch: counting.fetch,
      baseUrl: emulator.url,
      apiKey: emulator.apiKey,
    });
    const { failed, seconds, cpuMicros } = await runPairs(api, ids, concurrency);
    const { left } = await emulator.report();
    return {
      pairsPerSecond: (pairs - failed) / seconds,
      cpuPerPair: cpuMicros / pairs,
      failed,
      left,
    };
  });
}

/**
 * Section 4: cancel + delete of seeded PROCESSING extract runs against the emulator served on
 * 127.0.0.1 (its own process), over the global fetch with keep-alive: one pair at a time, then
 * `concurrency` pairs in flight. Rounds rotate the contender order; medians of pairs per second.
 */
export async function loopbackSection(options: LoopbackOptions): Promise<SectionResult> {
  const started = performance.now();
  const emulator = await startEmulator();
  const names = everyone.map((c) => c.name);
  const seq = new Map<string, number[]>(names.map((n) => [n, []]));
  const conc = new Map<string, number[]>(names.map((n) => [n, []]));
  const concCpu = new Map<string, number[]>(names.map((n) => [n, []]));
  const problems: string[] = [];
  try {
    // Warm-up, not counted: connections, and the JIT of the emulator process and of each client.
    for (const name of names) await trial(emulator, name, WARMUP_PAIRS, 8);
    for (let round = 0; round < options.rounds; round++) {
      for (const name of roundOrder(names, round)) {
        const s = await trial(emulator, name, options.sequentialPairs, 1);
        const c = await trial(emulator, name, options.concurrentPairs, options.concurrency);
        seq.get(name)?.push(s.pairsPerSecond);
        conc.get(name)?.push(c.pairsPerSecond);
        concCpu.get(name)?.push(c.cpuPerPair);
        for (const [mode, t] of [
          ["sequential", s],
          [`c${options.concurrency}`, c],
        ] as const) {
          if (t.failed > 0 || t.left > 0) {
            problems.push(
              `${name} ${mode} round ${round + 1}: ${t.failed} failed, ${t.left} runs left`,
            );
          }
        }
      }
    }
  } finally {
    await emulator.close();
  }
  const m = (map: Map<string, number[]>, n: string) => median(map.get(n) ?? []);
  // Against raw fetch's trial of the same round.
  const vs = (map: Map<string, number[]>, n: string) =>
    pairedRatio(map.get(n) ?? [], map.get("raw-fetch") ?? []);
  const rows = everyone.map((c) => [
    c.label,
    fmt(m(seq, c.name), 0),
    fmtRatio(vs(seq, c.name)),
    fmt(m(conc, c.name), 0),
    fmtRatio(vs(conc, c.name)),
    fmt(m(concCpu, c.name), 0),
    fmtRatio(vs(concCpu, c.name)),
  ]);
  const ours = vs(conc, "extendkit");
  // Informational: against the reference that bounds each request as core does (not the goal).
  const oursVsTimed = pairedRatio(conc.get("extendkit") ?? [], conc.get("raw-fetch-timed") ?? []);
  return {
    id: "loopback",
    title: `4. Loopback HTTP throughput against the emulator (cancel + delete pairs per second)`,
    method: `The emulator (\`createEmulator\` + \`serve\`, real clock, strict response validation off) runs in its own process on 127.0.0.1; every client uses Node's global fetch (undici, keep-alive), which a counting wrapper replaces for the trial (@extendkit/core is then created without a fetch option: its default). Each trial seeds fresh PROCESSING extract runs, then cancels and deletes each: ${options.sequentialPairs} pairs one at a time, and ${options.concurrentPairs} pairs with ${options.concurrency} in flight. ${options.rounds} interleaved rounds after an uncounted warm-up of ${WARMUP_PAIRS} pairs per contender; medians, and ratios as medians of per-round ratios against raw fetch's trial of the same round. 1 pair = 2 requests. Client CPU per pair: this process's user + system time over the c${options.concurrency} trial (\`process.cpuUsage\`) divided by its pairs, median, and its ratio to raw fetch's (above 1: costlier). It is informational (the goal is judged on throughput) and steadier than pairs/s: when the client process is CPU-bound, as on a fast loopback, throughput is about its inverse.`,
    table: renderTable(
      [
        "contender",
        "sequential pairs/s",
        "vs raw",
        `c${options.concurrency} pairs/s`,
        "vs raw",
        `c${options.concurrency} client CPU µs/pair`,
        "vs raw",
      ],
      rows,
    ),
    notes: problems,
    goals: [
      {
        goal: `Loopback throughput at concurrency ${options.concurrency} ≥ ${GOAL_RATIO}× raw fetch`,
        measured: `${fmtRatio(ours)} (${fmtRatio(oursVsTimed)} against raw fetch with an abort timer per request, which bounds each request as core does)`,
        met: Number.isFinite(ours) ? ours >= GOAL_RATIO : undefined,
      },
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
