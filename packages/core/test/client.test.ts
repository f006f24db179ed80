import { ApiError, createClient, ExtendError, InvalidArgumentError } from "@extendkit/core";
import { describe, expect, it } from "vitest";

const API_KEY = "sk_test_secret_do_not_leak";

/** A fetch that records each request and answers with `respond`. */
function recorder(respond: (request: Request) => Response = () => Response.json({ id: "exr_1" })) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return respond(request);
  };
  return { requests, fetch };
}

describe("createClient", () => {
  it("sends the default API version and no workspace header unless configured", async () => {
    const { requests, fetch } = recorder();
    await createClient({ apiKey: API_KEY, fetch }).extractRuns.delete("exr_1");
    const headers = requests[0]?.headers;
    expect(headers?.get("x-extend-api-version")).toBe("2026-02-09");
    expect(headers?.has("x-extend-workspace-id")).toBe(false);
    expect(requests[0]?.url).toBe("https://api.extend.ai/extract_runs/exr_1");
  });

  it("sends a configured API version, and per-call headers cannot replace the credentials", async () => {
    const { requests, fetch } = recorder();
    const client = createClient({ apiKey: API_KEY, apiVersion: "2025-04-21", fetch });
    await client.extractRuns.retrieve("exr_1", {
      headers: { authorization: "Bearer stolen", "x-trace": "t1" },
    });
    expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
    expect(requests[0]?.headers.get("x-extend-api-version")).toBe("2025-04-21");
    expect(requests[0]?.headers.get("x-trace")).toBe("t1");
  });

  it("rejects a missing or blank apiKey without echoing it", () => {
    expect(() => createClient({ apiKey: "" })).toThrow(InvalidArgumentError);
    expect(() => createClient({ apiKey: "   " })).toThrow(/apiKey must be a non-empty string/);
    expect(() => createClient({ apiKey: API_KEY, baseUrl: "not a url" })).toThrow(
      InvalidArgumentError,
    );
  });

  it("gives client.raw the same credentials and headers", async () => {
    const { requests, fetch } = recorder(() => Response.json({ id: "pr_1" }));
    const client = createClient({ apiKey: API_KEY, workspaceId: "ws_1", fetch });
    const { data, response } = await client.raw.DELETE("/parse_runs/{id}", {
      params: { path: { id: "pr_1" } },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual({ id: "pr_1" });
    expect(requests[0]?.headers.get("authorization")).toBe(`Bearer ${API_KEY}`);
    expect(requests[0]?.headers.get("x-extend-workspace-id")).toBe("ws_1");
  });

  it("passes middleware requests without the API key", async () => {
    const { fetch } = recorder();
    const client = createClient({ apiKey: API_KEY, fetch });
    const seen: string[] = [];
    client.raw.use({
      onRequest({ request }) {
        seen.push(request.headers.get("authorization") ?? "none");
      },
    });
    await client.extractRuns.delete("exr_1");
    expect(seen).toEqual(["none"]);
  });
});

describe("path parameters", () => {
  it.each([
    ["empty", ""],
    ["dot", "."],
    ["dot-dot", ".."],
    ["slash", "exr_1/../../workflow_runs"],
    ["query", "exr_1?x=1"],
    ["fragment", "exr_1#x"],
    ["percent", "exr_%2e%2e"],
    ["control", "exr_1\n"],
    ["space", "exr 1"],
    ["over-long", `exr_${"a".repeat(300)}`],
    ["non-string", 42],
    ["null", null],
  ])("a %s id never reaches the wire", async (_label, id) => {
    const { requests, fetch } = recorder();
    const client = createClient({ apiKey: API_KEY, fetch });
    await expect(client.extractRuns.delete(id as string)).rejects.toThrow(InvalidArgumentError);
    expect(requests).toHaveLength(0);
  });

  it("accepts ids with every character Extend uses", async () => {
    const { requests, fetch } = recorder(() => Response.json({ id: "workflow_run_aZ-09_x" }));
    await createClient({ apiKey: API_KEY, fetch }).workflowRuns.cancel("workflow_run_aZ-09_x");
    expect(new URL(requests[0]?.url ?? "").pathname).toBe(
      "/workflow_runs/workflow_run_aZ-09_x/cancel",
    );
  });
});

describe("errors", () => {
  it("throws ApiError with the body's code, retryable flag and request id", async () => {
    const { fetch } = recorder(() =>
      Response.json(
        { code: "NOT_FOUND", message: "Run not found.", retryable: false, requestId: "req_1" },
        { status: 404 },
      ),
    );
    const error = await createClient({ apiKey: API_KEY, fetch })
      .parseRuns.retrieve("pr_1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(ExtendError);
    expect(error).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      retryable: false,
      requestId: "req_1",
      method: "GET",
      path: "/parse_runs/pr_1",
    });
    expect(String((error as Error).message)).not.toContain(API_KEY);
  });

  it("describes a non-JSON error page by its status", async () => {
    const { fetch } = recorder(
      () =>
        new Response("<html>Bad gateway</html>", {
          status: 502,
          headers: { "x-extend-request-id": "req_h" },
        }),
    );
    const error = await createClient({ apiKey: API_KEY, fetch, maxRetries: 0 })
      .splitRuns.delete("splr_1")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: "HTTP_502", requestId: "req_h" });
  });

  it("refuses to follow a redirect, so credentials stay on the configured origin", async () => {
    const { requests, fetch } = recorder(
      () => new Response(null, { status: 302, headers: { location: "https://evil.test/" } }),
    );
    const error = await createClient({ apiKey: API_KEY, fetch })
      .extractRuns.retrieve("exr_1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtendError);
    expect((error as Error).message).toMatch(/redirect/);
    expect((error as Error).message).not.toContain(API_KEY);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.redirect).toBe("manual");
  });
});
