import type {
  JsonSchema,
  OpenApiDocument,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiResponse,
} from "./openapi-document.ts";

/** Rate-limit category of an operation (REFERENCE §5.4): reads, mutations, or run submissions. */
export type RateCategory = "get" | "write" | "run";

/** One operation of the spec, with its `$ref`s resolved: what the router and validator need. */
export interface SpecOperation {
  operationId: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The spec's path template, e.g. `/workflow_runs/{id}/cancel`. */
  path: string;
  /** The same path in Hono's syntax, e.g. `/workflow_runs/:id/cancel`. */
  honoPath: string;
  parameters: OpenApiParameter[];
  bodySchema: JsonSchema | null;
  /** Response schemas by status code (`"200"`, `"404"`, …); null for a response without a body. */
  responses: Record<string, JsonSchema | null>;
  category: RateCategory;
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function resolve<T>(doc: OpenApiDocument, value: T | { $ref: string }): T {
  if (value && typeof value === "object" && "$ref" in value && typeof value.$ref === "string") {
    const [, , section, name] = value.$ref.split("/");
    const table = (doc.components as Record<string, Record<string, unknown>>)[section ?? ""];
    const target = table?.[name ?? ""];
    if (!target) throw new Error(`emulator: unresolvable $ref ${value.$ref} in the spec`);
    return target as T;
  }
  return value as T;
}

function category(method: string, path: string): RateCategory {
  if (method === "GET") return "get";
  // POSTs on a collection submit work (async, sync and batch creates); on a run they mutate it.
  if (method === "POST" && !path.includes("{")) return "run";
  return "write";
}

/**
 * Every operation of `doc`, static paths before parameterised ones, so that Hono (which runs
 * matching routes in registration order) sends `POST /workflow_runs/batch` to createBatch rather
 * than to update.
 */
export function specOperations(doc: OpenApiDocument): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const m of METHODS) {
      const op = item[m] as OpenApiOperation | undefined;
      if (!op) continue;
      const method = m.toUpperCase();
      const responses: Record<string, JsonSchema | null> = {};
      for (const [status, response] of Object.entries(op.responses)) {
        const r = resolve<OpenApiResponse>(doc, response as OpenApiResponse);
        responses[status] = r.content?.["application/json"]?.schema ?? null;
      }
      out.push({
        operationId: op.operationId,
        method,
        path,
        honoPath: path.replace(/\{([^}]+)\}/g, ":$1"),
        parameters: (op.parameters ?? []).map((p) => resolve<OpenApiParameter>(doc, p)),
        bodySchema: op.requestBody?.content?.["application/json"]?.schema ?? null,
        responses,
        category: category(method, path),
      });
    }
  }
  const params = (o: SpecOperation) => (o.path.match(/\{/g) ?? []).length;
  return out.sort((a, b) => params(a) - params(b));
}
