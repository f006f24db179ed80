import { ExtendError } from "../extend-error.ts";

/**
 * Why a delivery was refused:
 * - `missing-header`: no `x-extend-request-timestamp` or `x-extend-request-signature`;
 * - `malformed-timestamp` / `malformed-signature`: a header that is not Unix seconds / 64 hex digits;
 * - `expired` / `future`: the timestamp is outside the replay window (`maxAgeSeconds`,
 *   `maxFutureSeconds`);
 * - `body-too-large`: the body is over `maxBodyBytes` (it was not read further);
 * - `signature-mismatch`: no signature matches the body under any of the secrets;
 * - `malformed-body`: signed, but not a UTF-8 JSON event (`eventId`, `eventType`, `payload`);
 * - `signed-url`: signed and well formed, but its payload is a signed URL and the call did not
 *   pass `signedUrl: "keep"`.
 * Only the last two are authentic deliveries; answer every other one with 400 or 401.
 */
export type WebhookRefusal =
  | "missing-header"
  | "malformed-timestamp"
  | "malformed-signature"
  | "expired"
  | "future"
  | "body-too-large"
  | "signature-mismatch"
  | "malformed-body"
  | "signed-url";

/** A webhook delivery that did not verify. The message never contains a secret or a signature. */
export class WebhookVerificationError extends ExtendError {
  override name = "WebhookVerificationError";
  declare readonly reason: WebhookRefusal;

  constructor(reason: WebhookRefusal, message: string) {
    super(`webhook refused (${reason}): ${message}`, { reason });
  }
}

/** Throws the refusal `reason` with `message` (never a secret or a signature). */
export function refuse(reason: WebhookRefusal, message: string): never {
  throw new WebhookVerificationError(reason, message);
}
