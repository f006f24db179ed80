// A Worker that is only @extendkit/browser's proxy handler, as an app would deploy it on Workers:
// the key from a secret binding, the API origin from a binding, the proxy mounted at /api/extend.
// Everything a conformance case needs is allowed (retrieve, list, cancel, delete of every type).
import { createProxyHandler } from "@extendkit/browser/proxy";
import { PROXY_ALLOW } from "@extendkit/conformance";

interface Env {
  EXTEND_API_KEY: string;
  EXTEND_BASE_URL: string;
}

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    const proxy = createProxyHandler({
      apiKey: env.EXTEND_API_KEY,
      baseUrl: env.EXTEND_BASE_URL,
      allow: PROXY_ALLOW,
      rateLimit: { requests: 10_000 },
      // Authorization itself is tested in Node and Chromium; here every caller is signed in.
      authorize: () => true,
    });
    return proxy(request);
  },
};
