import { createClient } from "@extendkit/core";
import type { Contender, ContenderInit, RunApi } from "./types.ts";

/**
 * `@extendkit/core` with its defaults (retries included), the way its README shows; bulk deletes
 * go through its own helper, `client.runs.deleteMany` (shared rate limiter, retry budget).
 */
export const extendkit: Contender = {
  name: "extendkit",
  label: "@extendkit/core",
  create(init: ContenderInit): RunApi {
    // Handed the global fetch (loopback), it keeps its default, as an application would.
    const fetch = init.fetch === globalThis.fetch ? {} : { fetch: init.fetch };
    const client = createClient({ apiKey: init.apiKey, baseUrl: init.baseUrl, ...fetch });
    return {
      cancel: (id) => client.extractRuns.cancel(id),
      delete: (id) => client.extractRuns.delete(id),
      deleteMany: async (ids, concurrency) => {
        const report = await client.runs.deleteMany(ids, { concurrency });
        const { deleted, alreadyAbsent, failed, notFound, notAttempted } = report.counts;
        return {
          deleted: deleted + alreadyAbsent,
          failed: failed + notFound + notAttempted,
          errors: report.failed
            .slice(0, 5)
            .map((f) => String((f.error as Error | undefined)?.message ?? f.error)),
        };
      },
    };
  },
};
