import { createBrowserClient, InvalidArgumentError } from "@extendkit/browser";
import { describe, expect, it } from "vitest";

describe("createBrowserClient", () => {
  it("sends requests to proxyUrl with no Authorization header", async () => {
    const seen: Request[] = [];
    const fetch = async (request: Request) => {
      seen.push(request);
      return Response.json({ id: "workflow_run_1", object: "workflow_run", status: "CANCELLED" });
    };
    const client = createBrowserClient({ proxyUrl: "https://app.example/api/extend/", fetch });
    await client.workflowRuns.cancel("workflow_run_1");
    expect(seen[0]?.url).toBe("https://app.example/api/extend/workflow_runs/workflow_run_1/cancel");
    expect(seen[0]?.headers.has("authorization")).toBe(false);
  });

  it("H3: refuses an apiKey option, unknown options and secret-looking values", () => {
    const refused: Record<string, unknown>[] = [
      { proxyUrl: "/api/extend", apiKey: "sk_live_abc" },
      { proxyUrl: "/api/extend", apiKey: null },
      { proxyUrl: "https://app.example/api/extend?key=sk_test_abc" },
      { proxyUrl: "https://app.example/api/extend", headers: { authorization: "Bearer x" } },
      { proxyUrl: "https://app.example/api/extend", logLevel: "Bearer abc" },
      { proxyUrl: "" },
      { proxyUrl: "/api/extend", toString: "x" },
      { proxyUrl: "/api/extend", timeout: Number.POSITIVE_INFINITY },
      { proxyUrl: "/api/extend", timeout: Number.NaN },
      { proxyUrl: "/api/extend", fetch: "fetch" },
      {},
    ];
    for (const options of refused) {
      expect(() => createBrowserClient(options as never)).toThrow(InvalidArgumentError);
    }
  });

  it("never quotes the secret it refused", () => {
    try {
      createBrowserClient({ proxyUrl: "/api/extend?k=sk_live_supersecret" });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain("sk_live_supersecret");
    }
  });
});
