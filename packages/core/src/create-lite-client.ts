import { buildResources, sortArguments } from "./build-resources.ts";
import { callOperation } from "./call-operation.ts";
import type { ClientConfig } from "./client-config.ts";
import type { ClientOptions } from "./client-options.ts";
import type { ClientRuntime } from "./client-runtime.ts";
import { operationTable } from "./generated/operations.ts";
import type { LiteResources } from "./lite-resources.ts";
import { resolveConfig } from "./resolve-config.ts";

/**
 * The lite client: every operation of the spec as `client.<resource>.<method>`, with the same
 * options, validation, retries, timeouts, errors and redaction as `createClient`, and nothing else:
 * no `waitFor`, no `runs` router or bulk helpers, no `raw`/`use` (so no openapi-fetch), and list
 * methods resolve to one page (pass `nextPageToken` for the next). What a program does not
 * import is left out of its bundle: a Worker that cancels and deletes every run type ships about a
 * third of what it would with `createClient` (README "Bundle size").
 */
export type LiteClient = LiteResources;

/**
 * Something a lite client can be extended with: a function of the client's runtime returning the
 * properties to add (`withRuns` adds `runs`). Only the extensions a program passes are bundled.
 */
export type ClientExtension<E extends object> = (rt: ClientRuntime) => E;

/**
 * Creates a lite client, with the properties of `extend` added (`createLiteClient(options,
 * withRuns)`). Throws `InvalidArgumentError` on bad options.
 */
export function createLiteClient(options: ClientOptions): LiteClient;
export function createLiteClient<E extends object>(
  options: ClientOptions,
  extend: ClientExtension<E>,
): LiteClient & E;
export function createLiteClient(
  options: ClientOptions,
  extend?: ClientExtension<object>,
): LiteClient {
  return liteClientFromConfig(resolveConfig(options), extend);
}

/** `createLiteClient` from options already resolved. */
export function liteClientFromConfig(
  config: ClientConfig,
  extend?: ClientExtension<object>,
): LiteClient {
  const rt: ClientRuntime = { config };
  const resources = buildResources(
    operationTable,
    (op) =>
      (...args) =>
        callOperation(rt, op, sortArguments(op, args)),
  );
  return Object.assign(resources, extend?.(rt)) as unknown as LiteClient;
}
