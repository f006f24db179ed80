import type { RunResource } from "./run-resource.ts";

/** The steps of one run type's scenario, in order; also the columns of the table. */
export const stepNames = [
  "create",
  "cancel",
  "finish",
  "cancelFinished",
  "delete",
  "gone",
] as const;
export type StepName = (typeof stepNames)[number];

/** Column headings of the steps, for people. */
export const stepTitles = {
  create: "create",
  cancel: "cancel",
  finish: "let finish",
  cancelFinished: "cancel finished",
  delete: "delete",
  gone: "read deleted",
} as const satisfies Record<StepName, string>;

/**
 * - `ok`: the API did what the sample expected.
 * - `refused`: the API (or the client, for an operation the spec does not have) refused, as documented.
 * - `none`: the step does not apply to this run type (no such endpoint), nothing was sent.
 * - `skipped`: not run — live API without the inputs it needs, or an earlier step failed.
 * - `mismatch`: anything else. One mismatch makes the sample exit non-zero.
 */
export type Outcome = "ok" | "refused" | "none" | "skipped" | "mismatch";

/** One step of one run type's scenario, as every runtime reports it (plain JSON). */
export interface StepResult {
  runType: RunResource;
  step: StepName;
  outcome: Outcome;
  /** A few words for the table cell: `CANCELLED`, `404 ×2`, `refused 400 INVALID_REQUEST`. */
  summary: string;
  /** Ids, error messages, expected versus actual. */
  detail?: string;
  /** The client methods the step called, e.g. `extractRuns.cancel`, `runs.retrieve`. */
  calls: string[];
  /** Wall-clock milliseconds the step took. */
  ms: number;
}

/** What a runtime sends back to the host, one JSON object per line. */
export type SampleEvent =
  | { type: "step"; result: StepResult }
  | { type: "done" }
  | { type: "fatal"; message: string };
