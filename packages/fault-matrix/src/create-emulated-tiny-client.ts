import { createTinyClient, type TinyClient } from "@extendkit/core";
import { createRng, EMULATOR_API_KEY } from "@extendkit/emulator";
import type { ClientView } from "./client-view.ts";
import type { SharedTime } from "./shared-time.ts";

/**
 * A `createTinyClient` client wired to an emulator exactly as `setupEmulatedClient` wires the full
 * client: its requests go through `view` (so the client-side record of the wire covers it), its
 * timers run on the shared virtual clock `time`, and its jitter comes from its own `createRng(seed)`,
 * so a run is reproducible from the seed.
 */
export function createEmulatedTinyClient(
  view: Pick<ClientView, "fetch">,
  time: Pick<SharedTime, "clock">,
  seed: number,
): TinyClient {
  return createTinyClient({
    apiKey: EMULATOR_API_KEY,
    baseUrl: "http://emulator.test",
    fetch: view.fetch,
    clock: time.clock,
    random: createRng(seed).next,
  });
}
