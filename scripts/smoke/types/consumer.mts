// Type-checked, never run: what a TypeScript user writes, compiled with moduleResolution node16
// (this file as ESM: the "import" types) and bundler. The @ts-expect-error lines prove the
// declarations are real types, not `any`.
import {
  ApiError,
  createClient,
  type ExtendClient,
  type ParseRunStatus,
  VERSION,
  type WorkflowRun,
} from "@extendkit/core";

const client: ExtendClient = createClient({
  apiKey: "sk_test_emulator",
  baseUrl: "http://127.0.0.1:1",
});

export async function cancelThenDelete(id: string): Promise<WorkflowRun> {
  const run: WorkflowRun = await client.workflowRuns.cancel(id);
  await client.workflowRuns.delete(id);
  return run;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export const status: ParseRunStatus = "PROCESSED";
export const version: string = VERSION;

// @ts-expect-error run ids are strings
void client.extractRuns.delete(42);
// @ts-expect-error apiKey is required
createClient({});
