import { createEmulator, EMULATOR_API_KEY, type FaultRule } from "@extendkit/emulator";
import { serve } from "@extendkit/emulator/serve";

const DAY = 86_400_000;

/**
 * An emulator served on 127.0.0.1 (real clock) with `n` purge targets — extract, workflow, parse,
 * classify and split runs created 40+ days ago with `metadata.purge = "yes"` — and bystanders the
 * purge must not touch: old runs with `purge: "no"` and recent runs with `purge: "yes"`.
 */
export async function servedEmulator(n: number, faults: FaultRule[] = []) {
  const emulator = createEmulator({ clock: "real", faults });
  const kinds = ["extractRuns", "workflowRuns", "parseRuns", "classifyRuns", "splitRuns"] as const;
  const now = Date.now();
  const seed = (i: number, ageDays: number, purge: string) =>
    String(
      emulator.seedRun({
        kind: kinds[i % kinds.length] as (typeof kinds)[number],
        createdAt: now - ageDays * DAY - i * 1000,
        metadata: { purge },
      }).id,
    );
  const targets = Array.from({ length: n }, (_, i) => seed(i, 40, "yes"));
  const bystanders = [
    ...Array.from({ length: 10 }, (_, i) => seed(i, 40, "no")),
    ...Array.from({ length: 10 }, (_, i) => seed(i, 5, "yes")),
  ];
  const served = await serve(emulator, { port: 0, hostname: "127.0.0.1" });
  const env = { EXTEND_API_KEY: EMULATOR_API_KEY, EXTEND_BASE_URL: served.url };
  const deletes = () => emulator.records.requests.filter((r) => r.method === "DELETE");
  return { emulator, served, env, targets, bystanders, deletes };
}

/** The purge every test runs: targets only. */
export const PURGE = [
  "runs",
  "purge",
  "--type",
  "all",
  "--older-than",
  "30d",
  "--metadata",
  "purge=yes",
];
