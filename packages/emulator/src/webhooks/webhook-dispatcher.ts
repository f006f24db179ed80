import type { RecordsWriter } from "../create-records.ts";
import type { Rng } from "../create-rng.ts";
import type { EmulatorClock } from "../emulator-clock.ts";
import { makeId } from "../make-id.ts";
import type { RenderContext } from "../render/render-context.ts";
import { renderStepRun } from "../render/render-step-run.ts";
import type { RunRecord } from "../run-record.ts";
import type { SpecValidator } from "../spec-validator.ts";
import type { SpecViolationError } from "../spec-violation-error.ts";
import { checkRunEvent } from "./check-run-event.ts";
import { postDelivery } from "./post-delivery.ts";
import { processedStepRuns } from "./processed-step-runs.ts";
import { renderEventPayload } from "./render-event-payload.ts";
import type { ResolvedEndpoint, ResolvedWebhooks } from "./resolve-webhook-options.ts";
import { type RunEvent, signedDataUrlEvent } from "./run-event.ts";
import { type RunEventType, runEventType, STEP_RUN_PROCESSED } from "./run-event-types.ts";
import { signWebhook } from "./sign-webhook.ts";
import type { SignedPayloads } from "./signed-payloads.ts";
import type { WebhookDelivery } from "./webhook-delivery.ts";

/** What one endpoint got for one event: the exact body, kept for `redeliver`. */
interface Sent {
  endpoint: ResolvedEndpoint;
  /** The envelope as sent (its payload may be a `signed_data_url`). */
  envelope: RunEvent;
  body: string;
  attempts: number;
}

export interface DispatcherDeps {
  clock: EmulatorClock;
  /** The webhook random stream (event ids, URL tokens), restarted by the emulator's `reset()`. */
  rng: () => Rng;
  validator: SpecValidator;
  strict: boolean;
  records: RecordsWriter;
  payloads: SignedPayloads;
}

const DEFAULT_PAYLOAD_ORIGIN = "http://emulator.extendkit.invalid";
const utf8 = new TextEncoder();

/**
 * Turns status changes into run events and delivers them, asynchronously: the request that caused
 * a change never waits for a receiver. Fetches start in the order events were queued (signing is
 * chained), then run concurrently; nothing is retried automatically (Extend's retry policy is
 * unknown, REFERENCE §8 Q8), `redeliver` retries on demand.
 */
export class WebhookDispatcher {
  readonly #deps: DispatcherDeps;
  readonly #config: ResolvedWebhooks;
  #endpoints: ResolvedEndpoint[];
  #origin: string | null = null;
  #events = new Map<string, { event: RunEvent; sent: Sent[] }>();
  #deliveries: WebhookDelivery[] = [];
  #pending = new Set<Promise<void>>();
  #violations: SpecViolationError[] = [];
  /** Aborted by `reset()`: deliveries of the previous state are dropped. */
  #generation = new AbortController();
  #signing: Promise<unknown> = Promise.resolve();
  /** One macrotask shared by the deliveries queued in one turn (see `#queue`). */
  #tick: Promise<void> | null = null;

  constructor(config: ResolvedWebhooks, deps: DispatcherDeps) {
    this.#config = config;
    this.#endpoints = config.endpoints;
    this.#deps = deps;
  }

  get active(): boolean {
    return this.#endpoints.length > 0;
  }

  /** Remembers the origin requests arrive at: the default base of signed data URLs. */
  noteOrigin(origin: string): void {
    this.#origin = origin;
  }

  /**
   * A run entered `status` (RunWatcher): queue its events, if it has any, to each subscriber. A
   * workflow run's finished steps come first, one `workflow_run.step_run.processed` each, then its
   * own event: queued, and so signed and started, in that order.
   */
  onStatus(run: RunRecord, status: string, ctx: RenderContext): void {
    for (const finished of processedStepRuns(run, status))
      this.#emit(STEP_RUN_PROCESSED, () => renderStepRun(run, finished, ctx), ctx.now);
    const eventType = runEventType(run, status);
    if (eventType) this.#emit(eventType, () => renderEventPayload(run, ctx), ctx.now);
  }

  /** Builds one event (its payload rendered only when an endpoint wants it) and queues it. */
  #emit(eventType: RunEventType, payload: () => Record<string, unknown>, now: number): void {
    const to = this.#endpoints.filter((e) => e.events.has(eventType));
    if (to.length === 0) return;
    const rng = this.#deps.rng();
    const event: RunEvent = { eventId: makeId("event_", rng), eventType, payload: payload() };
    const inline = JSON.stringify(event);
    const sent = to.map((endpoint): Sent => {
      const byUrl =
        endpoint.payloadFormat === "url" && utf8.encode(inline).length > endpoint.urlThresholdBytes;
      if (!byUrl) return { endpoint, envelope: event, body: inline, attempts: 0 };
      const base = this.#config.payloadBaseUrl ?? this.#origin ?? DEFAULT_PAYLOAD_ORIGIN;
      const json = JSON.stringify(event.payload);
      const data = this.#deps.payloads.create(base, event.eventId, json, now, rng);
      const envelope = signedDataUrlEvent(event, data);
      return { endpoint, envelope, body: JSON.stringify(envelope), attempts: 0 };
    });
    this.#events.set(event.eventId, { event, sent });
    for (const s of sent) this.#queue(event, s, now);
  }

  deliveries(): WebhookDelivery[] {
    return this.#deliveries.map((d) => ({ ...d }));
  }

  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
    const [first, ...more] = this.#violations;
    this.#violations = [];
    if (first) {
      if (more.length > 0) first.message += ` (and ${more.length} more; see records.violations)`;
      throw first;
    }
  }

  async redeliver(eventId: string): Promise<WebhookDelivery[]> {
    const stored = this.#events.get(eventId);
    if (!stored) throw new Error(`webhooks.redeliver: no event ${eventId} since the last reset()`);
    const now = this.#deps.clock.now();
    const queued = stored.sent.map((s) => this.#queue(stored.event, s, now));
    await Promise.all(queued.map((q) => q.done));
    return queued.map((q) => ({ ...q.delivery }));
  }

  setEndpoints(endpoints: ResolvedEndpoint[]): void {
    this.#endpoints = endpoints;
  }

  /** Back to the options' endpoints with no events or deliveries; in-flight ones are aborted. */
  reset(): void {
    this.#generation.abort();
    this.#generation = new AbortController();
    this.#endpoints = this.#config.endpoints;
    this.#origin = null;
    this.#events = new Map();
    this.#deliveries = [];
    this.#pending = new Set();
    this.#violations = [];
  }

  #queue(event: RunEvent, sent: Sent, now: number) {
    sent.attempts++;
    const delivery: WebhookDelivery = {
      eventId: event.eventId,
      eventType: event.eventType,
      url: sent.endpoint.url,
      attempt: sent.attempts,
      // Wall time unless asked otherwise: receivers check the window against their own clock.
      timestamp: Math.floor((this.#config.timestamps === "wall" ? Date.now() : now) / 1000),
      state: "pending",
      status: null,
      error: null,
    };
    this.#deliveries.push(delivery);
    const signal = this.#generation.signal;
    // A macrotask first, so validating and signing never run before the caller has its answer.
    this.#tick ??= new Promise((resolve) =>
      setTimeout(() => {
        this.#tick = null;
        resolve();
      }, 0),
    );
    const tick = this.#tick;
    const started = this.#signing
      .then(() => tick)
      .then(() => this.#prepare(event, sent, delivery, signal));
    this.#signing = started.catch(() => {});
    const pending = this.#pending;
    const done = started
      .then((send) => send?.())
      .then(
        (status) => {
          if (status === undefined) return;
          delivery.status = status;
          delivery.state = status === 200 ? "delivered" : "failed";
        },
        (error: unknown) => {
          delivery.state = "failed";
          delivery.error = error instanceof Error ? error.message : String(error);
        },
      )
      .finally(() => pending.delete(done));
    pending.add(done);
    return { delivery, done };
  }

  /**
   * Checks the event against the spec (strict mode) and signs the body; returns the POST to make,
   * not yet started, so that the next delivery can be signed while this one waits for its receiver.
   */
  async #prepare(event: RunEvent, sent: Sent, delivery: WebhookDelivery, signal: AbortSignal) {
    if (signal.aborted) throw new Error("the emulator was reset");
    if (this.#deps.strict) {
      const { validator, records } = this.#deps;
      const violation = checkRunEvent(validator, records, event, sent.envelope);
      if (violation) {
        this.#violations.push(violation);
        throw violation;
      }
    }
    const headers = await signWebhook({
      secret: sent.endpoint.secret,
      body: sent.body,
      timestamp: delivery.timestamp,
    });
    // `send` is called detached: a native fetch must not get `this`.
    const { fetch: send, timeoutMs } = this.#config;
    const post = { url: sent.endpoint.url, body: sent.body, headers: { ...headers } };
    return () => postDelivery(send, post, signal, timeoutMs);
  }
}
