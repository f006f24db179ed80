import { apiFailure, describeError } from "../api-failure.ts";
import { isTerminal, type RunTypeDriver } from "../run-type-driver.ts";
import type { CreatedRun } from "../run-types.ts";
import { mismatch, notReached, type Verdict } from "../verdict.ts";
import type { Step } from "./step.ts";

/**
 * Cancels run A while it is cancellable and confirms it ends CANCELLED; for a type with no cancel
 * endpoint, shows the documented refusal instead.
 *
 * On a real clock a starved machine can let a run finish before its cancel arrives. On the
 * emulator that is the machine's doing, not the API's: the step tries again with a fresh run (at
 * most three runs; spares are deleted with the others). On the live API it reports the documented
 * refusal ("finished first"). The virtual clock never moves by itself: one attempt, exact.
 */
export const cancelStep: Step = async (driver, state, calls) => {
  if (!state.a) return notReached;
  const { cancel } = driver;
  if (!cancel) return refuseWithoutEndpoint(driver, state.a.id, calls);
  const { env } = driver;
  const attempts = env.target === "emulator" && env.time.kind === "real" ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const result = await cancelOnce(driver, state.a, calls, cancel);
    if (typeof result !== "string") {
      return attempt === 1
        ? result
        : { ...result, detail: `${result.detail} (attempt ${attempt})` };
    }
    if (attempt === attempts) return finishedFirst(driver, result, state.a.id);
    state.spare.push(state.a);
    calls.push(driver.scenario.createdWith);
    state.a = await driver.create(0);
  }
};

/** Cancels `run`; resolves to the verdict, or to the status the run reached before the cancel. */
async function cancelOnce(
  driver: RunTypeDriver,
  run: CreatedRun,
  calls: string[],
  cancel: (id: string) => Promise<unknown>,
): Promise<Verdict | string> {
  const cancellable = (s: string) => driver.scenario.cancellableWhile.includes(s);
  // A run created cancellable is cancelled at once: no read in between for it to finish in.
  const before = cancellable(run.status)
    ? run.status
    : await driver.waitUntil(run.id, (s) => cancellable(s) || isTerminal(s));
  if (isTerminal(before)) return before;
  calls.push(driver.call("cancel"));
  try {
    await cancel(run.id);
  } catch (error) {
    const now = await driver.read(run.id);
    if (apiFailure(error) && isTerminal(now)) return now;
    throw error;
  }
  // Workflow runs may pass through CANCELLING (REFERENCE §4.3).
  const after = await driver.waitUntil(run.id, (s) => s !== "CANCELLING");
  return after === "CANCELLED"
    ? { outcome: "ok", summary: "CANCELLED", detail: run.id }
    : mismatch(after, `expected CANCELLED after cancelling ${run.id}`);
}

/** The emulator's timing is exact, so a run that finished first is a mismatch there only. */
function finishedFirst(driver: RunTypeDriver, status: string, id: string): Verdict {
  if (driver.env.target === "emulator") {
    return mismatch(status, `${id} was ${status} before the cancel`);
  }
  return { outcome: "refused", summary: `finished first: ${status}`, detail: id };
}

/**
 * The documented refusal for a type with no cancel endpoint. Where `client.runs` routes the id to
 * this type, the sample asks it anyway: the client must refuse without sending anything.
 */
async function refuseWithoutEndpoint(
  driver: RunTypeDriver,
  id: string,
  calls: string[],
): Promise<Verdict> {
  const { resource, scenario, client } = driver;
  const documented = `The spec has no cancel operation for ${resource} (${scenario.reference}).`;
  if (!driver.routedHere(id))
    return { outcome: "refused", summary: "no endpoint", detail: documented };
  calls.push("runs.cancel");
  try {
    await client.runs.cancel(id);
  } catch (error) {
    if (apiFailure(error)) throw error; // it went over the wire: the client should have refused
    return { outcome: "refused", summary: "no endpoint", detail: describeError(error) };
  }
  return mismatch("accepted", `runs.cancel(${id}) succeeded; ${documented}`);
}
