import { SpecViolationError } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { CREATE, setup } from "./helpers.ts";

describe("request validation against the spec", () => {
  it.each([
    [
      "a missing required field",
      "/workflow_runs",
      { file: { url: "https://f.test/a.pdf" } },
      "workflow",
    ],
    [
      "a wrong type",
      "/extract_runs",
      { extractor: { id: 42 }, file: { url: "https://f.test/a.pdf" } },
      "extractor.id",
    ],
    ["an empty batch", "/extract_runs/batch", { extractor: { id: "ex_1" }, inputs: [] }, "inputs"],
    [
      "a file that is none of url/id/text",
      "/parse_runs",
      { file: { path: "/etc/passwd" } },
      "file",
    ],
    [
      "priority out of range",
      "/classify_runs",
      { classifier: { id: "cl_1" }, file: { text: "x" }, priority: 0 },
      "priority",
    ],
  ])("%s is 400 INVALID_REQUEST naming the field", async (_, path, body, field) => {
    const { emu, call } = setup();
    const res = await call("POST", path, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "INVALID_REQUEST", retryable: false });
    expect(res.body.message).toContain(field);
    expect(res.body.docUrl).toMatch(/^https:\/\/docs\.extend\.ai\//);
    expect(emu.runIds()).toEqual([]);
  });

  it.each([
    [
      "a file of none of its shapes names every shape's key",
      { extractor: { id: "ex_1" }, file: { path: "/etc/passwd" } },
      'body file: Instance must have one of the properties "url", "id", "text" (one of its allowed shapes).',
    ],
    [
      "a file of the url shape with a bad url names file.url, not another shape",
      { extractor: { id: "ex_1" }, file: { url: 5 } },
      'body file.url: Instance type "number" is invalid. Expected "string".',
    ],
    [
      "an object missing several properties names them all",
      {},
      'body: Instance does not have required properties "extractor", "inputs".',
      "/extract_runs/batch",
    ],
  ])(
    "the message is the most specific problem: %s",
    async (_, body, message, path = "/extract_runs") => {
      const { call } = setup();
      const res = await call("POST", path, body);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(message);
    },
  );

  it("a body that is not JSON, or not declared as JSON, is 400", async () => {
    const { call } = setup();
    expect(
      (await call("POST", "/extract_runs", "{not json", { "content-type": "application/json" }))
        .status,
    ).toBe(400);
    const typed = await call("POST", "/extract_runs", JSON.stringify(CREATE["/extract_runs"]), {
      "content-type": "text/plain",
    });
    expect(typed.status).toBe(400);
    expect(typed.body.message).toContain("Content-Type");
  });

  it("a missing body is 400", async () => {
    const { call } = setup();
    const res = await call("POST", "/extract_runs");
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("body");
  });

  it("a run id over 255 characters is 400; an empty header value is 400", async () => {
    const { call } = setup();
    expect((await call("GET", `/extract_runs/exr_${"a".repeat(300)}`)).status).toBe(400);
    expect(
      (await call("GET", "/extract_runs", undefined, { "x-extend-workspace-id": "" })).status,
    ).toBe(400);
  });

  it("unknown routes are 404 NOT_FOUND with Extend's body", async () => {
    const { call } = setup();
    const res = await call("GET", "/files");
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("NOT_FOUND");
    expect((await call("PUT", "/extract_runs")).status).toBe(404);
  });
});

describe("strict mode validates every response", () => {
  it("a deliberately wrong response fails loudly: fetch rejects and the violation is recorded", async () => {
    const { emu, call } = setup();
    const run = emu.seedRun({ kind: "extractRuns", overrides: { config: "not an object" } });
    const error = await call("GET", `/extract_runs/${run.id}`).catch((e) => e);
    expect(error).toBeInstanceOf(SpecViolationError);
    expect(error.message).toContain("extractRuns.retrieve");
    expect(emu.records.violations).toHaveLength(1);
    expect(emu.records.violations[0]).toMatchObject({
      operationId: "extractRuns.retrieve",
      status: 200,
    });
  });

  it.each([
    ["object", { object: "parse_run" }],
    ["id", { id: 7 }],
    ["status", { status: null }],
  ])("a wrong `%s` fails strict mode", async (_, overrides) => {
    const { emu, call } = setup();
    emu.seedRun({ kind: "workflowRuns", overrides });
    const [id] = emu.runIds();
    await expect(call("GET", `/workflow_runs/${id}`)).rejects.toBeInstanceOf(SpecViolationError);
  });

  it("list items are validated too", async () => {
    const { emu, call } = setup();
    emu.seedRun({ kind: "splitRuns", overrides: { dashboardUrl: 1 } });
    await expect(call("GET", "/split_runs")).rejects.toBeInstanceOf(SpecViolationError);
  });

  it("unknown statuses and extra fields are valid (open enums)", async () => {
    const { emu, call } = setup();
    const run = emu.seedRun({
      kind: "extractRuns",
      status: "ARCHIVED",
      overrides: { newField: { a: 1 } },
    });
    const res = await call("GET", `/extract_runs/${run.id}`);
    expect(res.body).toMatchObject({ status: "ARCHIVED", newField: { a: 1 } });
  });

  it("with strict: false the wrong response is sent as is", async () => {
    const { emu, call } = setup({ strict: false });
    const run = emu.seedRun({ kind: "extractRuns", overrides: { config: "not an object" } });
    expect((await call("GET", `/extract_runs/${run.id}`)).body.config).toBe("not an object");
  });
});
