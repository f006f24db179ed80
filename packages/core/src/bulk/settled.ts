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
