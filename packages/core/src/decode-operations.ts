import type { OperationKind, OperationSpec } from "./operation-spec.ts";

const HAS_BODY = ["sync", "create", "createBatch", "update"];

/**
 * Expands the generated operation table (`generated/operations.ts`), which is stored compactly
 * because every client bundles it: one string per operation, `<operationId>` then optional
 * space-separated parts — `/<path>` when it differs from the usual one (below), `?<query,params>`,
 * `@<resource.method>` when the client name differs from the operationId (`x-extendkit-method`),
 * `!` when deprecated. The rest follows from those, by the rules `scripts/gen.ts` checks for every
 * row before it writes the table (it fails when a row would not decode to what the spec says):
 * - resource and method: `resource.method`, or a root method (`parse`) with resource null;
 * - kind: `sync` for root methods, `retrieve` for `get`, else the method name;
 * - path: the resource (or root method) in snake case (`/extract_runs`, `/detect_form`), then
 *   `/batch` for createBatch, `/{id}/cancel` for cancel, `/{id}` for retrieve, update and delete;
 * - HTTP method: GET to list and retrieve, DELETE to delete, POST otherwise;
 * - path parameters: the `{name}`s of the path; a body for sync, create, createBatch and update.
 */
export function decodeOperations(rows: readonly string[]): OperationSpec[] {
  return rows.map((row) => {
    const [operationId = "", ...parts] = row.split(" ");
    let clientName = operationId;
    let path: string | undefined;
    let queryParams: string[] = [];
    for (const part of parts) {
      if (part[0] === "/") path = part;
      if (part[0] === "?") queryParams = part.slice(1).split(",");
      if (part[0] === "@") clientName = part.slice(1);
    }
    const [first = "", method] = clientName.split(".");
    const resource = method === undefined ? null : first;
    const name = method ?? first;
    const kind = (resource === null ? "sync" : name === "get" ? "retrieve" : name) as OperationKind;
    path ??=
      `/${first.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}` +
      (kind === "createBatch"
        ? "/batch"
        : kind === "cancel"
          ? "/{id}/cancel"
          : ["retrieve", "update", "delete"].includes(kind)
            ? "/{id}"
            : "");
    return {
      operationId,
      resource,
      name,
      kind,
      httpMethod:
        kind === "list" || kind === "retrieve" ? "get" : kind === "delete" ? "delete" : "post",
      path,
      pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
      queryParams,
      hasBody: HAS_BODY.includes(kind),
      deprecated: parts.includes("!"),
    };
  });
}
