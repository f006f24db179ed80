import type { RunResource } from "../run-resource.ts";
import type { RuntimeConfig } from "../runtime-config.ts";
import type { SampleInputs } from "../sample-inputs.ts";
import type { Target } from "./read-target.ts";

/**
 * The API an out-of-process runtime talks to: the live API, or an emulator served on 127.0.0.1
 * with a real clock (each runtime gets its own). `close` stops a served emulator.
 */
export interface Upstream {
  target: "emulator" | "live";
  baseUrl: string;
  apiKey: string;
  workspaceId: string | undefined;
  inputs: SampleInputs;
  /** `waitFor`'s first delay between reads, and how long it waits for one status change, in ms. */
  interval: number;
  timeout: number;
  close(): Promise<void>;
}

/** Live runs take seconds to minutes: the client's default polling, for up to 5 minutes. */
export const LIVE_WAIT = { interval: 1000, timeout: 5 * 60_000 } as const;

/** Opens the upstream for one out-of-process runtime. */
export async function openUpstream(target: Target): Promise<Upstream> {
  if (target.kind === "live") {
    const { apiKey, baseUrl, workspaceId, inputs } = target;
    return {
      target: "live",
      apiKey,
      baseUrl,
      workspaceId,
      inputs,
      ...LIVE_WAIT,
      close: async () => {},
    };
  }
  const { serveEmulator } = await import("./serve-emulator.ts");
  return serveEmulator();
}

/** The config the runtime gets, as JSON (no credentials in it). */
export function runtimeConfig(upstream: Upstream, only: readonly RunResource[]): RuntimeConfig {
  const { target, inputs, interval, timeout } = upstream;
  return { target, inputs, only, interval, timeout };
}
