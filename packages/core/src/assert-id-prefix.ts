import { idPrefixesOf } from "./id-prefixes-of.ts";
import { InvalidArgumentError } from "./invalid-argument-error.ts";

/**
 * Strict mode (`strictIds: true`): throws `InvalidArgumentError` unless `id` starts with a prefix
 * that `spec/openapi.yaml` (`x-extendkit-run-types`) assigns to `resource`. Resources the table
 * does not list (legacy `processorRuns`, `evaluationSetRuns`, whose ids share other types'
 * prefixes) are not checked.
 */
export function assertIdPrefix(resource: string | null, id: string): void {
  const prefixes = idPrefixesOf(resource);
  if (prefixes.length === 0 || prefixes.some((prefix) => id.startsWith(prefix))) return;
  throw new InvalidArgumentError(
    `${resource}: id ${JSON.stringify(id.slice(0, 40))} does not start with "${prefixes.join('" or "')}" (strictIds)`,
  );
}
