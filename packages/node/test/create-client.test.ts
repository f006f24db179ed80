import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createClient, InvalidArgumentError } from "@extendkit/node";
import { afterEach, describe, expect, it } from "vitest";

const NAMES = ["EXTEND_API_KEY", "EXTEND_WORKSPACE_ID", "EXTEND_BASE_URL", "EXTEND_API_VERSION"];
const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

function recorder() {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return Response.json({ id: "pr_1", object: "parse_run" });
  };
  return { requests, fetch };
}

describe("createClient (Node)", () => {
  it("reads the four variables from process.env", async () => {
    Object.assign(process.env, {
      EXTEND_API_KEY: "sk_test_from_env",
      EXTEND_WORKSPACE_ID: "ws_env",
      EXTEND_BASE_URL: "http://127.0.0.1:9/base",
      EXTEND_API_VERSION: "2025-04-21",
    });
    const { requests, fetch } = recorder();
    await createClient({ fetch }).parseRuns.retrieve("pr_1");
    const request = requests[0] as Request;
    expect(request.url).toBe("http://127.0.0.1:9/base/parse_runs/pr_1");
    expect(request.headers.get("authorization")).toBe("Bearer sk_test_from_env");
    expect(request.headers.get("x-extend-workspace-id")).toBe("ws_env");
    expect(request.headers.get("x-extend-api-version")).toBe("2025-04-21");
  });

  it("lets overrides win over the environment", async () => {
    process.env.EXTEND_API_KEY = "sk_test_from_env";
    const { requests, fetch } = recorder();
    await createClient({ apiKey: "sk_test_override", fetch }).parseRuns.retrieve("pr_1");
    expect(requests[0]?.headers.get("authorization")).toBe("Bearer sk_test_override");
  });

  it("names EXTEND_API_KEY when it is missing or empty", () => {
    delete process.env.EXTEND_API_KEY;
    expect(() => createClient()).toThrow(InvalidArgumentError);
    expect(() => createClient()).toThrow("EXTEND_API_KEY is not set in process.env");
    process.env.EXTEND_API_KEY = "";
    expect(() => createClient()).toThrow("EXTEND_API_KEY");
  });

  it("works from CommonJS: require() gives the same API", () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const script = `
      const node = require("@extendkit/node");
      process.env.EXTEND_API_KEY = "sk_test_cjs";
      const client = node.createClient();
      console.log(JSON.stringify({
        createClient: typeof node.createClient,
        toNodeHandler: typeof node.toNodeHandler,
        ApiError: typeof node.ApiError,
        cancel: typeof client.workflowRuns.cancel,
      }));`;
    const out = execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({
      createClient: "function",
      toNodeHandler: "function",
      ApiError: "function",
      cancel: "function",
    });
  });
});
