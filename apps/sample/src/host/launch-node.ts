import { createClient } from "@extendkit/node";
import { runSample } from "../run-sample.ts";
import { startEmulator } from "./emulator-host.ts";
import type { Launch } from "./launch.ts";
import { LIVE_WAIT } from "./upstream.ts";

/**
 * Runs the sample in this Node process with `@extendkit/node`. On the emulator (the default) the
 * emulator runs in-process on a virtual clock: no port, no network, and "let it finish" is a clock
 * advance, so the whole scenario takes milliseconds. On the live API the client reads
 * `EXTEND_API_KEY`, `EXTEND_BASE_URL` and `EXTEND_WORKSPACE_ID` from `process.env`, as any app does.
 */
export const launchNode: Launch = async ({ target, only, emit }) => {
  if (target.kind === "live") {
    const time = { kind: "real", ...LIVE_WAIT } as const;
    await runSample(
      { client: createClient(), inputs: target.inputs, target: "live", time },
      emit,
      only,
    );
    return;
  }
  const { emulator, apiKey, workspaceId, inputs } = startEmulator("virtual");
  // Every option given explicitly: stray EXTEND_* variables must not point this client elsewhere.
  const client = createClient({
    apiKey,
    workspaceId,
    baseUrl: "https://emulator.invalid",
    fetch: emulator.fetch,
  });
  const advance = (ms: number) => emulator.clock.advance(ms);
  const time = { kind: "virtual", advance, stepMs: 500, maxSteps: 40 } as const;
  await runSample({ client, inputs, target: "emulator", time }, emit, only);
};
