/**
 * What an operation does, from its method name. The client's policies key on it: only `retrieve`
 * and `list` are safe to replay, `delete` is idempotent, `cancel` is reconciled by reading the run,
 * and `create`, `createBatch` and `sync` start work and are never replayed blindly.
 */
export type OperationKind =
  | "sync"
  | "create"
  | "createBatch"
  | "retrieve"
  | "list"
  | "update"
  | "cancel"
  | "delete";

/** One row of the generated operation table (`generated/operations.ts`). */
export interface OperationSpec {
  /** The spec's operationId: the official SDK's `resource.method` name. */
  readonly operationId: string;
  /** Client resource (`workflowRuns`), or null for a root method such as `parse`. */
  readonly resource: string | null;
  /** Method name on the resource (or on the client, for root methods). */
  readonly name: string;
  readonly kind: OperationKind;
  readonly httpMethod: "get" | "post" | "delete";
  /** Path template with `{param}` placeholders, relative to the base URL. */
  readonly path: string;
  readonly pathParams: readonly string[];
  /** Query parameter names; with `hasBody`, these keys are taken out of the request object. */
  readonly queryParams: readonly string[];
  readonly hasBody: boolean;
  readonly deprecated: boolean;
}
