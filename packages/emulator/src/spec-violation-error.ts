/**
 * Strict mode found a response that does not match spec/openapi.yaml. The emulator's `fetch`
 * rejects with it (and records it in `records.violations`), so a drift between the emulator and the
 * spec fails the test that caused it instead of passing silently.
 */
export class SpecViolationError extends Error {
  readonly operationId: string;
  readonly status: number;

  constructor(operationId: string, status: number, detail: string) {
    super(`emulator response for ${operationId} (${status}) does not match the spec: ${detail}`);
    this.name = "SpecViolationError";
    this.operationId = operationId;
    this.status = status;
  }
}
