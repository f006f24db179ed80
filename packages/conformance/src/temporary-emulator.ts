// TEMPORARY stand-in for @extendkit/emulator (branch `emulator`), with the same contract
// (`createEmulator()` → `{ fetch, seedRun, reset }`, key `sk_test_emulator`). Replaced by the
// real emulator as soon as that branch is merged; nothing outside this package uses it.
import { operationTable, runTypes } from "@extendkit/core";

export const EMULATOR_API_KEY = "sk_test_emulator";
export const EMULATOR_WORKSPACE_ID = "ws_emulator";

const json = (status: number, body: unknown) => Response.json(body, { status });
const error = (status: number, code: string, message: string) =>
  json(status, { code, message, retryable: false, requestId: "req_temporary" });

export function createEmulator() {
  const runs = new Map<string, Record<string, unknown>>();
  let counter = 0;
  const collectionOf = (resource: string) =>
    operationTable.find((op) => op.resource === resource)?.path.split("/")[1] as string;
  return {
    reset: () => runs.clear(),
    seedRun(resource: string, status = "PROCESSED"): string {
      const prefix =
        runTypes.find((t) => t.resource === resource)?.prefix ??
        (resource === "processorRuns" ? "exr_" : "bpr_");
      const id = `${prefix}seed${++counter}x`;
      runs.set(id, { id, object: resource, status, collection: collectionOf(resource) });
      return id;
    },
    async fetch(request: Request): Promise<Response> {
      if (request.headers.get("authorization") !== `Bearer ${EMULATOR_API_KEY}`) {
        return error(401, "UNAUTHORIZED", "invalid API key");
      }
      const [, collection, rawId, action] = new URL(request.url).pathname.split("/");
      if (rawId === undefined) {
        const data = [...runs.values()].filter((r) => r.collection === collection);
        return json(200, { object: "list", data });
      }
      const id = decodeURIComponent(rawId);
      const run = runs.get(id);
      if (run === undefined || run.collection !== collection) {
        return error(404, "NOT_FOUND", "run not found");
      }
      if (request.method === "DELETE") {
        runs.delete(id);
        return json(200, { id, deleted: true });
      }
      if (request.method === "POST" && action === "cancel") {
        if (run.status !== "PROCESSING") return error(400, "INVALID_REQUEST", "not cancellable");
        run.status = "CANCELLED";
      }
      return json(200, run);
    },
  };
}
