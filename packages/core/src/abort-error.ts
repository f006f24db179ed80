import { ExtendError } from "./extend-error.ts";

/** The caller's `signal` aborted the call. Never retried. `cause` is the signal's reason. */
export class AbortError extends ExtendError {
  override name = "AbortError";
  declare readonly method: string;
  declare readonly path: string;
  declare readonly attempts: number;

  constructor(init: { method: string; path: string; attempts: number; cause: unknown }) {
    super(`${init.method} ${init.path} was aborted by the caller`, init, init);
  }
}
