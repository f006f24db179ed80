import { type ClientOptions, DEFAULT_API_VERSION } from "./client-options.ts";
import { ExtendError } from "./extend-error.ts";
import { limitConcurrency } from "./limit-concurrency.ts";
import { setVersionHeaders } from "./set-version-headers.ts";

/** The fetch signature openapi-fetch calls, and the one every transport layer implements. */
export type Transport = (request: Request) => Promise<Response>;

/**
 * The bottom of the client: adds the credentials and version headers to each request and sends it.
 *
 * Contract:
 * - The API key is added here, beneath openapi-fetch, so middleware and `client.raw` callers never
 *   see it, and nothing above this layer can log it.
 * - Redirects are never followed (`redirect: "manual"`, the one mode every runtime supports): a 3xx
 *   is an error, so credentials cannot leak to another origin.
 * - `fetch` is looked up on each call, unbound, so a polyfill installed later is used and runtimes
 *   that reject a `fetch` called with a foreign `this` (workerd, browsers) work.
 */
export function createTransport(options: ClientOptions): Transport {
  const authorization = options.apiKey === null ? undefined : `Bearer ${options.apiKey}`;
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const send = limitConcurrency(
    options.fetch ?? ((request: Request) => globalThis.fetch(request)),
    options.maxConcurrency,
  );
  return async (request) => {
    const headers = new Headers(request.headers);
    if (authorization === undefined) headers.delete("authorization");
    else headers.set("authorization", authorization);
    headers.set("x-extend-api-version", apiVersion);
    setVersionHeaders(headers);
    if (options.workspaceId !== undefined)
      headers.set("x-extend-workspace-id", options.workspaceId);
    const response = await send(new Request(request, { headers, redirect: "manual" }));
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      throw new ExtendError(
        `${request.method} ${new URL(request.url).pathname} answered with a redirect (${response.status}); extendkit does not follow redirects, so credentials never reach another origin`,
      );
    }
    return response;
  };
}
