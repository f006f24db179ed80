import type { GeneratedResources } from "../generated/resources.ts";
import type { TinyCallOptions } from "./tiny-client-options.ts";

/** The methods a tiny client has: the ones that take only a run id. */
export type TinyMethodName = "retrieve" | "get" | "cancel" | "delete";

/**
 * A resource's run-id methods, with the lite client's arguments and results; the per-call
 * options are `TinyCallOptions`.
 */
export type TinyResource<R> = {
  [M in keyof R & TinyMethodName]: R[M] extends (...args: infer A) => infer T
    ? 3 extends A["length"]
      ? (id: string, query?: A[1], options?: TinyCallOptions) => T
      : (id: string, options?: TinyCallOptions) => T
    : never;
};

/**
 * What `createTinyClient` returns: every run resource with its `retrieve` (or `get`), `cancel`
 * and `delete`, named and typed as on `createLiteClient`'s client.
 */
export type TinyClient = {
  [K in keyof GeneratedResources as GeneratedResources[K] extends (...args: never[]) => unknown
    ? never
    : K]: TinyResource<GeneratedResources[K]>;
};
