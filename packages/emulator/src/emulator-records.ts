/** One request the emulator received (never the API key: `keyIndex` names which configured key). */
export interface RequestRecord {
  /** 1, 2, 3, … in arrival order. */
  seq: number;
  requestId: string;
  method: string;
  /** Path and query string, as received. */
  path: string;
  /**
   * The spec's operationId, `control` for the control endpoint, `webhookPayload` for a signed data
   * URL of a webhook payload, or null when no route matched.
   */
  operationId: string | null;
  /** Status sent, or null when the connection was reset before a response. */
  status: number | null;
  /** The fault injected into this request (its type), if any. */
  fault: string | null;
  /** Emulator-clock time of arrival (ms since epoch). */
  at: number;
  /** Index in `keys` of the key used, or null when the key was missing or unknown. */
  keyIndex: number | null;
  workspaceId: string | null;
}

/** State changes applied to one run. "Exactly once" means `deleted === 1`. */
export interface EffectCounts {
  created: number;
  updated: number;
  cancelled: number;
  deleted: number;
  /** Deleted by "someone else" (fault F16), not by a client request. */
  deletedByOthers: number;
  /** Completed at the moment of a cancel (fault F17). */
  completedByRace: number;
}

/** A response (or a webhook event the emulator built) that did not match the spec. */
export interface SpecViolation {
  /** The request's id; for a webhook event, its `eventId`. */
  requestId: string;
  /** The operation; `webhooks.runEvent` for a webhook event. */
  operationId: string;
  /** The response status; 0 for a webhook event. */
  status: number;
  message: string;
}

/** What the emulator observed, for assertions in tests. `clear()` empties it. */
export interface EmulatorRecords {
  /** Every request, in arrival order (control-endpoint requests included, as `control`). */
  readonly requests: readonly RequestRecord[];
  /** Requests being handled right now (from arrival until the emulator finished sending the body). */
  readonly inFlight: number;
  /** The largest `inFlight` seen since the last `clear()`. */
  readonly maxInFlight: number;
  /** Effect counts of one run id (all zeros for a run never touched). */
  effects(id: string): EffectCounts;
  /** Effect counts of every run touched, by id. */
  allEffects(): ReadonlyMap<string, EffectCounts>;
  /** Strict-mode failures: responses and webhook events that did not match the spec. */
  readonly violations: readonly SpecViolation[];
  /** Requests that arrived before the time a `Retry-After` had told that client to wait (I5). */
  readonly retryAfterViolations: number;
  clear(): void;
}
