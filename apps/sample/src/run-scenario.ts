import type { ExtendClient } from "@extendkit/core";
import { apiFailure, describeError } from "./api-failure.ts";
import { methodName, type RunResource, supports } from "./run-resource.ts";
import { type CreatedRun, type RunTypeScenario, runTypeScenarios } from "./run-types.ts";
import type { ScenarioEnv } from "./scenario-env.ts";
import type { Outcome, StepName, StepResult } from "./step-result.ts";

/** A step's verdict, before the engine adds the run type, the calls made and the time. */
interface Verdict {
  outcome: Outcome;
  summary: string;
  detail?: string;
}

/** Statuses that are not terminal, for every run type (SDK pollers, REFERENCE §4.1). */
const inFlight = new Set(["PENDING", "PROCESSING", "CANCELLING"]);
const isTerminal = (status: string) => !inFlight.has(status);

type IdMethod = (id: string) => Promise<unknown>;
type Waitable = {
  waitFor(
    id: string,
    options: { until(run: unknown): boolean; interval: number; timeout: number },
  ): Promise<unknown>;
};

/**
 * Runs one run type's scenario and reports each step through `emit`:
 *
 * 1. create run A;
 * 2. cancel A while it is cancellable and confirm it ends CANCELLED — or show the documented
 *    refusal when the type has no cancel endpoint;
 * 3. create run B and let it finish (PROCESSED);
 * 4. cancel the finished B: the API must refuse (4xx);
 * 5. delete both (A through `client.<resource>.delete`, B through `client.runs.delete` where its
 *    id prefix routes) — or show that the type has no delete endpoint;
 * 6. read both again: each must be 404.
 *
 * It touches only the two runs it created. Steps never throw: a failure is a `mismatch` verdict.
 */
export async function runScenario(
  resource: RunResource,
  env: ScenarioEnv,
  emit: (result: StepResult) => void,
): Promise<void> {
  const scenario = runTypeScenarios[resource] as unknown as RunTypeScenario<RunResource>;
  const { client } = env;
  const { runs } = client;
  const cancel = idMethod(env, resource, "cancel");
  const remove = idMethod(env, resource, "delete");
  const retrieve = idMethod(env, resource, "retrieve") as IdMethod;
  const statusOf = (run: unknown) => scenario.statusOf(run as never);
  const read = async (id: string) => statusOf(await retrieve(id));
  /** True when `client.runs.*` sends this id here (shared prefixes route to another type). */
  const routedHere = (id: string) => runs.resourceFor(id) === resource;
  /** Batch runs come from another resource's `createBatch`; legacy batch processor runs from nowhere. */
  const creatable =
    scenario.createdWith.endsWith("create") || scenario.createdWith.endsWith("createBatch");
  let a: CreatedRun | undefined;
  let b: CreatedRun | undefined;
  /** Runs made for a retried cancel (real clock only); deleted along with A and B. */
  const spare: CreatedRun[] = [];

  async function step(name: StepName, body: (calls: string[]) => Promise<Verdict>): Promise<void> {
    const calls: string[] = [];
    const started = performance.now();
    let verdict: Verdict;
    try {
      verdict = await body(calls);
    } catch (error) {
      verdict = { outcome: "mismatch", summary: "error", detail: describeError(error) };
    }
    emit({ runType: resource, step: name, ...verdict, calls, ms: elapsed(started) });
  }

  const missing = env.target === "live" ? scenario.needs.filter((k) => !env.inputs[k]) : [];
  if (missing.length > 0) {
    for (const name of [
      "create",
      "cancel",
      "finish",
      "cancelFinished",
      "delete",
      "gone",
    ] as const) {
      await step(name, async () => ({
        outcome: "skipped",
        summary: `needs ${missing.join(", ")}`,
        detail: "Set the matching EXTEND_SAMPLE_* variable to run this type on the live API.",
      }));
    }
    return;
  }

  /**
   * Waits until `stop(status)` holds and returns that status: on a virtual clock by advancing it
   * between reads, on a real one with the resource's own `waitFor`.
   */
  async function waitUntil(id: string, stop: (status: string) => boolean): Promise<string> {
    const { time } = env;
    if (time.kind === "real") {
      const { interval, timeout } = time;
      const waitable = client[resource] as unknown as Waitable;
      return statusOf(
        await waitable.waitFor(id, { until: (run) => stop(statusOf(run)), interval, timeout }),
      );
    }
    let status = await read(id);
    for (let i = 0; !stop(status) && i < time.maxSteps; i++) {
      await time.advance(time.stepMs);
      status = await read(id);
    }
    return status;
  }

  await step("create", async (calls) => {
    calls.push(scenario.createdWith);
    a = await scenario.create({ client, inputs: env.inputs, index: 0 });
    if (!creatable) {
      // No create endpoint (legacy batch processor runs): the host seeded the run, the sample reads it.
      return { outcome: "refused", summary: `no endpoint; seeded`, detail: `${a.id} ${a.status}` };
    }
    if (env.target === "emulator" && isTerminal(a.status)) {
      return mismatch(`${a.status} at once`, `${a.id} was created already terminal`);
    }
    return { outcome: "ok", summary: a.status, detail: a.id };
  });

  /** Cancels `run`; resolves to the verdict, or to the status the run reached before the cancel. */
  async function cancelRun(
    run: CreatedRun,
    calls: string[],
    send: IdMethod,
  ): Promise<Verdict | string> {
    const cancellable = (s: string) => scenario.cancellableWhile.includes(s);
    // A run created cancellable is cancelled at once: no read in between for it to finish in.
    const before = cancellable(run.status)
      ? run.status
      : await waitUntil(run.id, (s) => cancellable(s) || isTerminal(s));
    if (isTerminal(before)) return before;
    calls.push(`${resource}.${methodName(resource, "cancel")}`);
    try {
      await send(run.id);
    } catch (error) {
      const now = await read(run.id);
      if (apiFailure(error) && isTerminal(now)) return now;
      throw error;
    }
    // Workflow runs may pass through CANCELLING (REFERENCE §4.3).
    const after = await waitUntil(run.id, (s) => s !== "CANCELLING");
    return after === "CANCELLED"
      ? { outcome: "ok", summary: "CANCELLED", detail: run.id }
      : mismatch(after, `expected CANCELLED after cancelling ${run.id}`);
  }

  await step("cancel", async (calls) => {
    if (!a) return notReached;
    if (!cancel) return refuseWithoutEndpoint(client, a.id, resource, scenario, calls);
    // On a real clock a starved machine can let a run finish before its cancel arrives. On the
    // emulator that is the machine's doing, not the API's: try again with a fresh run (the spare
    // runs are deleted with the others). The virtual clock never moves by itself: one attempt.
    const attempts = env.target === "emulator" && env.time.kind === "real" ? 3 : 1;
    for (let attempt = 1; ; attempt++) {
      const result = await cancelRun(a, calls, cancel);
      if (typeof result !== "string") {
        return attempt === 1
          ? result
          : { ...result, detail: `${result.detail} (attempt ${attempt})` };
      }
      if (attempt === attempts) return finishedFirst(env, result, a.id);
      spare.push(a);
      calls.push(scenario.createdWith);
      a = await scenario.create({ client, inputs: env.inputs, index: 0 });
    }
  });

  await step("finish", async (calls) => {
    calls.push(scenario.createdWith);
    b = await scenario.create({ client, inputs: env.inputs, index: 1 });
    // Without a cancel endpoint run A is still going: let it finish too before deleting.
    const waiting = cancel || !a ? [b] : [a, b];
    const statuses: string[] = [];
    for (const run of waiting) statuses.push(await waitUntil(run.id, isTerminal));
    const ids = waiting.map((run) => run.id).join(", ");
    return statuses.every((s) => s === "PROCESSED")
      ? { outcome: "ok", summary: times("PROCESSED", statuses.length), detail: ids }
      : mismatch(statuses.join(", "), `expected PROCESSED for ${ids}`);
  });

  await step("cancelFinished", async (calls) => {
    const run = b;
    if (!cancel) return { outcome: "none", summary: "–", detail: "no cancel endpoint" };
    if (!run) return notReached;
    const viaRuns = routedHere(run.id);
    calls.push(viaRuns ? "runs.cancel" : `${resource}.${methodName(resource, "cancel")}`);
    try {
      await (viaRuns ? runs.cancel(run.id) : cancel(run.id));
    } catch (error) {
      const failure = apiFailure(error);
      if (failure && failure.status >= 400 && failure.status < 500 && failure.status !== 404) {
        return {
          outcome: "refused",
          summary: `refused ${failure.status} ${failure.code}`,
          detail: failure.message,
        };
      }
      throw error;
    }
    return mismatch("accepted", `the API accepted a cancel of finished run ${run.id}`);
  });

  const deleted: { id: string; viaRuns: boolean }[] = [];
  await step("delete", async (calls) => {
    const created = [...spare, a, b].filter((run): run is CreatedRun => run !== undefined);
    if (created.length === 0) return notReached;
    if (!remove) {
      return {
        outcome: "refused",
        summary: "no endpoint",
        detail: `The spec has no delete operation for ${resource} (${scenario.reference}); ${created.map((r) => r.id).join(", ")} remain.`,
      };
    }
    for (const run of created) {
      // Run B goes through the any-run API when its id prefix routes to this resource.
      const viaRuns = run === b && routedHere(run.id);
      calls.push(viaRuns ? "runs.delete" : `${resource}.${methodName(resource, "delete")}`);
      await (viaRuns ? runs.delete(run.id) : remove(run.id));
      deleted.push({ id: run.id, viaRuns });
    }
    return { outcome: "ok", summary: `deleted ×${deleted.length}`, detail: ids(deleted) };
  });

  await step("gone", async (calls) => {
    if (!remove) return { outcome: "none", summary: "–", detail: "no delete endpoint" };
    if (deleted.length === 0) return notReached;
    const answers: string[] = [];
    for (const run of deleted) {
      calls.push(run.viaRuns ? "runs.retrieve" : `${resource}.${methodName(resource, "retrieve")}`);
      try {
        await (run.viaRuns ? runs.retrieve(run.id) : retrieve(run.id));
        answers.push("200");
      } catch (error) {
        const failure = apiFailure(error);
        if (!failure) throw error;
        answers.push(String(failure.status));
      }
    }
    return answers.every((s) => s === "404")
      ? { outcome: "ok", summary: times("404", answers.length), detail: ids(deleted) }
      : mismatch(answers.join(", "), `expected 404 for each deleted run: ${ids(deleted)}`);
  });
}

const notReached: Verdict = {
  outcome: "skipped",
  summary: "not reached",
  detail: "an earlier step did not create the run",
};

function mismatch(summary: string, detail: string): Verdict {
  return { outcome: "mismatch", summary, detail };
}

/** On the live API a run may finish before the cancel arrives; the emulator's timing is exact. */
function finishedFirst(env: ScenarioEnv, status: string, id: string): Verdict {
  if (env.target === "emulator") return mismatch(status, `${id} was ${status} before the cancel`);
  return { outcome: "refused", summary: `finished first: ${status}`, detail: id };
}

/**
 * The documented refusal for a type with no cancel endpoint. Where `client.runs` routes the id to
 * this type, the sample asks it anyway: the client must refuse without sending anything.
 */
async function refuseWithoutEndpoint(
  client: ExtendClient,
  id: string,
  resource: RunResource,
  scenario: RunTypeScenario<RunResource>,
  calls: string[],
): Promise<Verdict> {
  const documented = `The spec has no cancel operation for ${resource} (${scenario.reference}).`;
  if (client.runs.resourceFor(id) !== resource) {
    return { outcome: "refused", summary: "no endpoint", detail: documented };
  }
  calls.push("runs.cancel");
  try {
    await client.runs.cancel(id);
  } catch (error) {
    if (apiFailure(error)) throw error; // it went over the wire: the client should have refused
    return { outcome: "refused", summary: "no endpoint", detail: describeError(error) };
  }
  return mismatch("accepted", `runs.cancel(${id}) succeeded; ${documented}`);
}

function idMethod(
  env: ScenarioEnv,
  resource: RunResource,
  kind: "cancel" | "delete" | "retrieve",
): IdMethod | undefined {
  if (!supports(resource, kind)) return undefined;
  const methods = env.client[resource] as unknown as Record<string, IdMethod>;
  const name = methodName(resource, kind);
  return name ? methods[name] : undefined;
}

const times = (what: string, n: number) => (n === 1 ? what : `${what} ×${n}`);
const ids = (runs: readonly { id: string }[]) => runs.map((r) => r.id).join(", ");
const elapsed = (since: number) => Math.round(performance.now() - since);
