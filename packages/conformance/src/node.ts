import type { Emulator } from "@extendkit/emulator";
import { type ServedEmulator, serve } from "@extendkit/emulator/serve";
import type { Backend } from "./backend.ts";

/**
 * Serves `backend` (the emulator behind this suite's faults) on 127.0.0.1 with the emulator's
 * own `serve`, for clients in another process or runtime (workerd, Chromium).
 */
export function serveBackend(backend: Backend): Promise<ServedEmulator> {
  const front = { fetch: backend.fetch, clock: backend.emulator.clock } as unknown as Emulator;
  return serve(front);
}
