import { serve } from "@extendkit/emulator/serve";
import { startEmulator } from "./emulator-host.ts";
import type { Upstream } from "./upstream.ts";

/**
 * An emulator on a real clock, served on 127.0.0.1 at a free port, for one out-of-process runtime.
 * Runs finish within a few seconds (see `emulator-host.ts`), so `waitFor` starts polling at 250 ms.
 */
export async function serveEmulator(): Promise<Upstream> {
  const { emulator, apiKey, workspaceId, inputs } = startEmulator("real");
  const server = await serve(emulator, { port: 0, hostname: "127.0.0.1" });
  return {
    target: "emulator",
    baseUrl: server.url,
    apiKey,
    workspaceId,
    inputs,
    interval: 250,
    timeout: 30_000,
    close: () => server.close(),
  };
}
