import { describe, expect, it } from "vitest";
import { BATCH, CREATE, setup } from "./helpers.ts";

// Cancel rules per run type (REFERENCE §4.2) with the default switches.
describe("cancel", () => {
  it("a PROCESSING workflow run goes CANCELLING, then CANCELLED after cancellingMs", async () => {
    const { emu, call } = setup();
    const run = await call("POST", "/workflow_runs", CREATE["/workflow_runs"]);
    const res = await call("POST", `/workflow_runs/${run.body.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("CANCELLING");
    await emu.clock.advance(500);
    expect((await call("GET", `/workflow_runs/${run.body.id}`)).body.status).toBe("CANCELLED");
    // A CANCELLING run never reaches its outcome.
    await emu.clock.advance(10_000);
    expect((await call("GET", `/workflow_runs/${run.body.id}`)).body.status).toBe("CANCELLED");
    expect(emu.records.effects(run.body.id).cancelled).toBe(1);
  });

  it("a PENDING (batch) workflow run can be cancelled", async () => {
    const { call } = setup();
    const { batchId } = (await call("POST", "/workflow_runs/batch", BATCH["/workflow_runs/batch"]))
      .body;
    const [first] = (await call("GET", `/workflow_runs?batchId=${batchId}`)).body.data;
    expect(first.status).toBe("PENDING");
    expect((await call("POST", `/workflow_runs/${first.id}/cancel`)).body.status).toBe(
      "CANCELLING",
    );
  });

  it("cancelling a CANCELLING run answers 200 and changes nothing", async () => {
    const { emu, call } = setup();
    const run = await call("POST", "/workflow_runs", CREATE["/workflow_runs"]);
    await call("POST", `/workflow_runs/${run.body.id}/cancel`);
    const again = await call("POST", `/workflow_runs/${run.body.id}/cancel`);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe("CANCELLING");
    expect(emu.records.effects(run.body.id).cancelled).toBe(1);
  });

  it.each(["/extract_runs", "/classify_runs", "/split_runs", "/parse_runs"])(
    "%s: PROCESSING → CANCELLED at once",
    async (path) => {
      const { call } = setup();
      const run = await call("POST", path, CREATE[path]);
      const res = await call("POST", `${path}/${run.body.id}/cancel`);
      expect(res.body.status).toBe("CANCELLED");
      expect((await call("GET", `${path}/${run.body.id}`)).body.status).toBe("CANCELLED");
    },
  );

  it.each(["/extract_runs", "/classify_runs", "/split_runs", "/parse_runs"])(
    "%s: a PENDING (batch-created) run cannot be cancelled (docs: PROCESSING only)",
    async (path) => {
      const { call } = setup();
      const batch = await call("POST", `${path}/batch`, BATCH[`${path}/batch`]);
      const [member] = (await call("GET", `${path}?batchId=${batch.body.id}`)).body.data;
      const res = await call("POST", `${path}/${member.id}/cancel`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: "INVALID_REQUEST", retryable: false });
      expect(res.body.message).toContain("PENDING");
    },
  );

  it.each([
    ["/workflow_runs", "PROCESSED"],
    ["/workflow_runs", "FAILED"],
    ["/workflow_runs", "NEEDS_REVIEW"],
    ["/workflow_runs", "REJECTED"],
    ["/workflow_runs", "CANCELLED"],
    ["/extract_runs", "PROCESSED"],
    ["/extract_runs", "FAILED"],
    ["/classify_runs", "CANCELLED"],
    ["/split_runs", "PROCESSED"],
    ["/parse_runs", "FAILED"],
  ])(
    "%s: a %s run cannot be cancelled: 400 INVALID_REQUEST mentioning the terminal state",
    async (path, status) => {
      const kind = {
        "/workflow_runs": "workflowRuns",
        "/extract_runs": "extractRuns",
        "/classify_runs": "classifyRuns",
        "/split_runs": "splitRuns",
        "/parse_runs": "parseRuns",
      }[path] as never;
      const { emu, call } = setup();
      const run = emu.seedRun({ kind, status });
      const res = await call("POST", `${path}/${run.id}/cancel`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("INVALID_REQUEST");
      expect(res.body.message).toContain("terminal");
      expect(emu.records.effects(String(run.id)).cancelled).toBe(0);
    },
  );

  it("a cancel of an unknown run is 404 NOT_FOUND", async () => {
    const { call } = setup();
    const res = await call("POST", "/extract_runs/exr_doesNotExist/cancel");
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("NOT_FOUND");
  });

  it.each(["/edit_runs", "/form_detection_runs", "/batch_runs", "/evaluation_set_runs"])(
    "%s has no cancel endpoint (404)",
    async (path) => {
      const { call } = setup();
      expect((await call("POST", `${path}/x_1/cancel`)).status).toBe(404);
    },
  );

  it("legacy cancel answers the {success, processorRun} envelope", async () => {
    const { call } = setup();
    const created = await call("POST", "/processor_runs", {
      processorId: "ex_1",
      file: { fileUrl: "https://f.test/a.pdf" },
    });
    const res = await call("POST", `/processor_runs/${created.body.processorRun.id}/cancel`);
    expect(res.body).toMatchObject({
      success: true,
      processorRun: { status: "CANCELLED", type: "EXTRACT" },
    });
  });

  it("the CLI's `{}` cancel body is accepted", async () => {
    const { call } = setup();
    const run = await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    expect((await call("POST", `/extract_runs/${run.body.id}/cancel`, {})).status).toBe(200);
  });
});
