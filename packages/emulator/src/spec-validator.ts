import { dereference, type Schema, validate } from "@cfworker/json-schema";
import type { JsonSchema, OpenApiDocument } from "./openapi-document.ts";
import type { SpecOperation } from "./spec-operations.ts";

/** Where the spec's schemas live for `$ref` resolution; never fetched. */
const BASE = "https://emulator.extendkit.invalid/openapi.json";

/** The parts of a request the spec constrains. Query and header values are strings as received. */
export interface RequestParts {
  path: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
  /** Parsed JSON body, or `undefined` when the request had none. */
  body: unknown;
}

export interface SpecValidator {
  /** Problems with a request, as short human-readable lines; empty when it conforms. */
  request(op: SpecOperation, parts: RequestParts): string[];
  /** Problems with a response body for `status`; empty when it conforms. */
  response(op: SpecOperation, status: number, body: unknown): string[];
  /** The component schema `name` (for the emulator's own checks), e.g. `ApiErrorBody`. */
  schema(name: string, instance: unknown): string[];
}

interface OperationSchemas {
  path: JsonSchema;
  query: JsonSchema;
  headers: JsonSchema;
  body: JsonSchema | null;
}

function objectSchema(op: SpecOperation, where: "path" | "query" | "header"): JsonSchema {
  const params = op.parameters.filter((p) => p.in === where);
  const key = (name: string) => (where === "header" ? name.toLowerCase() : name);
  return {
    type: "object",
    properties: Object.fromEntries(params.map((p) => [key(p.name), p.schema ?? {}])),
    required: params.filter((p) => p.required).map((p) => key(p.name)),
  };
}

/** Query values arrive as strings; integer and number parameters are converted when they parse. */
function coerce(value: string, schema: JsonSchema): unknown {
  const type = typeof schema === "object" ? schema.type : undefined;
  if ((type === "integer" || type === "number") && /^-?\d+(\.\d+)?$/.test(value))
    return Number(value);
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}

const WRAPPERS = new Set(["$ref", "properties", "items", "allOf", "anyOf", "oneOf"]);

interface SchemaError {
  instanceLocation: string;
  keyword: string;
  error: string;
}

/**
 * One readable line for a failed validation: the most specific problem, which is at the deepest
 * instance location (`file.url` is a string, not "file does not match"). When every problem there
 * is a missing property, they are named together: as alternatives when the value had to match one
 * of several shapes (`oneOf`/`anyOf`: a file is `{ url }`, `{ fileId }` or `{ text }`), else as the
 * properties it lacks.
 */
function explain(prefix: string, errors: SchemaError[]): string[] {
  // Keywords that only report that a subschema failed; the subschema's own errors follow them.
  const leaves = errors.filter((e) => !WRAPPERS.has(e.keyword));
  const considered = leaves.length > 0 ? leaves : errors;
  if (considered.length === 0) return [];
  const depth = (e: SchemaError) => e.instanceLocation.split("/").length;
  const deepest = Math.max(...considered.map(depth));
  const found = considered.filter((e) => depth(e) === deepest);
  const at = (found[0] as SchemaError).instanceLocation;
  const where = at.replace(/^#\/?/, "").replaceAll("/", ".");
  const missing = found.map((e) =>
    e.keyword === "required" ? /"(.*)"/.exec(e.error)?.[1] : undefined,
  );
  let problem = (found.at(-1) as SchemaError).error;
  if (missing.length > 1 && missing.every((name) => name !== undefined)) {
    const names = [...new Set(missing)].map((name) => `"${name}"`).join(", ");
    const alternatives = errors.some(
      (e) => (e.keyword === "oneOf" || e.keyword === "anyOf") && e.instanceLocation === at,
    );
    problem = alternatives
      ? `Instance must have one of the properties ${names} (one of its allowed shapes).`
      : `Instance does not have required properties ${names}.`;
  }
  return [`${prefix}${where ? ` ${where}` : ""}: ${problem}`];
}

/**
 * Validates requests and responses against spec/openapi.yaml with @cfworker/json-schema (draft
 * 2020-12, the dialect of OpenAPI 3.1). It interprets schemas and never compiles code, so it runs
 * in workerd, where `eval` and `new Function` are forbidden.
 */
export function createSpecValidator(doc: OpenApiDocument, ops: SpecOperation[]): SpecValidator {
  const perOperation: Record<string, OperationSchemas> = {};
  const responses: Record<string, Record<string, JsonSchema | null>> = {};
  for (const op of ops) {
    perOperation[op.operationId] = {
      path: objectSchema(op, "path"),
      query: objectSchema(op, "query"),
      headers: objectSchema(op, "header"),
      body: op.bodySchema,
    };
    responses[op.operationId] = op.responses;
  }
  // One schema document holds every schema we validate against, so every `$ref` resolves in it.
  // (The whole spec is not used as the document: its examples have `id` fields that a JSON Schema
  // walker would take for `$id`s.)
  const root = {
    $id: BASE,
    components: { schemas: doc.components.schemas },
    "x-operations": perOperation,
    "x-responses": responses,
  };
  const lookup = dereference(root as unknown as Schema);
  const check = (schema: JsonSchema, instance: unknown) =>
    validate(instance, schema as Schema, "2020-12", lookup, true);

  return {
    request(op, parts) {
      const s = perOperation[op.operationId];
      if (!s) return [`unknown operation ${op.operationId}`];
      const problems: string[] = [];
      const props = (schema: JsonSchema) =>
        (typeof schema === "object" ? schema.properties : {}) as Record<string, JsonSchema>;
      const path = check(s.path, parts.path);
      if (!path.valid) problems.push(...explain("path parameter", path.errors));
      const query: Record<string, unknown> = {};
      for (const [name, schema] of Object.entries(props(s.query))) {
        const value = parts.query.get(name);
        if (value !== null) query[name] = coerce(value, schema);
      }
      const q = check(s.query, query);
      if (!q.valid) problems.push(...explain("query parameter", q.errors));
      const headers: Record<string, unknown> = {};
      for (const name of Object.keys(props(s.headers))) {
        const value = parts.headers.get(name);
        if (value !== null) headers[name] = value;
      }
      const h = check(s.headers, headers);
      if (!h.valid) problems.push(...explain("header", h.errors));
      if (s.body) {
        if (parts.body === undefined) problems.push("body: a JSON request body is required");
        else {
          const b = check(s.body, parts.body);
          if (!b.valid) problems.push(...explain("body", b.errors));
        }
      }
      return problems;
    },
    response(op, status, body) {
      const table = responses[op.operationId] ?? {};
      const declared = table[String(status)];
      // An error status the operation does not declare still carries the flat error body (the
      // spec's convention for every operation; the legacy operations declare only a few statuses).
      const schema =
        declared !== undefined
          ? declared
          : status >= 400
            ? (doc.components.schemas.ApiErrorBody ?? null)
            : undefined;
      if (schema === undefined) return [`status ${status} is not declared for ${op.operationId}`];
      if (schema === null) return body === undefined ? [] : ["a body where the spec declares none"];
      const r = check(schema, body);
      return r.valid ? [] : explain("response", r.errors);
    },
    schema(name, instance) {
      const schema = doc.components.schemas[name];
      if (schema === undefined) return [`no schema ${name}`];
      const r = check(schema, instance);
      return r.valid ? [] : explain(name, r.errors);
    },
  };
}
