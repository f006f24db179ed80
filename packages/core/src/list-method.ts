import { callOperation, type OperationCall } from "./call-operation.ts";
import type { ClientRuntime } from "./client-runtime.ts";
import type { OperationSpec } from "./operation-spec.ts";
import { DEFAULT_MAX_PAGES, type Paginated, paginate } from "./paginate.ts";

/**
 * A list call of the full client: a lazy `Paginated` result whose pages are sent as `callOperation`
 * calls, each with the query and `nextPageToken` of the page before (`request.nextPageToken`, when
 * given, names the first page).
 */
export function listMethod(
  rt: ClientRuntime,
  op: OperationSpec,
  call: OperationCall,
): Paginated<unknown, unknown> {
  const query = { ...call.request };
  const start = typeof query.nextPageToken === "string" ? query.nextPageToken : undefined;
  const maxPages =
    (call.options as { maxPages?: number } | undefined)?.maxPages ?? DEFAULT_MAX_PAGES;
  return paginate(
    (nextPageToken) =>
      callOperation(rt, op, {
        ...call,
        request: nextPageToken === undefined ? query : { ...query, nextPageToken },
      }),
    start,
    maxPages,
    op.path,
  );
}
