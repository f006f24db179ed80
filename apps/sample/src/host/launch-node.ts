import { createClient } from "@extendkit/node";
import { runSample } from "../run-sample.ts";
import { startEmulator } from "./emulator-host.ts";
import type { Launch } from "./launch.ts";

/**
 * Runs the sample in this Node process with `@extendkit/node`. On the emulator (the default) the
 * emulator runs in-process on a virtual clock: no port, no network, and "let it finish" is a clock
 * advance, so the whole scenario takes milliseconds. On the live API the client reads
 * `EXTEND_API_KEY`, `EXTEND_BASE_URL` and `EXTEND_WORKSPACE_ID` from `process.env`, as any app does.
 */
export const launchNode: Launch = async ({ target, only, emit }) => {
  if (target.kind === "live") {
    const env = {
      client: createClient(),
      inputs: target.inputs,
      target: "live" as const,
      clock: "real" as const,
      tick: () => new Promise<void>((resolve) => setTimeout(resolve, 2000)),
      maxTicks: 150,
    };
    await runSample(env, emit, only);
    return;
  }
  const emulator = await startEmulator("virtual");
  const env = {
    client: createClient(emulator.clientOptions),
    inputs: emulator.inputs,
    target: "emulator" as const,
    clock: "virtual" as const,
    tick: emulator.tick,
    maxTicks: emulator.maxTicks,
  };
  await runSample(env, emit, only);
};
