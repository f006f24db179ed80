// @extendkit/browser's proxy under Deno.serve: the shared conformance suite, each case acted by the
// browser client (Deno's own fetch) through the proxy, which holds the key and forwards to the
// emulator served by Deno.serve. The same cases run through the proxy in Node and in Chromium
// (packages/browser/test); this is the proxy on Deno's own Request/Response and server.
import { createBrowserClient } from "@extendkit/browser";
import { createProxyHandler } from "@extendkit/browser/proxy";
import {
  browserCases,
  createBackend,
  EMULATOR_API_KEY,
  PROXY_ALLOW,
  runCase,
  sameOriginFetch,
} from "@extendkit/conformance";

const backend = createBackend();
const quiet = { port: 0, hostname: "127.0.0.1", onListen() {} };

for (const found of browserCases()) {
  Deno.test(`through the proxy: ${found.name}`, async () => {
    const upstream = Deno.serve(quiet, backend.fetch);
    const proxy = createProxyHandler({
      apiKey: EMULATOR_API_KEY,
      baseUrl: `http://127.0.0.1:${upstream.addr.port}`,
      allow: PROXY_ALLOW,
      rateLimit: { requests: 10_000 },
      // Authorization itself is tested in Node and Chromium; here every caller is signed in.
      authorize: () => true,
    });
    const app = Deno.serve(quiet, proxy);
    try {
      const origin = `http://127.0.0.1:${app.addr.port}`;
      // A page's fetch sends its Origin; the proxy refuses unsafe methods without a same-origin one.
      const pageFetch = sameOriginFetch(origin);
      await runCase(found, backend, {
        make: (overrides) =>
          createBrowserClient({
            proxyUrl: `${origin}/api/extend`,
            fetch: pageFetch,
            ...overrides,
          }) as never,
      });
    } finally {
      await app.shutdown();
      await upstream.shutdown();
    }
  });
}

Deno.test("through the proxy: the key never reaches the client, an unlisted operation is refused", async () => {
  const upstream = Deno.serve(quiet, backend.fetch);
  const proxy = createProxyHandler({
    apiKey: EMULATOR_API_KEY,
    baseUrl: `http://127.0.0.1:${upstream.addr.port}`,
    authorize: () => true,
  });
  const app = Deno.serve(quiet, proxy);
  try {
    const base = `http://127.0.0.1:${app.addr.port}/api/extend`;
    const created = await fetch(`${base}/extract_runs`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: `http://127.0.0.1:${app.addr.port}` },
      body: JSON.stringify({
        extractor: { id: "ex_1" },
        file: { url: "https://example.com/a.pdf" },
      }),
    });
    const text = await created.text();
    if (created.status !== 403 && created.status !== 404 && created.status !== 405) {
      throw new Error(`create was forwarded: ${created.status} ${text}`);
    }
    const id = await backend.seed("extractRuns");
    const read = await fetch(`${base}/extract_runs/${id}`);
    const body = await read.text();
    if (read.status !== 200) throw new Error(`retrieve through the proxy: ${read.status} ${body}`);
    const everything = JSON.stringify([...read.headers]) + body + text;
    if (everything.includes(EMULATOR_API_KEY)) throw new Error("the API key reached the client");
  } finally {
    await app.shutdown();
    await upstream.shutdown();
  }
});
