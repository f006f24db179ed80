import { bundleForWorkerd, startWorker } from "@extendkit/conformance/workerd";
import { createEmulator, EMULATOR_API_KEY, type FaultRule } from "@extendkit/emulator";
import { serve } from "@extendkit/emulator/serve";
import type { Miniflare } from "miniflare";

const DAY = 86_400_000;
const KINDS = ["extractRuns", "workflowRuns", "parseRuns", "classifyRuns", "splitRuns"] as const;

/** Bundles src/worker.ts as wrangler would: ESM, worker conditions, no Node built-ins. */
export const bundleWorker = (): Promise<string> =>
  bundleForWorkerd(new URL("../src/worker.ts", import.meta.url));

/**
 * The emulator served on 127.0.0.1 (real clock) with `n` expired runs of every listable type
 * marked `purge=yes`, and bystanders the purge must leave alone: expired runs marked `purge=no`
 * and recent runs marked `purge=yes`.
 */
export async function seededEmulator(n: number, faults: FaultRule[] = []) {
  const emulator = createEmulator({ clock: "real", faults });
  const now = Date.now();
  const seed = (i: number, ageDays: number, purge: string) =>
    String(
      emulator.seedRun({
        kind: KINDS[i % KINDS.length] as (typeof KINDS)[number],
        createdAt: now - ageDays * DAY - i * 1000,
        metadata: { purge },
      }).id,
    );
  const targets = Array.from({ length: n }, (_, i) => seed(i, 45, "yes"));
  const bystanders = [
    ...Array.from({ length: 10 }, (_, i) => seed(i, 45, "no")),
    ...Array.from({ length: 10 }, (_, i) => seed(i, 2, "yes")),
  ];
  const served = await serve(emulator, { port: 0, hostname: "127.0.0.1" });
  return { emulator, served, targets, bystanders };
}

/**
 * workerd (through miniflare, no nodejs_compat) running the Worker with its work queue, its
 * dead-letter queue (both consumed by the Worker) and the dead-letter KV namespace.
 */
export function startRetentionWorker(
  script: string,
  baseUrl: string,
  vars: Record<string, string> = {},
) {
  const bindings = {
    EXTEND_API_KEY: EMULATOR_API_KEY,
    EXTEND_BASE_URL: baseUrl,
    RETENTION_OLDER_THAN: "30d",
    RETENTION_METADATA: "purge=yes",
    RETENTION_RESCAN_DELAY: "0",
    RETENTION_PAGE_SIZE: "25",
    RETENTION_ADMIN_TOKEN: "admin-token",
    ...vars,
  };
  return startWorker(script, bindings, {
    queueProducers: {
      RETENTION_QUEUE: "extendkit-retention",
      RETENTION_DLQ: "extendkit-retention-dlq",
    },
    queueConsumers: {
      "extendkit-retention": {
        maxBatchSize: 25,
        maxBatchTimeout: 1,
        maxRetries: 5,
        deadLetterQueue: "extendkit-retention-dlq",
      },
      "extendkit-retention-dlq": { maxBatchSize: 10, maxBatchTimeout: 1 },
    },
    kvNamespaces: ["RETENTION_DEAD"],
  });
}

/** Waits until `done()` holds and no request reached the emulator for `quietMs`. */
export async function settle(
  emulator: ReturnType<typeof createEmulator>,
  done: () => boolean,
  what: string,
  quietMs = 2500,
  limitMs = 90_000,
): Promise<void> {
  const end = Date.now() + limitMs;
  let seen = -1;
  let since = Date.now();
  for (;;) {
    const count = emulator.records.requests.length;
    if (count !== seen) {
      seen = count;
      since = Date.now();
    }
    if (done() && Date.now() - since >= quietMs) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The Worker's event entry points, as miniflare's `getWorker()` exposes them. */
export interface WorkerEvents {
  scheduled(options: { cron: string }): Promise<{ outcome: string }>;
  queue(
    queue: string,
    messages: { id: string; timestamp: Date; attempts: number; body: unknown }[],
  ): Promise<{ outcome: string; explicitAcks: string[]; retryMessages: unknown[] }>;
}

export async function events(worker: Miniflare): Promise<WorkerEvents> {
  return (await worker.getWorker()) as unknown as WorkerEvents;
}
