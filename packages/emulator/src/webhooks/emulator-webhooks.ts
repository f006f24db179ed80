import type { WebhookDelivery } from "./webhook-delivery.ts";
import type { WebhookEndpoint } from "./webhook-options.ts";

/** The webhook side of an emulator (`emulator.webhooks`): what was sent, and control over it. */
export interface EmulatorWebhooks {
  /** Every delivery since creation or the last `reset()`, in the order they were queued (copies). */
  deliveries(): WebhookDelivery[];
  /**
   * Resolves once every queued delivery has settled (the receiver answered or the fetch failed).
   * Rejects with a `SpecViolationError` when an event built since the last `idle()` broke the
   * spec's `RunWebhookEvent` schema (strict mode; the event was not sent and is also in
   * `records.violations`).
   */
  idle(): Promise<void>;
  /**
   * Sends event `eventId` again to every endpoint it went to: the same body (and so the same
   * signed URL, which may have expired), a fresh timestamp and signature, `attempt + 1`. Models a
   * retry so receivers can test idempotency; the emulator never retries by itself. Resolves with
   * the new deliveries once they have settled; rejects for an unknown `eventId`.
   */
  redeliver(eventId: string): Promise<WebhookDelivery[]>;
  /** Replaces the endpoints from now on (`[]` stops deliveries). `reset()` restores the options'. */
  setEndpoints(endpoints: readonly WebhookEndpoint[]): void;
}
