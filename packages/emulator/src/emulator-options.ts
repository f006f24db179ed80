import type { ApiKeyConfig } from "./api-key-config.ts";
import type { EmulatorClock } from "./emulator-clock.ts";
import type { FaultRule } from "./faults/fault.ts";
import type { FaultScenarioId } from "./faults/fault-scenarios.ts";
import type { RateLimits } from "./rate-limits.ts";
import type { RunDurations } from "./run-durations.ts";
import type { RunKind } from "./run-kinds.ts";
import type { Switches } from "./switches.ts";
import type { WebhookOptions } from "./webhooks/webhook-options.ts";

/** Options of `createEmulator`. Every option is optional; the README lists each with its default. */
export interface EmulatorOptions {
  /**
   * API keys accepted. Default: one workspace-scoped key, `EMULATOR_API_KEY` (`sk_test_emulator`)
   * for `EMULATOR_WORKSPACE_ID` (`ws_emulator`).
   */
  keys?: readonly ApiKeyConfig[];
  /** Seed of every random choice: ids, request ids, fault draws. Default `1`. */
  seed?: number;
  /**
   * `"virtual"` (default): time moves only by `clock.advance(ms)`, so tests are instant and
   * deterministic. `"real"`: wall-clock time, for demos (runs finish after `durations`). Or a clock
   * of your own, `{ kind, now(), advance(ms), sleep(ms, signal?) }`, e.g. one timer queue shared
   * with a client under test (the fault matrix drives both that way); `reset()` leaves its time
   * alone, and `startTime` does not apply to it.
   */
  clock?: "virtual" | "real" | EmulatorClock;
  /** Start of the virtual clock: ms since the epoch or an ISO date. Default `"2026-03-01T00:00:00.000Z"`. */
  startTime?: number | string;
  /** Time runs spend PENDING, PROCESSING and CANCELLING. Default `{ pendingMs: 1000, processingMs: 2000, cancellingMs: 500 }`. */
  durations?: Partial<RunDurations>;
  /**
   * Final status of runs per kind, e.g. `{ workflowRuns: "NEEDS_REVIEW", extractRuns: "FAILED" }`.
   * Default `PROCESSED` for every kind. A run's metadata key `"emulator:outcome"` overrides it.
   */
  outcomes?: Partial<Record<RunKind, string>>;
  /**
   * Validate every response against the spec; a mismatch makes `fetch` reject with a
   * `SpecViolationError` (and is recorded). Requests are always validated. Default `true`.
   */
  strict?: boolean;
  /** Per-key, per-category rate limits (429 + Retry-After). Default `false` (off). */
  rateLimits?: RateLimits | false;
  /** Fault rules, active from the start. Default none. */
  faults?: readonly FaultRule[];
  /** Fault scenarios of reliability.md §4.2 to install (their rules and switches). Default none. */
  scenarios?: readonly FaultScenarioId[];
  /** Answers to the API's open questions; see `Switches`. Default `DEFAULT_SWITCHES`. */
  switches?: Partial<Switches>;
  /**
   * Path prefix of the control endpoint (clock, faults, seeding, records over HTTP), or `false` to
   * turn it off. It needs no API key. Default `"/_emulator"`.
   */
  controlPath?: string | false;
  /**
   * Webhook deliveries: `{ endpoints: [{ url, secret, events?, payloadFormat?, urlThresholdBytes? }],
   * fetch?, payloadBaseUrl? }`. When a run finishes (REFERENCE §6.2) each subscribed endpoint gets
   * a signed POST, sent asynchronously; see `emulator.webhooks`. Default: no endpoints, no deliveries.
   */
  webhooks?: WebhookOptions;
}
