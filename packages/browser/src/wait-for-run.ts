import {
  type AnyRun,
  assertPathParam,
  createLog,
  InvalidArgumentError,
  NO_SECRET,
  operationTable,
  type RoutedClient,
  systemClock,
  type WaitConfig,
  type WaitForOptions,
  waitFor,
} from "@extendkit/core";

/** Waits poll on the real clock; the browser client logs nothing and holds no key to redact. */
const WAIT: WaitConfig = {
  clock: systemClock,
  log: /* @__PURE__ */ createLog(undefined, "off", NO_SECRET),
  redactor: NO_SECRET,
};

/**
 * Reads the run `id` through `client.runs.retrieve` (a client with `withRuns`) until `until`
 * holds (default: its status is final), with `@extendkit/core`'s `waitFor` options and errors:
 * first delay `interval` (1 s), ×1.5 up to 10 s, `WaitTimeoutError` after `timeout` (10 min),
 * `AbortError` on `signal`; a `RateLimitError` (the proxy's own limit included) is waited out. A
 * separate import, so a page that never polls does not ship it.
 */
export async function waitForRun(
  client: RoutedClient,
  id: string,
  options?: WaitForOptions<AnyRun>,
): Promise<AnyRun> {
  assertPathParam("id", id);
  const resource = client.runs.resourceFor(id);
  const op = operationTable.find((o) => o.resource === resource && o.kind === "retrieve");
  if (op === undefined) {
    throw new InvalidArgumentError(
      `waitForRun: no run type has the prefix of id ${JSON.stringify(id.slice(0, 40))}`,
    );
  }
  const read = (runId: string, callOptions: object) => client.runs.retrieve(runId, callOptions);
  return (await waitFor(read, id, options as WaitForOptions<unknown>, WAIT, op.path)) as AnyRun;
}
