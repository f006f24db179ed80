// Type-checked, never run: what TypeScript users write against every published package, compiled
// with moduleResolution node16 (this file is ESM: the "import" types) and bundler. The lines
// marked ts-expect-error prove the declarations are real types, not `any`.
import { createBrowserClient, waitForRun, withRuns as withBrowserRuns } from "@extendkit/browser";
import { createProxyHandler } from "@extendkit/browser/proxy";
import {
  ApiError,
  createClient,
  createLiteClient,
  type ExtendClient,
  type ParseRunStatus,
  type RoutedClient,
  type RunsClient,
  VERSION,
  type WorkflowRun,
  withRuns,
} from "@extendkit/core";
import { createClient as createDenoClient } from "@extendkit/deno";
import { createEmulator, EMULATOR_API_KEY } from "@extendkit/emulator";
import { serve } from "@extendkit/emulator/serve";
import { createClient as createNodeClient, toNodeHandler } from "@extendkit/node";
import {
  createClient as createWorkersClient,
  createLiteClient as createWorkersLiteClient,
  type ExtendEnv,
} from "@extendkit/workers";

const client: ExtendClient = createClient({
  apiKey: EMULATOR_API_KEY,
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

export async function serveEmulator(): Promise<string> {
  const served = await serve(createEmulator(), { port: 0 });
  await served.close();
  return served.url;
}

export const status: ParseRunStatus = "PROCESSED";
export const version: string = VERSION;
export const clients: ExtendClient[] = [
  createNodeClient(),
  createDenoClient(),
  createWorkersClient({ EXTEND_API_KEY: "x" } satisfies ExtendEnv),
];
// Every server client fits RunsClient, and so does a Worker's lite client with `withRuns`; the
// browser client with its own `withRuns` fits RoutedClient (runs without waitFor: waitForRun).
export const anyClients: RunsClient[] = [...clients, createLiteClient({ apiKey: "x" }, withRuns)];
export const routed: RoutedClient[] = [
  ...anyClients,
  createBrowserClient({ proxyUrl: "/api/extend" }, withBrowserRuns),
];
void waitForRun(routed[0] as RoutedClient, "exr_1", { timeout: 1_000 });
// @ts-expect-error without withRuns the browser client has no runs
void createBrowserClient({ proxyUrl: "/api/extend" }).runs;
export const workerLite = createWorkersLiteClient({ EXTEND_API_KEY: "x" });
// @ts-expect-error the lite client has no waitFor
void workerLite.extractRuns.waitFor("exr_1");
// @ts-expect-error the browser client has no bulk helpers
void createBrowserClient({ proxyUrl: "/api/extend" }, withBrowserRuns).runs.deleteMany([]);
export const handler = toNodeHandler(createProxyHandler({ apiKey: "x", authorize: () => true }));

// @ts-expect-error run ids are strings
void client.extractRuns.delete(42);
// @ts-expect-error apiKey is required
createClient({});
// @ts-expect-error the browser client has no apiKey option
createBrowserClient({ proxyUrl: "/api/extend", apiKey: "x" });
