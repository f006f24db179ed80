import type { RunApi } from "./contenders/types.ts";

/** What driving a set of pairs took. */
export interface PairsRun {
  /** Pairs whose cancel or delete threw. */
  failed: number;
  /** Wall time, seconds. */
  seconds: number;
  /** This process's CPU time (user + system), µs: the client's, when the server is another process. */
  cpuMicros: number;
}

/**
 * Cancels then deletes each of `ids` through `api`, `concurrency` pairs in flight, and measures
 * it: sections 4 (loopback) and the `loopback-cpu` tool drive their trials the same way.
 */
export async function runPairs(
  api: RunApi,
  ids: readonly string[],
  concurrency: number,
): Promise<PairsRun> {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      try {
        await api.cancel(id);
        await api.delete(id);
      } catch {
        failed++;
      }
    }
  };
  const started = performance.now();
  const before = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpu = process.cpuUsage(before);
  return {
    failed,
    seconds: (performance.now() - started) / 1000,
    cpuMicros: cpu.user + cpu.system,
  };
}
