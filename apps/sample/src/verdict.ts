import type { Outcome } from "./step-result.ts";

/** A step's verdict, before the engine adds the run type, the calls made and the time. */
export interface Verdict {
  outcome: Outcome;
  summary: string;
  detail?: string;
}

export function mismatch(summary: string, detail: string): Verdict {
  return { outcome: "mismatch", summary, detail };
}

export const notReached: Verdict = {
  outcome: "skipped",
  summary: "not reached",
  detail: "an earlier step did not create the run",
};

/** `PROCESSED`, `PROCESSED ×2`. */
export const times = (what: string, n: number) => (n === 1 ? what : `${what} ×${n}`);

/** `exr_a, exr_b`. */
export const ids = (runs: readonly { id: string }[]) => runs.map((r) => r.id).join(", ");
