// Type-checked, never run: a CommonJS TypeScript file (moduleResolution node16), whose import
// compiles to require() and so must get the "require" types (dist/index.d.cts).
import { ApiError, createClient, VERSION, type WorkflowRun } from "@extendkit/core";

const client = createClient({ apiKey: "sk_test_emulator", baseUrl: "http://127.0.0.1:1" });

export async function cancelThenDelete(id: string): Promise<WorkflowRun> {
  const run = await client.workflowRuns.cancel(id);
  await client.workflowRuns.delete(id);
  return run;
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
export const version: string = VERSION;

// @ts-expect-error run ids are strings
void client.parseRuns.cancel(null);
