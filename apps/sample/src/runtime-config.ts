import type { RunResource } from "./run-resource.ts";
import type { SampleInputs } from "./sample-inputs.ts";

/**
 * What the host tells a runtime it starts (Deno, a Worker, a page), as JSON. The credentials are
 * not in it: each runtime reads them the way its adapter does (`Deno.env`, the Worker's `env`,
 * the browser's proxy on the host).
 */
export interface RuntimeConfig {
  target: "emulator" | "live";
  inputs: SampleInputs;
  only: readonly RunResource[];
  /** `waitFor`'s first delay between reads, and how long it waits for one status change, in ms. */
  interval: number;
  timeout: number;
}
