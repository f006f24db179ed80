/**
 * Strict mode found a response (or a webhook event) that does not match spec/openapi.yaml. The
 * emulator's `fetch` rejects with it (`webhooks.idle()` for events) and records it in
 * `records.violations`, so a drift between the emulator and the spec fails the test that caused it
 * instead of passing silently.
 */
export class SpecViolationError extends Error {
  readonly operationId: string;
  /** The response status; 0 for a webhook event. */
  readonly status: number;

  constructor(
    operationId: string,
    status: number,
    detail: string,
    subject = `response for ${operationId} (${status})`,
  ) {
    super(`emulator ${subject} does not match the spec: ${detail}`);
    this.name = "SpecViolationError";
    this.operationId = operationId;
    this.status = status;
  }
}
