import { serve } from "@extendkit/emulator/serve";
import { startEmulator } from "./emulator-host.ts";
import type { Upstream } from "./upstream.ts";

/**
 * An emulator on a real clock, served on 127.0.0.1 at a free port, for one out-of-process runtime.
 * Runs finish after a second and a half of wall-clock time (see `emulator-host.ts`).
 */
export async function serveEmulator(): Promise<Upstream> {
  const emulator = await startEmulator("real");
  const server = await serve(emulator.emulator, { port: 0, hostname: "127.0.0.1" });
  return {
    target: "emulator",
    baseUrl: server.url,
    apiKey: emulator.clientOptions.apiKey,
    workspaceId: emulator.clientOptions.workspaceId,
    inputs: emulator.inputs,
    pollMs: 100,
    maxPolls: 100,
    close: () => server.close(),
  };
}
