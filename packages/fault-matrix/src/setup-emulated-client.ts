import { type ClientOptions, createClient } from "@extendkit/core";
import {
  createEmulator,
  createRng,
  EMULATOR_API_KEY,
  type EmulatorOptions,
} from "@extendkit/emulator";
import { watchClient } from "./client-view.ts";
import { createSharedTime } from "./shared-time.ts";

/** An emulator, a client on one shared virtual clock, and the client-side view of the wire. */
export function setupEmulatedClient(
  options: EmulatorOptions = {},
  client: Partial<ClientOptions> = {},
) {
  const time = createSharedTime();
  const emulator = createEmulator({
    seed: 1,
    strict: false,
    ...options,
    clock: time.emulatorClock,
  });
  const view = watchClient((r) => emulator.fetch(r), time.clock.now);
  return {
    emulator,
    time,
    view,
    client: createClient({
      apiKey: EMULATOR_API_KEY,
      baseUrl: "http://emulator.test",
      fetch: view.fetch,
      clock: time.clock,
      random: createRng(options.seed ?? 1).next,
      ...client,
    }),
  };
}
