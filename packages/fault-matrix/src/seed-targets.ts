import type { Emulator, RunKind } from "@extendkit/emulator";

/** Run kinds a bulk delete targets, in turn, so every routed resource is exercised. */
export const DELETABLE_KINDS: readonly RunKind[] = [
  "extractRuns",
  "workflowRuns",
  "parseRuns",
  "classifyRuns",
  "splitRuns",
  "editRuns",
];

/** Run kinds that can be cancelled while PROCESSING. */
export const CANCELLABLE_KINDS: readonly RunKind[] = [
  "extractRuns",
  "workflowRuns",
  "parseRuns",
  "classifyRuns",
  "splitRuns",
];

/**
 * Seeds `n` target runs (kinds in turn, created 2026-01-01 onwards, metadata `{ purge: "yes" }`)
 * and `bystanders` runs that no job may touch (metadata `{ purge: "no" }`). Returns their ids.
 */
export function seedTargets(
  emulator: Emulator,
  n: number,
  options: { kinds?: readonly RunKind[]; status?: string; bystanders?: number } = {},
): { targets: string[]; bystanders: string[] } {
  const kinds = options.kinds ?? DELETABLE_KINDS;
  const start = Date.parse("2026-01-01T00:00:00Z");
  const seed = (i: number, purge: "yes" | "no") =>
    String(
      emulator.seedRun({
        kind: kinds[i % kinds.length] as RunKind,
        status: options.status ?? "PROCESSED",
        createdAt: start + i * 1000,
        metadata: { purge },
      }).id,
    );
  const targets = Array.from({ length: n }, (_, i) => seed(i, "yes"));
  const bystanders = Array.from({ length: options.bystanders ?? 20 }, (_, i) => seed(n + i, "no"));
  return { targets, bystanders };
}
