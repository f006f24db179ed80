import type { Switches } from "../switches.ts";
import type { FaultRule } from "./fault.ts";

/** Ids of the emulator fault scenarios of reliability.md §4.2. */
export type FaultScenarioId =
  | "F01"
  | "F02"
  | "F03"
  | "F04"
  | "F05"
  | "F06"
  | "F07"
  | "F08"
  | "F09"
  | "F10"
  | "F11"
  | "F12"
  | "F13"
  | "F14"
  | "F15"
  | "F16"
  | "F17"
  | "F18"
  | "F19"
  | "F20";

/** A named set of fault rules (and switches) reproducing one scenario of reliability.md §4.2. */
export interface FaultScenario {
  title: string;
  faults: readonly FaultRule[];
  switches?: Partial<Switches>;
}

const MUTATIONS = ["*.delete", "*.cancel"];
const F02: FaultRule[] = [
  { fault: { type: "latency", ms: 50, jitterMs: 40 } },
  { fault: { type: "latency", ms: 5000 }, probability: 0.01 },
];
const F05: FaultRule[] = [
  {
    fault: { type: "error", status: 429, code: "RATE_LIMIT_EXCEEDED", retryable: true },
    probability: 0.3,
    window: { durationMs: 60_000 },
  },
];
const F07: FaultRule[] = [
  {
    fault: { type: "error", status: 503, code: "INTERNAL_ERROR", retryable: true },
    window: { durationMs: 5000, everyMs: 30_000 },
  },
  ...[500, 502, 504].map(
    (status): FaultRule => ({
      fault: { type: "error", status, code: "INTERNAL_ERROR", retryable: true },
      probability: 0.02 / 3,
    }),
  ),
];
const F11: FaultRule[] = [
  { routes: MUTATIONS, fault: { type: "resetAfterCommit" }, probability: 0.03 },
];
const F12: FaultRule[] = [{ fault: { type: "resetMidBody" }, probability: 0.02 }];
const F16: FaultRule[] = [
  { routes: MUTATIONS, fault: { type: "outsideDelete" }, probability: 0.05 },
];

/**
 * The 20 scenarios with the parameters of reliability.md §4.2. Each is data: copy one and change a
 * probability to make it deterministic in a small test (`probability: 1, count: 1`).
 */
export const faultScenarios: Readonly<Record<FaultScenarioId, FaultScenario>> = {
  F01: {
    title: "Fixed latency: 200 ms on every response",
    faults: [{ fault: { type: "latency", ms: 200 } }],
  },
  F02: { title: "Latency 50 ms ± 40 ms; 1% at 5 s", faults: F02 },
  F03: {
    title: "429 storm with Retry-After: 3 for 15 s, then normal",
    faults: [
      {
        fault: {
          type: "error",
          status: 429,
          code: "RATE_LIMIT_EXCEEDED",
          retryable: true,
          retryAfter: 3,
        },
        window: { durationMs: 15_000 },
      },
    ],
  },
  F04: {
    title: "429 storm with HTTP-date Retry-After: dates 2 s ahead, some 30 s in the past (skew)",
    faults: [
      {
        fault: {
          type: "error",
          status: 429,
          code: "RATE_LIMIT_EXCEEDED",
          retryable: true,
          retryAfter: { dateOffsetMs: -30_000 },
        },
        probability: 0.2,
        window: { durationMs: 15_000 },
      },
      {
        fault: {
          type: "error",
          status: 429,
          code: "RATE_LIMIT_EXCEEDED",
          retryable: true,
          retryAfter: { dateOffsetMs: 2000 },
        },
        window: { durationMs: 15_000 },
      },
    ],
  },
  F05: {
    title: "429 without Retry-After, retryable: true, on 30% of requests for 60 s",
    faults: F05,
  },
  F06: {
    title: "Oversized Retry-After: 5% of responses are 429 with Retry-After: 3600",
    faults: [
      {
        fault: {
          type: "error",
          status: 429,
          code: "RATE_LIMIT_EXCEEDED",
          retryable: true,
          retryAfter: 3600,
        },
        probability: 0.05,
      },
    ],
  },
  F07: { title: "5xx burst: 503 for 5 s every 30 s, plus 2% random 500/502/504", faults: F07 },
  F08: {
    title: "Non-retryable 5xx: 1% 500 with retryable: false",
    faults: [
      {
        fault: { type: "error", status: 500, code: "INTERNAL_ERROR", retryable: false },
        probability: 0.01,
      },
    ],
  },
  F09: {
    title: "CDN HTML pages: 2% 502 HTML, 0.5% 200 HTML",
    faults: [
      { fault: { type: "html", status: 502 }, probability: 0.02 },
      { fault: { type: "html", status: 200 }, probability: 0.005 },
    ],
  },
  F10: {
    title: "Reset before commit: 3% of connections reset before the change is applied",
    faults: [{ fault: { type: "resetBeforeCommit" }, probability: 0.03 }],
  },
  F11: {
    title: "Reset after commit: 3% of deletes and cancels applied, then the connection reset",
    faults: F11,
  },
  F12: { title: "Reset mid-body: 2% of responses cut after a random prefix", faults: F12 },
  F13: {
    title: "Slow body: 1% of bodies sent at 10 B/s",
    faults: [{ fault: { type: "slowBody", bytesPerSecond: 10 }, probability: 0.01 }],
  },
  F14: {
    title: "Headers then stall: 1% send headers and nothing more",
    faults: [{ fault: { type: "stall" }, probability: 0.01 }],
  },
  F15: {
    title: "Dripped headers: 0.5% of response heads sent one byte per 800 ms",
    faults: [{ fault: { type: "dripHeaders", msPerByte: 800 }, probability: 0.005 }],
  },
  F16: {
    title: "Concurrent outside deleter: 5% of targeted runs deleted by someone else first",
    faults: F16,
  },
  F17: {
    title: "Cancel races completion: 10% of runs go PROCESSING → PROCESSED just before the cancel",
    faults: [{ routes: "*.cancel", fault: { type: "raceCompletion" }, probability: 0.1 }],
  },
  F18: {
    title:
      "List changes during the job: offset pages that shift as deletes land; empty and repeated pages",
    switches: { pagination: "offset" },
    faults: [
      { routes: "*.list", fault: { type: "emptyPage" }, probability: 0.05 },
      { routes: "*.list", fault: { type: "repeatPage" }, probability: 0.05 },
    ],
  },
  F19: {
    title:
      "Unknown status and extra fields: 1% of run objects show status ARCHIVED and unknown nested fields",
    faults: [{ fault: { type: "unknownFields", status: "ARCHIVED" }, probability: 0.01 }],
  },
  F20: {
    title: "Combined chaos: F02 + F05 + F07 + F11 + F12 + F16",
    faults: [...F02, ...F05, ...F07, ...F11, ...F12, ...F16],
  },
};
