import type { RoutedClient } from "@extendkit/core";
import { describeError } from "./api-failure.ts";
import { runSample } from "./run-sample.ts";
import type { RuntimeConfig } from "./runtime-config.ts";
import type { SampleEvent } from "./step-result.ts";

/**
 * The body of every out-of-process runtime: runs the sample with the runtime's own client on a
 * real clock and reports each step, then `done` (or `fatal`), through `send`.
 */
export async function runInRuntime(
  client: RoutedClient,
  config: RuntimeConfig,
  send: (event: SampleEvent) => void | Promise<void>,
): Promise<void> {
  try {
    await runSample(
      {
        client,
        inputs: config.inputs,
        target: config.target,
        time: { kind: "real", interval: config.interval, timeout: config.timeout },
      },
      (result) => void send({ type: "step", result }),
      config.only,
    );
    await send({ type: "done" });
  } catch (error) {
    await send({ type: "fatal", message: describeError(error) });
  }
}
