import { RUN_RESOURCES } from "../generated/run-resources.ts";
import { InvalidArgumentError } from "../invalid-argument-error.ts";
import { numberProblem } from "../number-problem.ts";
import { assertRunId } from "./assert-run-id.ts";
import { resolveTinyConfig } from "./resolve-tiny-config.ts";
import { sendRunCall, type TinyKind } from "./send-run-call.ts";
import type { TinyClient } from "./tiny-client.ts";
import type { TinyCallOptions, TinyClientOptions } from "./tiny-client-options.ts";

const VERBS = { r: "retrieve", g: "get", c: "cancel", d: "delete" } as const;

/**
 * A client of run ids only, for the smallest bundle: `retrieve` (or `get`), `cancel` and `delete`
 * of every run type, as `client.<resource>.<method>(id, options?)` with the names, arguments,
 * results and errors of `createLiteClient`'s client (a Worker that cancels and deletes every run
 * type is under 6 kB gzip; the lite client's is 9.5 kB). It keeps what makes those calls safe:
 * ids checked against their resource's prefix before anything is sent, core's retry policy with
 * `Retry-After`, per-attempt timeouts, the caller's abort, redirects refused, success bodies
 * checked, typed errors free of the API key. What it leaves out is in the README ("Tiny client").
 * Throws `InvalidArgumentError` on bad options.
 */
export function createTinyClient(options: TinyClientOptions): TinyClient {
  const config = resolveTinyConfig(options);
  const client: Record<string, Record<string, unknown>> = {};
  for (const row of RUN_RESOURCES.split(" ")) {
    const [resource, collection, verbs, prefixes] = row.split(":") as [
      string,
      string,
      string,
      string,
    ];
    const idPrefixes = prefixes ? prefixes.split(",") : [];
    const methods: Record<string, unknown> = {};
    client[resource] = methods;
    for (const letter of verbs) {
      const name = VERBS[letter.toLowerCase() as keyof typeof VERBS];
      const kind: TinyKind = name === "get" ? "retrieve" : name;
      const takesQuery = letter !== letter.toLowerCase();
      // async: a bad id or option rejects the returned promise, like every other method.
      methods[name] = async (id: unknown, ...rest: (TinyCallOptions | undefined)[]) => {
        assertRunId(resource, idPrefixes, id);
        const callOptions = rest[takesQuery ? 1 : 0];
        const query = takesQuery ? (rest[0] as Record<string, unknown> | undefined) : undefined;
        const { signal, timeout } = callOptions ?? {};
        const [option, problem] =
          signal === undefined || signal instanceof AbortSignal
            ? ["timeout", numberProblem(timeout, 1)]
            : ["signal", "must be an AbortSignal"];
        if (problem !== undefined)
          throw new InvalidArgumentError(`${resource}.${name}: ${option} ${problem}`);
        return sendRunCall(config, kind, resource, collection, id, query, callOptions);
      };
    }
  }
  return client as unknown as TinyClient;
}
