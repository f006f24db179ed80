import type { RecordsWriter } from "../create-records.ts";
import type { Rng } from "../create-rng.ts";
import type { EmulatorClock } from "../emulator-clock.ts";
import type { RunStore } from "../run-store.ts";
import type { SpecValidator } from "../spec-validator.ts";
import type { EmulatorWebhooks } from "./emulator-webhooks.ts";
import { type ResolvedWebhooks, resolveEndpoints } from "./resolve-webhook-options.ts";
import { RunWatcher } from "./run-watcher.ts";
import { SignedPayloads } from "./signed-payloads.ts";
import { WebhookDispatcher } from "./webhook-dispatcher.ts";

/** The emulator's webhook machinery, as the rest of the emulator sees it. */
export interface WebhookHub {
  /** `emulator.webhooks`. */
  readonly api: EmulatorWebhooks;
  /** Signed data URLs, served by the app (webhook-payload-route.ts). */
  readonly payloads: SignedPayloads;
  /** A request arrived at `origin` (the default base of signed data URLs). */
  noteOrigin(origin: string): void;
  /** After each request: status changes since the last look become events. */
  sweep(): void;
  /** After `clock.advance(ms)`: the same, and the wake timer is set anew for the new time. */
  afterAdvance(): void;
  /**
   * Runs `seed` (a `seedRun`): changes due before it still fire; the statuses it stores are state,
   * not events (their later changes are events).
   */
  seeding<T>(seed: () => T): T;
  reset(): void;
}

export interface WebhookHubDeps {
  store: RunStore;
  clock: EmulatorClock;
  rng: () => Rng;
  validator: SpecValidator;
  strict: boolean;
  records: RecordsWriter;
}

/** Wires the watcher (status changes), the dispatcher (events, deliveries) and the URL payloads. */
export function createWebhookHub(config: ResolvedWebhooks, deps: WebhookHubDeps): WebhookHub {
  const payloads = new SignedPayloads();
  const dispatcher = new WebhookDispatcher(config, { ...deps, payloads });
  const watcher = new RunWatcher(deps.store, deps.clock, (run, status, ctx) =>
    dispatcher.onStatus(run, status, ctx),
  );
  watcher.on = dispatcher.active;
  return {
    api: {
      deliveries: () => dispatcher.deliveries(),
      idle: () => dispatcher.idle(),
      redeliver: (eventId) => dispatcher.redeliver(eventId),
      setEndpoints(endpoints) {
        const resolved = resolveEndpoints(endpoints, "webhooks.setEndpoints(endpoints)");
        watcher.sweep(); // changes so far go to the endpoints subscribed until now
        dispatcher.setEndpoints(resolved);
        watcher.on = dispatcher.active;
      },
    },
    payloads,
    noteOrigin: (origin) => dispatcher.noteOrigin(origin),
    sweep: () => watcher.sweep(),
    afterAdvance: () => watcher.sweep({ rewake: true }),
    seeding(seed) {
      watcher.sweep();
      const result = seed();
      watcher.sweep({ notify: false });
      return result;
    },
    reset() {
      watcher.reset();
      dispatcher.reset();
      payloads.clear();
      watcher.on = dispatcher.active;
    },
  };
}
