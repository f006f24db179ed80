// Size budget fixture (.size-limit.js) and the workerd smoke consumer (scripts/pack-and-smoke.mjs):
// a Cloudflare Worker that cancels and deletes one run of every run type that has those operations,
// configured from its env bindings (EXTEND_API_KEY, EXTEND_BASE_URL, …), with the tiny client (what
// such a Worker needs: run-id methods, no bulk helpers, polling or other operations).
// POST a JSON body `{ "<resource>": "<run id>", ... }`; the answer lists what was done.
import { createTinyClient, type ExtendEnv } from "@extendkit/workers";

type RunIds = Partial<Record<"workflowRuns" | Cancellable | "editRuns", string>>;
type Cancellable = "extractRuns" | "parseRuns" | "classifyRuns" | "splitRuns" | "processorRuns";

export default {
  async fetch(request: Request, env: ExtendEnv): Promise<Response> {
    const client = createTinyClient(env);
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
