import type { BulkFailure } from "./bulk-report.ts";

/** How one ID ended. `error` and `retryable` for `failed`; `status` for a cancel's `alreadyTerminal`. */
export interface Settled<O extends string> {
  outcome: O | "failed" | "notAttempted";
  error?: unknown;
  retryable?: boolean;
  status?: string;
  /** Requests sent for the ID (set by the engine). */
  attempts?: number;
}

/** The ID was given up on. */
export function failed(error: unknown, retryable: boolean): Settled<never> {
  return { outcome: "failed", error, retryable };
}

/** The report's entry for an ID given up on (`settled.outcome === "failed"`). */
export function failureOf(id: string, settled: Settled<string>): BulkFailure {
  return {
    id,
    error: settled.error,
    retryable: settled.retryable === true,
    attempts: settled.attempts ?? 0,
  };
}
