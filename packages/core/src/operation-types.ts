import type { operations } from "./generated/openapi.ts";

/** An operationId of the spec, such as `"workflowRuns.cancel"`. */
export type OperationId = keyof operations;

type JsonContent<T> = T extends { content: { "application/json": infer B } } ? B : never;

/** The parsed 200 body of an operation. */
export type ResponseOf<K extends OperationId> = JsonContent<operations[K]["responses"][200]>;

/** The JSON request body of an operation. */
export type BodyOf<K extends OperationId> = JsonContent<NonNullable<operations[K]["requestBody"]>>;

/** The query parameters of an operation. */
export type QueryOf<K extends OperationId> = NonNullable<operations[K]["parameters"]["query"]>;

/** What a list method returns: one page of the list, as the API sends it. */
export type ListResult<K extends OperationId> = Promise<ResponseOf<K>>;
