import type { RoutedClient, RunsRouter } from "@extendkit/core";
import { methodName, type RunResource, supports } from "./run-resource.ts";
import { type CreatedRun, type RunTypeScenario, runTypeScenarios } from "./run-types.ts";
import type { ScenarioEnv } from "./scenario-env.ts";

type IdMethod = (id: string) => Promise<unknown>;
type Waitable = {
  waitFor?(
    id: string,
    options: { until(run: unknown): boolean; interval: number; timeout: number },
  ): Promise<unknown>;
};

/** Statuses that are not terminal, for every run type (SDK pollers, REFERENCE §4.1). */
const IN_FLIGHT = new Set(["PENDING", "PROCESSING", "CANCELLING"]);
export const isTerminal = (status: string) => !IN_FLIGHT.has(status);

/**
 * One run type's operations, looked up once: its row of the map, and the resource methods the
 * operation table says it has (`cancel`/`remove` are undefined when the spec has no such
 * operation). The steps of the scenario are written against this, never against a resource name.
 */
export interface RunTypeDriver {
  resource: RunResource;
  scenario: RunTypeScenario<RunResource>;
  env: ScenarioEnv;
  client: RoutedClient;
  cancel: IdMethod | undefined;
  remove: IdMethod | undefined;
  retrieve: IdMethod;
  /** `extractRuns.cancel`, `processorRuns.get`: the client method of an operation kind, for reports. */
  call(kind: "cancel" | "delete" | "retrieve"): string;
  /** False for types with no create endpoint at all (the host seeds them). */
  creatable: boolean;
  create(index: 0 | 1): Promise<CreatedRun>;
  /** Reads the run's status with the resource's own read method. */
  read(id: string): Promise<string>;
  /**
   * Waits until `stop(status)` holds and returns that status: on a virtual clock by advancing it
   * between reads (bounded), on a real one with the resource's own `waitFor` (which has a timeout).
   */
  waitUntil(id: string, stop: (status: string) => boolean): Promise<string>;
  /** True when `client.runs.*` sends this id to this resource (shared prefixes go elsewhere). */
  routedHere(id: string): boolean;
}

export function createRunTypeDriver(resource: RunResource, env: ScenarioEnv): RunTypeDriver {
  const scenario = runTypeScenarios[resource] as unknown as RunTypeScenario<RunResource>;
  const { client } = env;
  const methods = client[resource] as unknown as Record<string, IdMethod> & Waitable;
  const method = (kind: "cancel" | "delete" | "retrieve") => {
    const name = methodName(resource, kind);
    return supports(resource, kind) && name ? methods[name] : undefined;
  };
  const retrieve = method("retrieve") as IdMethod;
  const statusOf = (run: unknown) => scenario.statusOf(run as never);
  const read = async (id: string) => statusOf(await retrieve(id));
  return {
    resource,
    scenario,
    env,
    client,
    cancel: method("cancel"),
    remove: method("delete"),
    retrieve,
    call: (kind) => `${resource}.${methodName(resource, kind)}`,
    // Batch runs come from another resource's `createBatch`; legacy batch processor runs from nowhere.
    creatable: /\.create(Batch)?$/.test(scenario.createdWith),
    create: (index) => scenario.create({ client, inputs: env.inputs, index }),
    read,
    async waitUntil(id, stop) {
      const { time } = env;
      if (time.kind === "real") {
        const { interval, timeout } = time;
        const until = (run: unknown) => stop(statusOf(run));
        // The full clients have `waitFor` on every resource; a lite client with `runs` has it on
        // `runs` only, which reads through the routed resource, and the browser client has
        // neither (pages import `waitForRun`), so those poll the type's own read method.
        if (typeof methods.waitFor === "function") {
          return statusOf(await methods.waitFor(id, { until, interval, timeout }));
        }
        const runs = client.runs as Partial<RunsRouter>;
        if (runs.waitFor !== undefined && client.runs.resourceFor(id) === resource) {
          return statusOf(await runs.waitFor(id, { until, interval, timeout }));
        }
        return pollUntil(() => read(id), stop, interval, timeout, `${resource} ${id}`);
      }
      let status = await read(id);
      for (let i = 0; !stop(status) && i < time.maxSteps; i++) {
        await time.advance(time.stepMs);
        status = await read(id);
      }
      return status;
    },
    routedHere: (id) => client.runs.resourceFor(id) === resource,
  };
}

/**
 * Reads until `stop(status)` holds, on the real clock: first delay `interval`, then ×1.5 up to
 * 10 s; throws once `timeout` ms have passed without it.
 */
async function pollUntil(
  read: () => Promise<string>,
  stop: (status: string) => boolean,
  interval: number,
  timeout: number,
  what: string,
): Promise<string> {
  const deadline = Date.now() + timeout;
  let delay = interval;
  let status = await read();
  while (!stop(status)) {
    if (Date.now() + delay > deadline) {
      throw new Error(`${what}: still ${status} after ${timeout} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 1.5, 10_000);
    status = await read();
  }
  return status;
}
