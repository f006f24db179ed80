/** One POST of one event to one endpoint (a redelivery is another attempt, another record). */
export interface WebhookDelivery {
  /** `event_…`: the same for every endpoint and every attempt of one event. */
  eventId: string;
  /** E.g. `extract_run.processed`. */
  eventType: string;
  /** The endpoint's URL. */
  url: string;
  /** 1 for the first delivery, 2, 3, … for each `redeliver`. */
  attempt: number;
  /** Unix seconds sent in `x-extend-request-timestamp` (wall time when queued, or the emulator clock; `timestamps`). */
  timestamp: number;
  /** `pending` until the receiver answers; `delivered` on a 200; `failed` otherwise. */
  state: "pending" | "delivered" | "failed";
  /** The receiver's HTTP status, or null when there was no answer (yet). */
  status: number | null;
  /** Why there was no answer (the fetch rejected), or why nothing was sent; else null. */
  error: string | null;
}
