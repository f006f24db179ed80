import type { EmulatorClock } from "./emulator-clock.ts";
import type { EmulatorRecords } from "./emulator-records.ts";
import type { FaultRule } from "./faults/fault.ts";
import type { FaultScenarioId } from "./faults/fault-scenarios.ts";
import type { RateLimits } from "./rate-limits.ts";
import type { RunKind } from "./run-kinds.ts";
import type { SeedRunInput } from "./seed-run-input.ts";
import type { Switches } from "./switches.ts";
import type { EmulatorWebhooks } from "./webhooks/emulator-webhooks.ts";

/** A running emulator: a `fetch` handler plus the controls a test needs. */
export interface Emulator {
  /**
   * Answers a request as Extend's API would (Web `fetch` signature). Pass it as a client's `fetch`,
   * or serve it. Rejects, like `fetch`, on connection faults (`TypeError` with an `ECONNRESET`
   * cause), on abort (`signal.reason`), and in strict mode on a response that breaks the spec.
   */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** The clock runs move on (virtual by default: `await emulator.clock.advance(ms)`). */
  readonly clock: EmulatorClock;
  /** Request log, in-flight gauge, per-run effect counts, spec violations. */
  readonly records: EmulatorRecords;
  /** The switches in force (see `Switches`). */
  readonly switches: Readonly<Switches>;
  /** Changes some switches from now on. */
  setSwitches(patch: Partial<Switches>): void;
  /** Changes the rate limits from now on (`false` turns them off). */
  setRateLimits(limits: RateLimits | false): void;
  /**
   * Back to the state of `createEmulator(options)`: no runs, empty records, the options' faults and
   * switches, random streams and the virtual clock restarted. The same requests then give the same
   * answers again.
   */
  reset(): void;
  /** Stores a run directly (any kind, any status) and returns it as `GET` shows it. */
  seedRun(input: SeedRunInput): Record<string, unknown>;
  /** A run as `GET` shows it now, in any workspace, or undefined when absent or deleted. */
  getRun(id: string): Record<string, unknown> | undefined;
  /** Ids of the stored runs, in creation order, optionally of one kind or workspace. */
  runIds(filter?: { kind?: RunKind; workspaceId?: string }): string[];
  /** Adds a fault rule; returns its id. */
  addFault(rule: FaultRule): string;
  removeFault(id: string): boolean;
  /** Removes every fault rule and restarts the fault random stream. */
  clearFaults(): void;
  /** The fault rules in force, with how often each fired. */
  faults(): Array<FaultRule & { id: string; fired: number }>;
  /** Installs one scenario of reliability.md §4.2 (rules and switches); returns the rule ids. */
  installScenario(id: FaultScenarioId): string[];
  /** Webhook deliveries (option `webhooks`): what was sent, `idle()`, `redeliver(eventId)`. */
  readonly webhooks: EmulatorWebhooks;
}
