import type { ApiError } from "./api-error.ts";
import { ExtendError } from "./extend-error.ts";

/** Statuses by which the API refuses a cancel (the run is past cancelling, or it says so). */
export const CANCEL_REFUSALS = new Set([400, 409, 422]);

/**
 * A cancel was refused because the run is past the point of cancelling (completed, failed,
 * in review, …). Not retryable. Thrown for a 400/409/422 answer to a cancel, and when a cancel
 * whose outcome was unknown is reconciled by reading the run and the run is in such a state.
 */
export class NotCancellableError extends ExtendError {
  override name = "NotCancellableError";
  declare readonly id: string;
  /** The run's status when it was read back, if it was. */
  declare readonly runStatus: string | undefined;
  /** HTTP status and code of the refusal, when the API refused the cancel itself. */
  declare readonly status: number | undefined;
  declare readonly code: string | undefined;
  declare readonly requestId: string | undefined;
  readonly retryable = false;

  constructor(init: { id: string; runStatus?: string; cause?: ApiError }) {
    const { id, runStatus, cause } = init;
    super(
      `run ${id} cannot be cancelled: ${runStatus === undefined ? `the API refused: ${cause?.message ?? "not cancellable"}` : `its status is ${runStatus}`}`,
      { id, runStatus, status: cause?.status, code: cause?.code, requestId: cause?.requestId },
      init,
    );
  }
}
