import { ExtendError } from "../extend-error.ts";

/**
 * Why `fetchWebhookPayload` could not fetch a signed URL's run object:
 * - `url`: not an `https:` URL (plain `http:` is allowed to loopback hosts only, for the emulator);
 * - `aborted` / `timeout`: the caller's signal, or `timeout` ms passed;
 * - `connection`: no response (the cause says why);
 * - `status`: a non-2xx answer (`status`; an expired URL is usually 403; a redirect is not
 *   followed, and a browser's opaque redirect counts as 302);
 * - `body`: the answer is not a JSON object, or is over `maxBodyBytes`;
 * - `mismatch`: the object's `id` is not the event's run id.
 * Messages and fields carry the URL's origin and path only, never its query (the signature).
 */
export type WebhookPayloadFailure =
  | "url"
  | "aborted"
  | "timeout"
  | "connection"
  | "status"
  | "body"
  | "mismatch";

export class WebhookPayloadError extends ExtendError {
  override name = "WebhookPayloadError";
  declare readonly reason: WebhookPayloadFailure;
  /** The HTTP status, for `status`. */
  declare readonly status?: number;

  constructor(
    reason: WebhookPayloadFailure,
    message: string,
    fields?: { status?: number },
    options?: ErrorOptions,
  ) {
    super(`webhook payload not fetched (${reason}): ${message}`, { reason, ...fields }, options);
  }
}
