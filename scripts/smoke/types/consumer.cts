// Type-checked, never run: a CommonJS TypeScript file (moduleResolution node16), whose imports
// compile to require() and so must get every package's "require" types (dist/*.d.cts).
import { createProxyHandler } from "@extendkit/browser/proxy";
import { ApiError, createClient, VERSION, type WorkflowRun } from "@extendkit/core";
import { createEmulator } from "@extendkit/emulator";
import { serve } from "@extendkit/emulator/serve";
import { createClient as createNodeClient, toNodeHandler } from "@extendkit/node";
import { createClient as createWorkersClient } from "@extendkit/workers";

const client = createClient({ apiKey: "sk_test_emulator", baseUrl: "http://127.0.0.1:1" });

export async function cancelThenDelete(id: string): Promise<WorkflowRun> {
  const run = await client.workflowRuns.cancel(id);
  await client.workflowRuns.delete(id);
  return run;
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
export const version: string = VERSION;
export const others = [createNodeClient(), createWorkersClient({ EXTEND_API_KEY: "x" })];
export const handler = toNodeHandler(createProxyHandler({ apiKey: "x", authorize: () => true }));
export const served = serve(createEmulator(), { port: 0 });

// @ts-expect-error run ids are strings
void client.parseRuns.cancel(null);
