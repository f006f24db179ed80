import { assertPathParam } from "../assert-path-param.ts";
import { InvalidArgumentError } from "../invalid-argument-error.ts";

/**
 * Throws `InvalidArgumentError` unless `id` can be sent as a run id of `resource`: a safe path
 * segment (`assertPathParam`) that starts with one of `prefixes` (the resource's prefixes from
 * `x-extendkit-run-types`, as `strictIds` checks them; empty: any prefix). Always on in a tiny
 * client; nothing is sent for an id that fails.
 */
export function assertRunId(
  resource: string,
  prefixes: string[],
  id: unknown,
): asserts id is string {
  assertPathParam("id", id);
  if (prefixes.length > 0 && !prefixes.some((prefix) => id.startsWith(prefix)))
    throw new InvalidArgumentError(
      `${resource}: id ${JSON.stringify(id.slice(0, 40))} does not start with "${prefixes.join('" or "')}"`,
    );
}
