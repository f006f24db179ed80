import { ExtendError } from "../extend-error.ts";

/**
 * A 2xx answer to a bulk delete or cancel that does not confirm it: the body names another run, or
 * has a shape the operation never returns. The ID is reported as failed, never as done.
 */
export class BulkIntegrityError extends ExtendError {
  override name = "BulkIntegrityError";
  constructor(
    readonly id: string,
    detail: string,
  ) {
    super(`the answer for run ${id} does not confirm it: ${detail}`);
  }
}
