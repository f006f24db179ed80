import { expect } from "./expect.ts";
import {
  type AttackProxyOptions,
  browser,
  CANARY,
  createAttackHarness,
  type ProxyKit,
  UPSTREAM,
} from "./proxy-attack-harness.ts";

// The proxy attack catalogue, reliability.md §4.1 (P01–P47), runtime-neutral: each runtime's test
// passes its `@extendkit/browser/proxy` in and runs every attack there (Node under vitest, Deno,
// workerd). Each name starts with its P-id. Every answer is checked by `send` (no key anywhere, no
// Set-Cookie, no CORS grant, JSON + nosniff); each attack also counts upstream calls: 0 unless the
// row is a documented forward. Dot segments: every Fetch runtime resolves `..`, `%2e%2e` and `\`
// while parsing the URL, before any handler sees it; those rows assert the refusal that the
// resolved path gets. `runProxyAttack` also fails an attack whose console output holds the key.

const RUN = "/api/extend/workflow_runs/workflow_run_1";

/** One request of a row: what `send` takes. */
type Sent = [path: string, init?: RequestInit];
const req = (path: string, init?: RequestInit): Sent => [path, init];
/** A DELETE of `path` from the signed-in browser. */
const del = (path: string): Sent => [path, { method: "DELETE", headers: browser() }];

/** One row of the catalogue. */
export interface ProxyAttack {
  name: string;
  run(): Promise<void>;
}

/** The catalogue, against `kit`'s proxy handler. */
export function proxyAttacks(kit: ProxyKit): ProxyAttack[] {
  const createHarness = (options?: Partial<AttackProxyOptions>) =>
    createAttackHarness(kit, options);
  /**
   * The most common row: every one of `requests` is refused with `status` and `code`, in order,
   * and nothing reaches the upstream.
   */
  const refused = async (requests: Sent[], status: number, code: string) => {
    const h = createHarness();
    for (const [path, init] of requests) {
      const r = await h.send(path, init);
      expect([r.status, r.json?.code]).toEqual([status, code]);
    }
    expect(h.calls).toHaveLength(0);
  };
  return [
    {
      name: "P01 GET of a route outside the allow-list is 404 unknown_route",
      run: () =>
        refused([req("/api/extend/workflows", { headers: browser() })], 404, "unknown_route"),
    },

    {
      name: "P02 POST that would start a run is 403 operation_not_allowed",
      run: () =>
        refused(
          [
            req("/api/extend/workflow_runs", {
              method: "POST",
              headers: browser({ "content-type": "application/json" }),
              body: JSON.stringify({ workflow: { id: "workflow_1" } }),
            }),
          ],
          403,
          "operation_not_allowed",
        ),
    },

    {
      name: "P03 DELETE of another resource type is 403",
      run: () => refused([del("/api/extend/files/file_1")], 403, "operation_not_allowed"),
    },

    {
      name: "P04 PUT and PATCH are 405 with an Allow header",
      async run() {
        const h = createHarness();
        for (const method of ["PUT", "PATCH"]) {
          const r = await h.send(RUN, { method, headers: browser() });
          expect(r.status).toBe(405);
          expect(r.headers.get("allow")).toBe("GET, DELETE, OPTIONS");
        }
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P05 X-HTTP-Method-Override is ignored: forwarded as one GET, no DELETE (documented forward)",
      async run() {
        const h = createHarness();
        const id = await h.backend.seed("workflowRuns");
        const r = await h.send(`/api/extend/workflow_runs/${id}`, {
          headers: browser({ "x-http-method-override": "DELETE" }),
        });
        expect(r.status).toBe(200);
        expect(h.calls.map((c) => c.method)).toEqual(["GET"]);
        expect(h.calls[0]?.headers.has("x-http-method-override")).toBe(false);
      },
    },

    {
      name: "P06 DELETE …/workflow_runs/.. is refused (the URL parser resolves it to /api/extend/: 404)",
      run: () => refused([del("/api/extend/workflow_runs/..")], 404, "unknown_route"),
    },

    {
      name: "P07 DELETE …/workflow_runs/%2e%2e, %2E%2e, .%2e are refused (resolved like ..: 404)",
      run: () =>
        refused(
          ["%2e%2e", "%2E%2e", ".%2e"].map((dots) => del(`/api/extend/workflow_runs/${dots}`)),
          404,
          "unknown_route",
        ),
    },

    {
      name: "P08 double-encoded dots and slashes are 400 invalid_id",
      run: () =>
        refused(
          ["%252e%252e", "a%252Fb"].map((id) => del(`/api/extend/workflow_runs/${id}`)),
          400,
          "invalid_id",
        ),
    },

    {
      name: "P09 an encoded slash in the id is 400 invalid_id",
      run: () => refused([del("/api/extend/workflow_runs/a%2Fb")], 400, "invalid_id"),
    },

    {
      name: "P10 encoded and raw backslashes are 400",
      async run() {
        await refused([del("/api/extend/workflow_runs/a%5C..%5Cb")], 400, "invalid_id");
        // A raw `\` is a `/` to the URL parser: a\..\b resolves to workflow_runs/b, a wrong-type id.
        await refused([del("/api/extend/workflow_runs/a\\..\\b")], 400, "id_type_mismatch");
      },
    },

    {
      name: "P11 a protocol-relative path is 404 and nothing is contacted",
      run: () =>
        refused([req("/api/extend//evil.example/x", { headers: browser() })], 404, "unknown_route"),
    },

    {
      name: "P12 a backslash host is refused (%5C: 400; a raw \\ becomes // in the URL parser: 404 as P11)",
      async run() {
        const h = createHarness();
        const encoded = await h.send("/api/extend/%5Cevil.example", { headers: browser() });
        expect([encoded.status, encoded.json?.code]).toEqual([400, "invalid_path"]);
        const raw = await h.send("/api/extend/\\evil.example", { headers: browser() });
        expect([raw.status, raw.json?.code]).toEqual([404, "unknown_route"]);
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P13 absolute URLs in the path are 400",
      run: () =>
        refused(
          ["https://evil.example/", "http:%2F%2F169.254.169.254/"].map((path) =>
            req(`/api/extend/${path}`, { headers: browser() }),
          ),
          400,
          "invalid_path",
        ),
    },

    {
      name: "P14 an attacker's query string is 400 invalid_query and never reaches the upstream",
      run: () => refused([del(`${RUN}?force=true&url=http://evil`)], 400, "invalid_query"),
    },

    {
      name: "P15 a matrix parameter is 400",
      async run() {
        const h = createHarness();
        const r = await h.send(`${RUN};x=y`, { method: "DELETE", headers: browser() });
        expect([r.status, r.json?.code]).toEqual([400, "invalid_id"]);
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P16 an extra segment after /cancel is 404",
      run: () =>
        refused(
          [req(`${RUN}/cancel/extra`, { method: "POST", headers: browser() })],
          404,
          "unknown_route",
        ),
    },

    {
      name: "P17 DELETE of the collection is refused (…/ → 400, no slash → 404)",
      async run() {
        await refused([del("/api/extend/workflow_runs/")], 400, "invalid_id");
        await refused([del("/api/extend/workflow_runs")], 404, "unknown_route");
      },
    },

    {
      name: "P18 CRLF in the id is 400",
      async run() {
        const h = createHarness();
        const r = await h.send("/api/extend/workflow_runs/x%0d%0aX-Injected:%201", {
          method: "DELETE",
          headers: browser(),
        });
        expect(r.status).toBe(400);
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P19 NUL and every other %01–%1f byte in the id is 400",
      async run() {
        const h = createHarness();
        for (let byte = 0; byte < 0x20; byte++) {
          const hex = byte.toString(16).padStart(2, "0");
          const r = await h.send(`/api/extend/workflow_runs/x%${hex}y`, {
            method: "DELETE",
            headers: browser(),
          });
          expect([r.status, r.json?.code]).toEqual([400, "invalid_id"]);
        }
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P20 a 10,000-character id is refused (414; ids over 255 characters are 400)",
      async run() {
        const h = createHarness();
        const long = await h.send(`/api/extend/workflow_runs/workflow_run_${"a".repeat(10_000)}`, {
          method: "DELETE",
          headers: browser(),
        });
        expect([long.status, long.json?.code]).toEqual([414, "uri_too_long"]);
        const over = await h.send(`/api/extend/workflow_runs/workflow_run_${"a".repeat(250)}`, {
          method: "DELETE",
          headers: browser(),
        });
        expect([over.status, over.json?.code]).toEqual([400, "invalid_id"]);
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P21 a right-to-left override or a homoglyph in the id is 400",
      run: () =>
        refused(
          ["%E2%80%AEnur_wolfkrow", "workflow_run_%D0%BE1"].map((id) =>
            del(`/api/extend/workflow_runs/${id}`),
          ),
          400,
          "invalid_id",
        ),
    },

    {
      name: "P22 an extract-run id on the workflow route is 400 id_type_mismatch",
      run: () => refused([del("/api/extend/workflow_runs/exr_123")], 400, "id_type_mismatch"),
    },

    {
      name: "P23 a browser Authorization header is discarded, never echoed, and gives no access: 401",
      async run() {
        const h = createHarness();
        const r = await h.send(`${RUN}/cancel`, {
          method: "POST",
          headers: { origin: "https://app.example", authorization: "Bearer sk_attacker" },
        });
        expect([r.status, r.json?.code]).toEqual([401, "unauthorized"]);
        expect(r.text + JSON.stringify([...r.headers])).not.toContain("sk_attacker");
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P24 the API version is pinned: forwarded with 2026-02-09 only (documented forward)",
      async run() {
        const h = createHarness();
        const id = await h.backend.seed("workflowRuns");
        const r = await h.send(`/api/extend/workflow_runs/${id}`, {
          headers: browser({ "x-extend-api-version": "2024-12-23" }),
        });
        expect(r.status).toBe(200);
        expect(h.calls).toHaveLength(1);
        expect(h.calls[0]?.headers.get("x-extend-api-version")).toBe("2026-02-09");
      },
    },

    {
      name: "P25 a browser-sent workspace differing from the server's is 403",
      async run() {
        const h = createHarness({ workspaceId: "ws_server" });
        const r = await h.send(RUN, { headers: browser({ "x-extend-workspace-id": "ws_other" }) });
        expect([r.status, r.json?.code]).toEqual([403, "workspace_mismatch"]);
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P26 Host and X-Forwarded-Host change nothing: 401 without a session; with one, the constant origin (documented forward)",
      async run() {
        const h = createHarness();
        const spoof = { host: "internal.svc", "x-forwarded-host": "evil.example" };
        const anonymous = await h.send(RUN, {
          headers: { ...spoof, origin: "https://app.example" },
        });
        expect(anonymous.status).toBe(401);
        expect(h.calls).toHaveLength(0);
        const id = await h.backend.seed("workflowRuns");
        const r = await h.send(`/api/extend/workflow_runs/${id}`, { headers: browser(spoof) });
        expect(r.status).toBe(200);
        expect(h.calls.map((c) => new URL(c.url).origin)).toEqual([UPSTREAM]);
        expect(h.calls[0]?.headers.has("x-forwarded-host")).toBe(false);
      },
    },

    {
      name: "P27 x-middleware-subrequest without a session is 401: the handler checks auth itself",
      run: () =>
        refused(
          [
            req(RUN, {
              headers: {
                origin: "https://app.example",
                "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
              },
            }),
          ],
          401,
          "unauthorized",
        ),
    },

    {
      name: "P28 hop-by-hop and proxy headers never reach the upstream (documented forward)",
      async run() {
        const h = createHarness();
        const id = await h.backend.seed("workflowRuns");
        const r = await h.send(`/api/extend/workflow_runs/${id}`, {
          headers: browser({
            connection: "x-secret, close",
            "x-secret": "1",
            "proxy-authorization": "Basic c2VjcmV0",
            te: "trailers",
            upgrade: "websocket",
          }),
        });
        expect(r.status).toBe(200);
        expect(h.calls).toHaveLength(1);
        // The proxy's own headers only: core's client headers (x-extendkit-version and User-Agent name
        // the proxy's build; x-extendkit-retry-count numbers the attempt) and `accept`.
        expect([...(h.calls[0]?.headers.keys() ?? [])].sort()).toEqual([
          "accept",
          "authorization",
          "user-agent",
          "x-extend-api-version",
          "x-extendkit-retry-count",
          "x-extendkit-version",
        ]);
      },
    },

    {
      name: "P29 Transfer-Encoding with Content-Length, or a repeated Content-Length, is 400",
      async run() {
        const h = createHarness();
        const framings: Record<string, string>[] = [
          { "transfer-encoding": "chunked", "content-length": "2" },
          { "content-length": "2, 2" },
        ];
        for (const framing of framings) {
          const r = await h.send(`${RUN}/cancel`, { method: "POST", headers: browser(framing) });
          expect([r.status, r.json?.code]).toEqual([400, "bad_framing"]);
        }
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P30 no session cookie is 401",
      run: () =>
        refused([req(RUN, { headers: { "sec-fetch-site": "same-origin" } })], 401, "unauthorized"),
    },

    {
      name: "P31 a session cookie with Origin https://evil.example is 403 cross_site",
      run: () =>
        refused(
          [
            req(RUN, {
              method: "DELETE",
              headers: { cookie: "session=valid", origin: "https://evil.example" },
            }),
          ],
          403,
          "cross_site",
        ),
    },

    {
      name: "P32 Sec-Fetch-Site: cross-site is 403, with or without Origin",
      async run() {
        const h = createHarness();
        const extras: Record<string, string>[] = [{}, { origin: "https://app.example" }];
        for (const extra of extras) {
          const r = await h.send(RUN, {
            method: "DELETE",
            headers: { cookie: "session=valid", "sec-fetch-site": "cross-site", ...extra },
          });
          expect([r.status, r.json?.code]).toEqual([403, "cross_site"]);
        }
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P33 a state-changing text/plain request with neither Origin nor Sec-Fetch-Site is 403",
      run: () =>
        refused(
          [
            req(`${RUN}/cancel`, {
              method: "POST",
              headers: { cookie: "session=valid", "content-type": "text/plain" },
              body: "x",
            }),
          ],
          403,
          "cross_site",
        ),
    },

    {
      name: "P34 a cross-site form POST to /cancel is 403",
      run: () =>
        refused(
          [
            req(`${RUN}/cancel`, {
              method: "POST",
              headers: {
                cookie: "session=valid",
                origin: "https://evil.example",
                "sec-fetch-site": "cross-site",
                "content-type": "application/x-www-form-urlencoded",
              },
              body: "a=1",
            }),
          ],
          403,
          "cross_site",
        ),
    },

    {
      name: "P35 a preflight from https://evil.example gets no Access-Control-* grant",
      async run() {
        const h = createHarness();
        const r = await h.send(RUN, {
          method: "OPTIONS",
          headers: {
            origin: "https://evil.example",
            "access-control-request-method": "DELETE",
            "access-control-request-headers": "content-type",
          },
        });
        expect(r.status).toBe(204);
        expect(r.headers.has("access-control-allow-credentials")).toBe(false);
        expect([...r.headers.keys()].some((k) => k.startsWith("access-control-"))).toBe(false);
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P36 a 10 MB body is 413, refused after reading at most the limit",
      async run() {
        const h = createHarness();
        const chunk = new Uint8Array(16_384);
        let pulled = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled += chunk.byteLength;
            if (pulled > 10_000_000) controller.close();
            else controller.enqueue(chunk);
          },
        });
        const r = await h.send(`${RUN}/cancel`, {
          method: "POST",
          headers: browser({ "content-type": "application/json" }),
          body,
          duplex: "half",
        } as RequestInit);
        expect([r.status, r.json?.code]).toEqual([413, "body_too_large"]);
        expect(pulled).toBeLessThanOrEqual(65_536 + 3 * chunk.byteLength);
        const declared = await h.send(`${RUN}/cancel`, {
          method: "POST",
          headers: browser({ "content-length": "10000000" }),
        });
        expect([declared.status, declared.json?.code]).toEqual([413, "body_too_large"]);
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P37 a body dripped byte by byte (slowloris) is 408 at the body deadline",
      async run() {
        const h = createHarness({ bodyTimeoutMs: 150 });
        let timer: ReturnType<typeof setInterval> | undefined;
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            timer = setInterval(() => controller.enqueue(new Uint8Array([32])), 40);
          },
          cancel() {
            clearInterval(timer);
          },
        });
        const r = await h.send(`${RUN}/cancel`, {
          method: "POST",
          headers: browser({ "content-type": "application/json" }),
          body,
          duplex: "half",
        } as RequestInit);
        clearInterval(timer);
        expect([r.status, r.json?.code]).toEqual([408, "body_timeout"]);
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P38 1,000 DELETEs from one session: the configured share is forwarded, the rest 429 + Retry-After (documented forward)",
      async run() {
        const h = createHarness({ rateLimit: { requests: 10, windowMs: 3_600_000 } });
        const statuses: number[] = [];
        let retryAfter: string | null = null;
        for (let i = 0; i < 1000; i++) {
          const r = await h.send(`/api/extend/workflow_runs/workflow_run_${i}`, {
            method: "DELETE",
            headers: browser(),
          });
          statuses.push(r.status);
          if (r.status === 429) retryAfter = r.headers.get("retry-after");
        }
        expect(statuses.filter((s) => s === 429)).toHaveLength(990);
        expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
        expect(h.calls).toHaveLength(10);
      },
    },

    {
      name: "P39 a batch of 100,000 ids is refused (413 over the body limit; batch routes are not allowed either)",
      async run() {
        const h = createHarness();
        const ids = Array.from({ length: 100_000 }, (_, i) => `workflow_run_${i}`);
        const r = await h.send("/api/extend/workflow_runs/batch", {
          method: "POST",
          headers: browser({ "content-type": "application/json" }),
          body: JSON.stringify({ ids }),
        });
        expect([r.status, r.json?.code]).toEqual([413, "body_too_large"]);
        const small = await h.send("/api/extend/workflow_runs/batch", {
          method: "POST",
          headers: browser({ "content-type": "application/json" }),
          body: JSON.stringify({ ids: ids.slice(0, 2) }),
        });
        expect([small.status, small.json?.code]).toEqual([403, "operation_not_allowed"]);
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P40 an upstream 302 to evil.example is not followed: 502, the key never leaves",
      async run() {
        const h = createHarness();
        h.setUpstream(
          async () =>
            new Response(null, {
              status: 302,
              headers: { location: "https://evil.example/steal" },
            }),
        );
        const r = await h.send(RUN, { headers: browser() });
        expect([r.status, r.json?.code]).toEqual([502, "upstream_redirect"]);
        expect(h.calls.map((c) => new URL(c.url).origin)).toEqual([UPSTREAM]);
        expect(h.calls[0]?.redirect).toBe("manual");
      },
    },

    {
      name: "P41 an upstream body echoing the key is relayed with the key scrubbed",
      async run() {
        const h = createHarness();
        h.setUpstream(async (request) =>
          Response.json(
            {
              code: "UNAUTHORIZED",
              message: `bad header Authorization: ${request.headers.get("authorization")}`,
            },
            { status: 401 },
          ),
        );
        const r = await h.send(RUN, { headers: browser() });
        expect(r.status).toBe(401);
        expect(r.json?.message).toBe("bad header Authorization: Bearer [REDACTED]");
      },
    },

    {
      name: "P42 an upstream Set-Cookie is stripped",
      async run() {
        const h = createHarness();
        h.setUpstream(async () =>
          Response.json(
            { id: "workflow_run_1" },
            { headers: { "set-cookie": "upstream=1; Path=/" } },
          ),
        );
        const r = await h.send(RUN, { headers: browser() });
        expect(r.status).toBe(200);
        expect(r.headers.has("set-cookie")).toBe(false);
      },
    },

    {
      name: "P43 an upstream DNS failure or reset is a generic 502 with a request id, no stack or URL",
      async run() {
        const h = createHarness();
        h.setUpstream(async (request) => {
          throw Object.assign(new TypeError(`fetch failed: getaddrinfo ENOTFOUND ${request.url}`), {
            cause: { code: "ECONNRESET", stack: "at secret.js:1" },
          });
        });
        const r = await h.send(RUN, { headers: browser() });
        expect([r.status, r.json?.code]).toEqual([502, "upstream_unreachable"]);
        expect(r.json?.requestId).toBe(r.headers.get("x-request-id"));
        expect(r.text).not.toMatch(/api\.extend\.test|ENOTFOUND|ECONNRESET|secret\.js|\bat /);
      },
    },

    {
      name: "P44 a __proto__ / constructor.prototype body is refused unparsed: no pollution",
      async run() {
        const h = createHarness();
        for (const body of [
          '{"__proto__":{"admin":true}}',
          '{"constructor":{"prototype":{"admin":true}}}',
        ]) {
          const r = await h.send(`${RUN}/cancel`, {
            method: "POST",
            headers: browser({ "content-type": "application/json" }),
            body,
          });
          expect([r.status, r.json?.code]).toEqual([400, "unexpected_body"]);
        }
        expect(({} as { admin?: boolean }).admin).toBeUndefined();
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P45 TRACE and CONNECT are 405 and never forwarded (TRACK too)",
      async run() {
        const h = createHarness();
        // The Fetch standard forbids these methods in a Request, and Node and Deno refuse to build
        // one (over node:http, `toNodeHandler` answers them 405 itself:
        // packages/node/test/to-node-handler.test.ts). workerd builds them, so a Worker's handler
        // can receive them: wherever a runtime can, the proxy must answer 405 and forward nothing.
        for (const method of ["TRACE", "CONNECT", "TRACK", "PROPFIND", "HEAD"]) {
          let buildable = true;
          try {
            new Request("https://app.example/", { method });
          } catch (error) {
            expect(error).toBeInstanceOf(TypeError);
            buildable = false;
          }
          if (!buildable) continue;
          const r = await h.send(RUN, { method, headers: browser() });
          expect(r.status).toBe(405);
        }
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P46 a run owned by another session is 404, so ids cannot be probed",
      async run() {
        const owned = new Set(["workflow_run_mine"]);
        const h = createHarness({
          authorize: (request, target) =>
            !(request.headers.get("cookie") ?? "").includes("session=valid")
              ? false
              : owned.has(target.id) || "not_found",
        });
        const r = await h.send("/api/extend/workflow_runs/workflow_run_theirs", {
          method: "DELETE",
          headers: browser(),
        });
        expect([r.status, r.json?.code]).toEqual([404, "not_found"]);
        expect(h.calls).toHaveLength(0);
      },
    },

    {
      name: "P47 an HTML upstream answer is never passed through: 502 JSON with nosniff",
      async run() {
        const h = createHarness();
        h.setUpstream(
          async () =>
            new Response("<html><script>alert(1)</script></html>", {
              headers: { "content-type": "text/html" },
            }),
        );
        const r = await h.send(RUN, { headers: browser({ accept: "text/html" }) });
        expect([r.status, r.json?.code]).toEqual([502, "upstream_invalid_response"]);
        expect(r.text).not.toContain("<script>");
        expect(h.calls[0]?.headers.get("accept")).toBe("application/json");
      },
    },
  ];
}

/**
 * Runs `attack` with the console captured (and silenced), then fails if anything the proxy logged
 * holds the key. Console methods are restored whatever happens.
 */
export async function runProxyAttack(attack: ProxyAttack): Promise<void> {
  const levels = ["log", "info", "warn", "error", "debug"] as const;
  const saved = levels.map((level) => console[level]);
  const printed: string[] = [];
  for (const level of levels) {
    console[level] = (...args: unknown[]) => {
      printed.push(args.map(String).join(" "));
    };
  }
  try {
    await attack.run();
  } finally {
    levels.forEach((level, i) => {
      console[level] = saved[i] as (typeof console)[typeof level];
    });
  }
  expect(printed.join("\n")).not.toContain(CANARY);
}
