import type { ApiKeyConfig } from "./api-key-config.ts";
import type { RecordsWriter } from "./create-records.ts";
import type { Rng } from "./create-rng.ts";
import type { EmulatorClock } from "./emulator-clock.ts";
import type { FaultEngine } from "./faults/fault-engine.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import type { RunDurations } from "./run-durations.ts";
import type { RunKind } from "./run-kinds.ts";
import type { RunStore } from "./run-store.ts";
import type { SpecOperation } from "./spec-operations.ts";
import type { SpecValidator } from "./spec-validator.ts";
import type { Switches } from "./switches.ts";
import type { WebhookHub } from "./webhooks/create-webhook-hub.ts";

/** A stored answer for an `Idempotency-Key` (switch `idempotencyKeys`). */
export interface StoredAnswer {
  fingerprint: string;
  status: number;
  body: unknown;
}

/** Everything one emulator instance holds. Handlers read and change it; nothing else is global. */
export interface EmulatorState {
  ops: SpecOperation[];
  validator: SpecValidator;
  store: RunStore;
  clock: EmulatorClock & { reset(): void };
  records: RecordsWriter;
  switches: Switches;
  durations: RunDurations;
  outcomes: Partial<Record<RunKind, string>>;
  keys: readonly ApiKeyConfig[];
  strict: boolean;
  faults: FaultEngine;
  rateLimiter: RateLimiter;
  /**
   * Random streams, each restarted from the seed by `reset()`. `stepRuns` draws the ids of
   * workflow step runs (and of the runs they made), apart from `ids` so that other ids stay put.
   */
  rng: { ids: Rng; requestIds: Rng; faultBodies: Rng; webhooks: Rng; stepRuns: Rng };
  idempotency: Map<string, StoredAnswer>;
  /** Per client: emulator time before which a Retry-After told it not to come back (I5). */
  notBefore: Map<string, number>;
  /** Run events and their deliveries (`webhooks` option). */
  webhooks: WebhookHub;
}
