import { idPrefixesOf, type OperationSpec, operationTable } from "@extendkit/core";

/** A request resolved to one allowed operation, or the refusal to send instead. */
export type Route =
  | { ok: true; op: OperationSpec; id: string }
  | { ok: false; status: number; code: string; message: string };

// Letters, digits, `_ - .`: nothing that encodes, separates, or escapes (`% \ : ; @` …).
const PLAIN_SEGMENT = /^[A-Za-z0-9_.-]*$/;
const RUN_ID = /^[A-Za-z0-9_-]{1,255}$/;
const COLLECTIONS = new Set(operationTable.map((op) => op.path.split("/")[1]));
const TEMPLATES = operationTable.map((op) => ({ op, segments: op.path.slice(1).split("/") }));
/** Each resource's id prefixes (empty: not checked), looked up once rather than per request. */
const PREFIXES = new Map(operationTable.map((op) => [op.resource, idPrefixesOf(op.resource)]));

const refusal = (status: number, code: string, message: string): Route => ({
  ok: false,
  status,
  code,
  message,
});

/**
 * Maps (method, path) to an operation of the spec, checking on the way every rule of the proxy's
 * route contract (README, "What the proxy refuses"). `pathname` is the URL's, still
 * percent-encoded, so an encoded separator or dot is seen as `%` and refused; it is never decoded.
 */
export function resolveRoute(
  method: string,
  pathname: string,
  basePath: string,
  allow: ReadonlySet<string>,
): Route {
  if (!pathname.startsWith(`${basePath}/`)) return refusal(404, "unknown_route", "no such route");
  const segments = pathname.slice(basePath.length + 1).split("/");
  const runCollection = COLLECTIONS.has(segments[0]);
  for (const [index, segment] of segments.entries()) {
    if (!PLAIN_SEGMENT.test(segment)) {
      return index === 1 && runCollection
        ? refusal(400, "invalid_id", "the run id holds characters no run id has")
        : refusal(400, "invalid_path", "the path holds characters no route has");
    }
  }
  if (segments[0] === "") return refusal(404, "unknown_route", "no such route");
  const matching = TEMPLATES.filter(({ segments: template }) => matches(template, segments));
  // A literal segment beats a parameter: `/workflow_runs/batch` is createBatch, not update.
  const literal = matching.filter(({ segments: t }) => t.every((s, i) => s === segments[i]));
  const candidates = (literal.length > 0 ? literal : matching).map(({ op }) => op);
  if (candidates.length === 0) {
    if (runCollection && segments.length === 2 && segments[1] === "") {
      return refusal(400, "invalid_id", "the run id is empty");
    }
    const resourceShaped =
      segments.length === 2 || (segments.length === 3 && segments[2] === "cancel");
    return !runCollection && resourceShaped && segments[1] !== ""
      ? refusal(403, "operation_not_allowed", "this proxy serves run operations only")
      : refusal(404, "unknown_route", "no such route");
  }
  const op = candidates.find((candidate) => candidate.httpMethod === method.toLowerCase());
  if (op === undefined) return refusal(404, "unknown_route", "no such route for this method");
  if (!allow.has(op.operationId)) {
    return refusal(403, "operation_not_allowed", `${op.operationId} is not allowed by this proxy`);
  }
  const index = op.path.slice(1).split("/").indexOf(`{${op.pathParams[0]}}`);
  if (index === -1) return { ok: true, op, id: "" };
  const id = segments[index] as string;
  if (!RUN_ID.test(id)) return refusal(400, "invalid_id", "not a valid run id");
  const prefixes = PREFIXES.get(op.resource) ?? [];
  if (prefixes.length > 0 && !prefixes.some((prefix) => id.startsWith(prefix))) {
    return refusal(
      400,
      "id_type_mismatch",
      `${op.resource} ids start with ${prefixes.join(" or ")}`,
    );
  }
  return { ok: true, op, id };
}

/** Methods of the allowed operations at `pathname`, for a 405's `Allow` header. */
export function allowedMethods(pathname: string, basePath: string, allow: ReadonlySet<string>) {
  const methods = ["GET", "POST", "DELETE"].filter(
    (method) => resolveRoute(method, pathname, basePath, allow).ok,
  );
  return [...methods, "OPTIONS"].join(", ");
}

function matches(template: string[], segments: string[]): boolean {
  if (template.length !== segments.length) return false;
  return template.every((part, i) =>
    part.startsWith("{") ? segments[i] !== "" : part === segments[i],
  );
}
