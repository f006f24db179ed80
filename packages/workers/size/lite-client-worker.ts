// Size guard fixture (.size-limit.js): the same Worker as cancel-delete-worker.ts, built with the
// lite client (every resource method, logging, `maxConcurrency`, cancel reconciliation by reading
// the run, the retry budget): what a Worker pays for them.
// POST a JSON body `{ "<resource>": "<run id>", ... }`; the answer lists what was done.
import { createLiteClient, type ExtendEnv } from "@extendkit/workers";

type RunIds = Partial<Record<"workflowRuns" | Cancellable | "editRuns", string>>;
type Cancellable = "extractRuns" | "parseRuns" | "classifyRuns" | "splitRuns" | "processorRuns";

export default {
  async fetch(request: Request, env: ExtendEnv): Promise<Response> {
    const client = createLiteClient(env);
    const ids = (await request.json()) as RunIds;
    const done: string[] = [];
    if (ids.workflowRuns) {
      await client.workflowRuns.cancel(ids.workflowRuns);
      await client.workflowRuns.delete(ids.workflowRuns);
      done.push(`workflowRuns ${ids.workflowRuns}`);
    }
    for (const resource of [
      "extractRuns",
      "parseRuns",
      "classifyRuns",
      "splitRuns",
      "processorRuns",
    ] as const) {
      const id = ids[resource];
      if (!id) continue;
      await client[resource].cancel(id);
      await client[resource].delete(id);
      done.push(`${resource} ${id}`);
    }
    if (ids.editRuns) {
      await client.editRuns.delete(ids.editRuns);
      done.push(`editRuns ${ids.editRuns}`);
    }
    return Response.json({ done });
  },
};
