import type { operations } from "./generated/openapi.ts";
import type { Paginated } from "./paginate.ts";

/** An operationId of the spec, such as `"workflowRuns.cancel"`. */
export type OperationId = keyof operations;

type JsonContent<T> = T extends { content: { "application/json": infer B } } ? B : never;

/** The parsed 200 body of an operation. */
export type ResponseOf<K extends OperationId> = JsonContent<operations[K]["responses"][200]>;

/** The JSON request body of an operation. */
export type BodyOf<K extends OperationId> = JsonContent<NonNullable<operations[K]["requestBody"]>>;

/** The query parameters of an operation. */
export type QueryOf<K extends OperationId> = NonNullable<operations[K]["parameters"]["query"]>;

/** One item of a list page: `data[number]`, or `processorRuns[number]` for the legacy list. */
export type ListItemOf<Page> = Page extends { data: Array<infer I> }
  ? I
  : Page extends { processorRuns: Array<infer I> }
    ? I
    : never;

/**
 * What a list method returns: awaitable as the first page (`ResponseOf<K>`), async-iterable over
 * every item of every page, with `.page()` and `.pages()` (see `Paginated`).
 */
export type ListResult<K extends OperationId> = Paginated<ResponseOf<K>, ListItemOf<ResponseOf<K>>>;
