import type { RetentionConfig, RetentionEnv } from "./config.ts";
import type { ScanMessage } from "./messages.ts";

/**
 * Starts one purge: fixes the cutoff (now − `RETENTION_OLDER_THAN`) and enqueues the first scan
 * of every configured run type (and status). The listing and the deletes then run in queue
 * consumers, never in this invocation. Resolves to the scan messages sent.
 */
export async function startPurge(
  env: RetentionEnv,
  config: RetentionConfig,
  now: number,
): Promise<ScanMessage[]> {
  const cutoff = new Date(now - config.olderThanMs).toISOString();
  const statuses = config.status.length > 0 ? config.status : [undefined];
  const scans: ScanMessage[] = config.types.flatMap((type) =>
    statuses.map((status) => ({
      kind: "scan" as const,
      type,
      ...(status !== undefined && { status }),
      cutoff,
      pass: 1,
      found: 0,
    })),
  );
  await env.RETENTION_QUEUE.sendBatch(scans.map((body) => ({ body })));
  console.log(JSON.stringify({ retention: "started", cutoff, scans: scans.length }));
  return scans;
}
