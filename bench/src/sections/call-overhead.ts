import { measure } from "mitata";
import { contenders } from "../contenders/index.ts";
import { roundOrder } from "../interleave.ts";
import { createLeanTransport } from "../prototypes/lean-transport.ts";
import type { SectionResult } from "../section.ts";
import { fmt, fmtRatio, median, ratio } from "../stats.ts";
import { createStubFetch } from "../stub-fetch.ts";
import { renderTable } from "../table.ts";

const ID = "exr_Xj8mK2pL9nR4vT7qY5wZ";
const GOAL_RATIO = 2.2;
const LEAN = "lean-prototype";

export interface OverheadOptions {
  rounds: number;
  /** mitata's `min_cpu_time` per contender per round, in ms. */
  cpuMs: number;
}

/**
 * Section 2: time of one cancel + delete through each client, with an injected stub fetch that
 * answers at once — so what is measured is the client's own work (URL and header building,
 * Request/Response handling, JSON parsing, error checks). mitata measures each contender for
 * `cpuMs` per round; rounds rotate the order; the median of the per-round p50s is reported.
 */
export async function callOverheadSection(options: OverheadOptions): Promise<SectionResult> {
  const started = performance.now();
  const init = (stub: ReturnType<typeof createStubFetch>) => ({
    fetch: stub.fetch,
    baseUrl: "http://stub.invalid",
    apiKey: "sk_test_bench",
  });
  const apis = contenders.map((c) => {
    const stub = createStubFetch();
    const contender: { name: string; label: string } = { name: c.name, label: c.label };
    return { contender, stub, api: c.create(init(stub)) };
  });
  // Reference row, interleaved like the others: see prototypes/lean-transport.ts.
  const leanStub = createStubFetch();
  apis.push({
    contender: { name: LEAN, label: "(reference) lean transport prototype, not shipped" },
    stub: leanStub,
    api: createLeanTransport(init(leanStub)),
  });
  const p50s = new Map<string, number[]>(apis.map((a) => [a.contender.name, []]));
  const avgs = new Map<string, number[]>(apis.map((a) => [a.contender.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const { contender, api } of roundOrder(apis, round)) {
      const stats = await measure(
        async () => {
          await api.cancel(ID);
          await api.delete(ID);
        },
        // batch_threshold 0: one call per sample (mitata would otherwise batch 4,096 calls of
        // anything under 65 µs, making a round last seconds).
        { min_cpu_time: options.cpuMs * 1e6, min_samples: 50, batch_threshold: 0 },
      );
      p50s.get(contender.name)?.push(stats.p50);
      avgs.get(contender.name)?.push(stats.avg);
    }
  }
  const p50 = (name: string) => median(p50s.get(name) ?? []);
  const raw = p50("raw-fetch");
  const rows = apis.map(({ contender, stub }) => [
    contender.label,
    fmt(p50(contender.name) / 1000, 1),
    fmt(median(avgs.get(contender.name) ?? []) / 1000, 1),
    fmtRatio(ratio(p50(contender.name), raw)),
    fmt(stub.counts.POST + stub.counts.DELETE),
  ]);
  const ours = ratio(p50("extendkit"), raw);
  const incomplete = apis.filter(({ stub }) => stub.counts.POST !== stub.counts.DELETE);
  return {
    id: "overhead",
    title: "2. Per-call overhead: cancel + delete with a stub fetch (mitata)",
    method: `mitata 1.0.34 \`measure\`, ${options.rounds} interleaved rounds × ${options.cpuMs} ms CPU per contender; the stub fetch answers in-process with the spec's example bodies. Reported: median over rounds of mitata's p50 (and avg) for one cancel + one delete.`,
    table: renderTable(
      ["contender", "p50 µs (cancel+delete)", "avg µs", "vs raw fetch", "stub requests"],
      rows,
    ),
    notes: [
      "The reference row is not a contender: `bench/src/prototypes/lean-transport.ts` keeps core's success-path guarantees (id validation, credentials beneath the caller, redirects refused, a per-attempt timer covering the body, one JSON parse, a 2xx about another run refused) with one Request per call and no openapi-fetch; it shows what core's layering costs (see the analysis).",
      ...incomplete.map(
        ({ contender }) => `${contender.label}: cancels and deletes reached the stub unevenly`,
      ),
    ],
    goals: [
      {
        goal: `Per-call overhead ≤ ${GOAL_RATIO}× raw fetch`,
        measured: fmtRatio(ours),
        met: Number.isFinite(ours) ? ours <= GOAL_RATIO : undefined,
      },
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
