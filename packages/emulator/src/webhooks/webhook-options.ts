import type { RunEventType } from "./run-event-types.ts";

/** One receiver of webhook deliveries, as an Extend webhook endpoint is configured. */
export interface WebhookEndpoint {
  /** Absolute `http:` or `https:` URL the emulator POSTs events to. */
  url: string;
  /** Signing secret (Extend's are `wss_…`); every delivery is signed with it (REFERENCE §6.3). */
  secret: string;
  /** Event types this endpoint receives. Default: every run event type (`RUN_EVENT_TYPES`). */
  events?: readonly RunEventType[];
  /**
   * `"inline"` (default): the run is the event's `payload`. `"url"`: a payload whose body is larger
   * than `urlThresholdBytes` is replaced by a `signed_data_url` (Extend's `advancedOptions.payload`).
   */
  payloadFormat?: "inline" | "url";
  /**
   * With `payloadFormat: "url"`: bodies (the whole inline event, UTF-8 bytes) larger than this go
   * by URL. Default `0`: every payload goes by URL.
   */
  urlThresholdBytes?: number;
}

/** Webhook deliveries of the emulator (`EmulatorOptions.webhooks`). */
export interface WebhookOptions {
  /** Receivers of run events. Default none (no deliveries, no timers). */
  endpoints?: readonly WebhookEndpoint[];
  /**
   * Sends the deliveries. Default `globalThis.fetch`. Inject one to receive events in-process, e.g.
   * your webhook handler wrapped as `(input, init) => handler(new Request(input, init))`.
   */
  fetch?: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /**
   * Base URL of signed data URLs (`payloadFormat: "url"`). Default: the origin of the latest
   * request the emulator answered (right for `emulator.fetch` and for `serve()`), or
   * `"http://emulator.extendkit.invalid"` before any request. `emulator.fetch` serves the URL
   * whatever its origin.
   */
  payloadBaseUrl?: string;
  /**
   * The clock of `x-extend-request-timestamp`. `"wall"` (default): the real time when the event was
   * queued, so a receiver that checks the replay window against its own clock (as it does live)
   * accepts deliveries whatever the emulator clock says. `"emulator"`: the emulator clock's time of
   * the change; deterministic, for tests that give their verifier the same clock.
   */
  timestamps?: "wall" | "emulator";
  /**
   * Real milliseconds a receiver has to answer (headers and body) before the delivery is `failed`
   * with a timeout, so `idle()` always ends. Default 10,000 (Extend's own limit is unknown).
   */
  timeoutMs?: number;
}
