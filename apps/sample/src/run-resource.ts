import { type OperationKind, operationTable } from "@extendkit/core";

type Operation = (typeof operationTable)[number];

/**
 * Every client resource of the spec that serves runs (`workflowRuns`, `editRuns`, …), as a union
 * read from the generated operation table. A run type added to `spec/openapi.yaml` widens this
 * union, and `run-types.ts` stops type-checking until the sample covers it.
 */
export type RunResource = Extract<NonNullable<Operation["resource"]>, `${string}Runs`>;

/** The kinds of operation the spec offers for one run resource (`"create" | "retrieve" | …`). */
export type KindsOf<R extends RunResource> = Extract<Operation, { resource: R }>["kind"];

/** True when the spec has an operation of this kind for the resource: the runtime twin of `KindsOf`. */
export function supports(resource: RunResource, kind: OperationKind): boolean {
  return operationTable.some((op) => op.resource === resource && op.kind === kind);
}

/** The client method name of the resource's operation of this kind (`get` or `retrieve`, …). */
export function methodName(resource: RunResource, kind: OperationKind): string | undefined {
  return operationTable.find((op) => op.resource === resource && op.kind === kind)?.name;
}

/** Every run resource in spec order, read from the table at run time. */
export const runResources: readonly RunResource[] = [
  ...new Set(
    operationTable
      .map((op) => op.resource)
      .filter((r): r is RunResource => r?.endsWith("Runs") === true),
  ),
];
