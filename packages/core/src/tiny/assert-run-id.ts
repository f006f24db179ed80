import { assertIdPrefix } from "../assert-id-prefix.ts";
import { assertPathParam } from "../assert-path-param.ts";

/**
 * Throws `InvalidArgumentError` unless `id` can be sent as a run id of `resource`: a safe path
 * segment (`assertPathParam`) with one of the resource's prefixes (`assertIdPrefix`, as with
 * `strictIds`; always on in a tiny client). Nothing is sent for an id that fails.
 */
export function assertRunId(resource: string, id: unknown): asserts id is string {
  assertPathParam("id", id);
  assertIdPrefix(resource, id);
}
