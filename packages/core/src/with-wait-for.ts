import type { GeneratedResources } from "./generated/resources.ts";
import type { WaitForOptions } from "./wait-for.ts";

/** The run a resource's `retrieve` (or legacy `get`) resolves to; never for other members. */
export type RunOf<R> = R extends { retrieve: (...args: never[]) => Promise<infer Run> }
  ? Run
  : R extends { get: (...args: never[]) => Promise<infer Run> }
    ? Run
    : never;

/** `waitFor`, present on every resource that can read a run by id. */
export interface Pollable<Run> {
  /**
   * Reads the run until `options.until` holds (default: its status is final) and resolves to that
   * read. Finite by default (10 minutes), abortable, waits out 429s. See README "Polling".
   */
  waitFor(id: string, options?: WaitForOptions<Run>): Promise<Run>;
}

/** A resource with `waitFor` added when it has a `retrieve`/`get`; root methods unchanged. */
export type WithWaitFor<R> = [RunOf<R>] extends [never] ? R : R & Pollable<RunOf<R>>;

/** The generated resources, each with `waitFor` where it applies. */
export type ExtendResources = {
  [K in keyof GeneratedResources]: WithWaitFor<GeneratedResources[K]>;
};
