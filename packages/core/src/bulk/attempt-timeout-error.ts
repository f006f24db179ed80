import { ExtendError } from "../extend-error.ts";

/** One bulk attempt got no complete answer within `attemptTimeout`. Its outcome is unknown. */
export class AttemptTimeoutError extends ExtendError {
  override name = "AttemptTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`no complete answer within ${timeoutMs} ms (attemptTimeout)`);
  }
}
