import type { AddressInfo } from "node:net";
import type { Emulator } from "@extendkit/emulator";
import { type ServedEmulator, serve } from "@extendkit/emulator/serve";
import { createAdaptorServer } from "@hono/node-server";
import type { Backend } from "./backend.ts";

/**
 * Serves `backend` (the emulator behind this suite's faults) on 127.0.0.1 with the emulator's
 * own `serve`, for clients in another process or runtime (workerd, Chromium).
 */
export function serveBackend(backend: Backend): Promise<ServedEmulator> {
  const front = { fetch: backend.fetch, clock: backend.emulator.clock } as unknown as Emulator;
  return serve(front);
}

/** Serves any fetch handler on 127.0.0.1 (a free port), e.g. a test app with the proxy in it. */
export async function serveFetch(
  handler: (request: Request) => Response | Promise<Response>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createAdaptorServer({ fetch: handler, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
