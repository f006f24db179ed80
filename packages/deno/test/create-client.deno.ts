// Deno-only behaviour of @extendkit/deno: reading Deno.env, and asking for no more permission
// than the variables it reads.
import { createClient, createTinyClient, ExtendError, InvalidArgumentError } from "@extendkit/deno";

const NAMES = ["EXTEND_API_KEY", "EXTEND_WORKSPACE_ID", "EXTEND_BASE_URL", "EXTEND_API_VERSION"];

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function throws(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw");
}

Deno.test("reads the four variables from Deno.env", async () => {
  Deno.env.set("EXTEND_API_KEY", "sk_test_deno");
  Deno.env.set("EXTEND_WORKSPACE_ID", "ws_deno");
  Deno.env.set("EXTEND_BASE_URL", "http://127.0.0.1:9/base");
  Deno.env.set("EXTEND_API_VERSION", "2025-04-21");
  const seen: Request[] = [];
  const fetch = (request: Request) => {
    seen.push(request);
    return Promise.resolve(Response.json({ id: "pr_1" }));
  };
  await createClient({ fetch }).parseRuns.retrieve("pr_1");
  for (const name of NAMES) Deno.env.delete(name);
  const request = seen[0] as Request;
  assert(request.url === "http://127.0.0.1:9/base/parse_runs/pr_1", request.url);
  assert(request.headers.get("authorization") === "Bearer sk_test_deno", "key from Deno.env");
  assert(request.headers.get("x-extend-workspace-id") === "ws_deno", "workspace from Deno.env");
  assert(request.headers.get("x-extend-api-version") === "2025-04-21", "version from Deno.env");
});

Deno.test("names EXTEND_API_KEY when it is not set", () => {
  Deno.env.delete("EXTEND_API_KEY");
  const error = throws(() => createClient());
  assert(error instanceof InvalidArgumentError, String(error));
  assert(error.message.includes("EXTEND_API_KEY is not set in Deno.env"), error.message);
});

Deno.test({
  name: "explains a denied env permission: which flag to add",
  permissions: { env: false },
  fn() {
    const error = throws(() => createClient());
    assert(error instanceof ExtendError, String(error));
    assert(
      error.message.includes(
        "--allow-env=EXTEND_API_KEY,EXTEND_WORKSPACE_ID,EXTEND_BASE_URL,EXTEND_API_VERSION",
      ),
      error.message,
    );
  },
});

Deno.test({
  name: "needs env permission only for the variables it reads",
  permissions: { env: ["EXTEND_WORKSPACE_ID", "EXTEND_API_VERSION"] },
  fn() {
    const client = createClient({ apiKey: "sk_test_x", baseUrl: "http://127.0.0.1:9" });
    assert(typeof client.workflowRuns.cancel === "function", "a client");
  },
});

Deno.test("createTinyClient reads the same variables, with the same refusals", async () => {
  Deno.env.set("EXTEND_API_KEY", "sk_test_deno");
  Deno.env.set("EXTEND_BASE_URL", "http://127.0.0.1:9/base");
  const seen: Request[] = [];
  const fetch = (request: Request) => {
    seen.push(request);
    return Promise.resolve(Response.json({ id: "exr_1", status: "CANCELLED" }));
  };
  await createTinyClient({ fetch }).extractRuns.cancel("exr_1");
  Deno.env.delete("EXTEND_API_KEY");
  Deno.env.delete("EXTEND_BASE_URL");
  const request = seen[0] as Request;
  assert(request.url === "http://127.0.0.1:9/base/extract_runs/exr_1/cancel", request.url);
  assert(request.headers.get("authorization") === "Bearer sk_test_deno", "key from Deno.env");
  const error = throws(() => createTinyClient());
  assert(error instanceof InvalidArgumentError, String(error));
  assert(error.message.includes("EXTEND_API_KEY is not set in Deno.env"), error.message);
});

Deno.test({
  name: "createTinyClient explains a denied env permission, naming itself",
  permissions: { env: false },
  fn() {
    const error = throws(() => createTinyClient());
    assert(error instanceof ExtendError, String(error));
    assert(error.message.includes("or pass that option to createTinyClient()"), error.message);
  },
});
