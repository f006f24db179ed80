import { serve } from "@extendkit/emulator/serve";
import { startEmulator } from "./emulator-host.ts";
import type { Upstream } from "./upstream.ts";

/**
 * An emulator on a real clock, served on 127.0.0.1 at a free port, for one out-of-process runtime.
 * Runs finish within two seconds (see `emulator-host.ts`), so `waitFor` polls every 100 ms.
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
    interval: 100,
    timeout: 20_000,
    close: () => server.close(),
  };
}
