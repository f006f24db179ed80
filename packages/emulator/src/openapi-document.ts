/** A JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it), kept loose: the validator reads it. */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

/** An operation's parameter, as the spec writes it (possibly a `$ref` to `components/parameters`). */
export interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
  [key: string]: unknown;
}

/** One response of an operation, or a `$ref` to `components/responses`. */
export interface OpenApiResponse {
  $ref?: string;
  content?: Record<string, { schema?: JsonSchema; [key: string]: unknown }>;
  [key: string]: unknown;
}

/** One operation of `paths`. */
export interface OpenApiOperation {
  operationId: string;
  parameters?: Array<OpenApiParameter | { $ref: string }>;
  requestBody?: {
    required?: boolean;
    content?: Record<string, { schema?: JsonSchema; [key: string]: unknown }>;
  };
  responses: Record<string, OpenApiResponse>;
  [key: string]: unknown;
}

/** The parts of spec/openapi.yaml the emulator reads; everything else is carried along untyped. */
export interface OpenApiDocument {
  openapi: string;
  info: { version: string; [key: string]: unknown };
  paths: Record<string, Record<string, OpenApiOperation | unknown>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, OpenApiParameter>;
    responses: Record<string, OpenApiResponse>;
    [key: string]: unknown;
  };
  "x-extendkit-run-types": Array<{
    prefix: string;
    resource: string;
    object: string;
    /** Prefixes this resource's ids may also have, which route elsewhere. */
    alsoPrefixes?: string[];
  }>;
  [key: string]: unknown;
}
