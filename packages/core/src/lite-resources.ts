import type { GeneratedResources } from "./generated/resources.ts";
import type { Paginated } from "./paginate.ts";

/** A list method of the lite client: the same arguments, resolving to the one page it asked for. */
type OnePage<M> = M extends (...args: infer A) => Paginated<infer Page, unknown>
  ? (...args: A) => Promise<Page>
  : M;

/**
 * The resources of the lite client: the generated resources, with list methods resolving to one
 * page (`{ data, nextPageToken }`) instead of a `Paginated` result; root methods unchanged.
 */
export type LiteResources = {
  [K in keyof GeneratedResources]: GeneratedResources[K] extends (...args: never[]) => unknown
    ? GeneratedResources[K]
    : { [M in keyof GeneratedResources[K]]: OnePage<GeneratedResources[K][M]> };
};
