import { ExtendError } from "./extend-error.ts";

/** `waitFor` reached its `timeout` before `until` was satisfied. `lastRun` is the last read. */
export class WaitTimeoutError extends ExtendError {
  override name = "WaitTimeoutError";
  declare readonly id: string;
  declare readonly timeoutMs: number;
  declare readonly lastRun: unknown;
  declare readonly lastStatus: string | undefined;

  constructor(init: { id: string; timeoutMs: number; lastRun: unknown; lastStatus?: string }) {
    const status = init.lastStatus === undefined ? "" : ` (last status ${init.lastStatus})`;
    super(`run ${init.id} did not reach the awaited state within ${init.timeoutMs} ms${status}`, {
      lastStatus: undefined,
      ...init,
    });
  }
}
