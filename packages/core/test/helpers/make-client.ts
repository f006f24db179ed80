import { type ClientOptions, createClient } from "@extendkit/core";
import { CANARY, captureLogger } from "./canary.ts";
import { type Reply, scriptedFetch } from "./scripted-fetch.ts";
import { VirtualClock } from "./virtual-clock.ts";

/**
 * A client with the canary key, a virtual clock, a debug-level log capture and a scripted server.
 * `settle(promise)` drives the clock until the call settles; `rejection(promise)` does the same
 * and returns the error (failing the test if the call succeeded).
 */
export function makeClient(
  replies: Reply[],
  options: Partial<ClientOptions> & { clock?: VirtualClock } = {},
) {
  const clock = options.clock ?? new VirtualClock();
  const server = scriptedFetch(replies, clock);
  const log = captureLogger();
  const client = createClient({
    apiKey: CANARY,
    fetch: server.fetch,
    clock,
    logger: log.logger,
    logLevel: "debug",
    ...options,
  });
  const settle = <T>(promise: Promise<T>): Promise<T> => clock.run(promise);
  const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
    try {
      await clock.run(promise);
    } catch (error) {
      return error;
    }
    throw new Error("expected the call to fail, but it succeeded");
  };
  return { client, clock, hits: server.hits, logs: log.lines, settle, rejection };
}
