/**
 * One injectable fault (reliability.md §4.2). Faults are injected per request, before or after the
 * emulator applies the request, as each type says.
 */
export type Fault =
  /** Delay before the response, on the emulator clock. `jitterMs` spreads it uniformly (±). */
  | { type: "latency"; ms: number; jitterMs?: number }
  /**
   * An error answer with Extend's error body, instead of handling the request (nothing is applied).
   * `retryAfter`: seconds (number), `{ dateOffsetMs }` for an HTTP date that far from the emulator's
   * now (negative = in the past), or omitted for no header.
   */
  | {
      type: "error";
      status: number;
      code?: string;
      retryable?: boolean;
      retryAfter?: number | { dateOffsetMs: number };
      message?: string;
    }
  /** An HTML page (a CDN or proxy error page) with this status, instead of handling the request. */
  | { type: "html"; status: number }
  /** The connection is reset before the request is applied: nothing happens, no response. */
  | { type: "resetBeforeCommit" }
  /** The request is applied, then the connection is reset: the effect happened, the answer is lost. */
  | { type: "resetAfterCommit" }
  /** Applied; headers and the first `afterBytes` of the body arrive, then the connection resets. */
  | { type: "resetMidBody"; afterBytes?: number }
  /** Applied; the body ends cleanly after `afterBytes` (invalid JSON with a normal end). */
  | { type: "truncatedJson"; afterBytes?: number }
  /** Applied; the body is sent at `bytesPerSecond` (emulator clock). */
  | { type: "slowBody"; bytesPerSecond: number }
  /** Applied; headers are sent and then nothing, until the client gives up. */
  | { type: "stall" }
  /** Applied; the response head is sent one byte per `msPerByte` (over HTTP; in-process it is a delay). */
  | { type: "dripHeaders"; msPerByte: number }
  /** Before the request is applied, "someone else" deletes the run it names (the client then gets 404). */
  | { type: "outsideDelete" }
  /** Before a cancel is applied, the run completes (PROCESSING → `status`, default PROCESSED). */
  | { type: "raceCompletion"; status?: string }
  /** A list answers an empty page whose token leads to the same position again. */
  | { type: "emptyPage" }
  /** A list answers its page with the request's own `nextPageToken` (a repeated token). */
  | { type: "repeatPage" }
  /** Run objects in the body show an unknown status and unknown nested fields. */
  | { type: "unknownFields"; status?: string };

export type FaultType = Fault["type"];

/**
 * When a fault fires. Rules are evaluated in order for every request whose operation matches.
 * A rule fires when the request is past `skip`, inside `window`, under `count`, and wins the
 * `probability` draw (seeded: the same seed and the same requests give the same faults).
 */
export interface FaultRule {
  /** Set by the emulator when the rule is added. */
  id?: string;
  /**
   * Operations this rule applies to: operationIds of the spec (`workflowRuns.delete`), with `*` as
   * a wildcard (`*.delete`, `*Runs.cancel`, `*`). Default `"*"` (every operation, never the control endpoint).
   */
  routes?: string | readonly string[];
  fault: Fault;
  /** Chance that a matching request gets the fault, 0–1. Default `1`. */
  probability?: number;
  /** The rule fires at most this many times. Default: unlimited. */
  count?: number;
  /** Let this many matching requests pass before the rule may fire. Default `0`. */
  skip?: number;
  /**
   * Only during a time window, measured on the emulator clock from when the rule was added:
   * from `startMs` (default 0) for `durationMs` (default: forever), repeating every `everyMs`.
   */
  window?: { startMs?: number; durationMs?: number; everyMs?: number };
}
