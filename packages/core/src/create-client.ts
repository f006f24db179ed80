import type { Client } from "openapi-fetch";
import { buildResources } from "./build-resources.ts";
import { type ClientOptions, DEFAULT_BASE_URL } from "./client-options.ts";
import { createFetchClient } from "./create-fetch-client.ts";
import { createTransport } from "./create-transport.ts";
import type { paths } from "./generated/openapi.ts";
import { operationTable } from "./generated/operations.ts";
import type { GeneratedResources } from "./generated/resources.ts";
import { InvalidArgumentError } from "./invalid-argument-error.ts";
import { serializePath } from "./serialize-path.ts";

/** The client: every resource of the spec, plus the openapi-fetch client beneath it. */
export type ExtendClient = GeneratedResources & {
  /**
   * The underlying openapi-fetch client (`{ data, error, response }` results), for anything the
   * resources do not cover. It shares the client's transport: credentials, version and workspace
   * headers, and path parameter validation.
   */
  readonly raw: Client<paths>;
};

/** Creates a client for Extend's run API. Throws `InvalidArgumentError` on bad options. */
export function createClient(options: ClientOptions): ExtendClient {
  if (options?.apiKey === null) {
    if (options.baseUrl === undefined) {
      throw new InvalidArgumentError("createClient: apiKey null (no credentials) needs a baseUrl");
    }
  } else if (typeof options?.apiKey !== "string" || options.apiKey.trim() === "") {
    throw new InvalidArgumentError("createClient: apiKey must be a non-empty string");
  }
  const { maxConcurrency } = options;
  if (maxConcurrency !== undefined && (!Number.isInteger(maxConcurrency) || maxConcurrency < 1)) {
    throw new InvalidArgumentError("createClient: maxConcurrency must be a positive integer");
  }
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  if (!URL.canParse(baseUrl)) {
    throw new InvalidArgumentError(
      `createClient: baseUrl is not an absolute URL (${JSON.stringify(baseUrl.slice(0, 80))})`,
    );
  }
  const raw = createFetchClient<paths>({
    baseUrl,
    fetch: createTransport(options),
    pathSerializer: serializePath,
    redirect: "manual",
  });
  return Object.assign(buildResources(raw, operationTable), { raw });
}
