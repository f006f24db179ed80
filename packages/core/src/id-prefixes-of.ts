import { runTypes } from "./generated/run-types.ts";

/**
 * The prefixes an id of `resource` may start with (spec `x-extendkit-run-types`: each row's
 * `prefix`, and its `alsoPrefixes`, which route elsewhere). Empty for resources the table does not
 * list (legacy `processorRuns`, `evaluationSetRuns`: their ids share other types' prefixes).
 */
export function idPrefixesOf(resource: string | null): string[] {
  return runTypes.flatMap(
    (t: { resource: string; prefix: string; alsoPrefixes?: readonly string[] }) =>
      t.resource === resource ? [t.prefix, ...(t.alsoPrefixes ?? [])] : [],
  );
}
