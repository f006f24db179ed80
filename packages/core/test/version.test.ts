import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createClient, USER_AGENT, VERSION } from "@extendkit/core";
import { describe, expect, it } from "vitest";

const packageVersion: string = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
).version;

/** A fetch that records each request and answers 200 `{}`. */
function recorder() {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return Response.json({});
  };
  return { requests, fetch };
}

describe("version embedded at build time", () => {
  it("is package.json's version in the ESM build, never the unbuilt placeholder", () => {
    expect(VERSION).toBe(packageVersion);
    expect(VERSION).not.toBe("0.0.0-dev");
    expect(USER_AGENT).toBe(`extendkit/${packageVersion}`);
  });

  it("is the same in the CommonJS build, whose client sends it too", async () => {
    const cjs = createRequire(import.meta.url)(
      "@extendkit/core",
    ) as typeof import("@extendkit/core");
    expect(cjs.VERSION).toBe(packageVersion);
    const { requests, fetch } = recorder();
    await cjs.createClient({ apiKey: "sk_test_version", fetch }).parseRuns.delete("pr_1");
    expect(requests[0]?.headers.get("x-extendkit-version")).toBe(packageVersion);
  });

  it("is sent as x-extendkit-version and in the User-Agent of every request", async () => {
    const { requests, fetch } = recorder();
    const client = createClient({ apiKey: "sk_test_version", fetch });
    await client.workflowRuns.cancel("workflow_run_1");
    await client.raw.DELETE("/parse_runs/{id}", { params: { path: { id: "pr_1" } } });
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.headers.get("x-extendkit-version")).toBe(packageVersion);
      expect(request.headers.get("user-agent")).toBe(`extendkit/${packageVersion}`);
    }
  });

  it("keeps a caller's own User-Agent, and the version header still identifies the client", async () => {
    const { requests, fetch } = recorder();
    const client = createClient({ apiKey: "sk_test_version", fetch });
    await client.extractRuns.delete("exr_1", { headers: { "user-agent": "acme-billing/3.1" } });
    expect(requests[0]?.headers.get("user-agent")).toBe("acme-billing/3.1");
    expect(requests[0]?.headers.get("x-extendkit-version")).toBe(packageVersion);
  });

  it("cannot be replaced per call: x-extendkit-version always names the real client", async () => {
    const { requests, fetch } = recorder();
    const client = createClient({ apiKey: "sk_test_version", fetch });
    await client.splitRuns.cancel("splr_1", { headers: { "x-extendkit-version": "9.9.9" } });
    expect(requests[0]?.headers.get("x-extendkit-version")).toBe(packageVersion);
  });
});
