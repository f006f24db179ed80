import type { StepResult } from "../step-result.ts";
import type { RuntimeName } from "./runtime-name.ts";

/** Everything one runtime reported, plus how long it took from launch to exit. */
export interface RuntimeReport {
  runtime: RuntimeName;
  results: StepResult[];
  /** Wall-clock milliseconds, including starting the runtime (Deno, workerd, Chromium). */
  ms: number;
  /** Set when the runtime itself failed (did not start, crashed, timed out). */
  fatal?: string;
}

/** Mismatched steps, plus one per runtime that failed as a whole. */
export function countMismatches(reports: readonly RuntimeReport[]): number {
  return reports.reduce(
    (n, r) => n + (r.fatal ? 1 : 0) + r.results.filter((s) => s.outcome === "mismatch").length,
    0,
  );
}

/** `0 mismatches`, `1 mismatch`. */
export function mismatchCount(n: number): string {
  return `${n} ${n === 1 ? "mismatch" : "mismatches"}`;
}
