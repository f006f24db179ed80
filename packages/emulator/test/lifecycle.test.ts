import { describe, expect, it } from "vitest";
import { BATCH, CREATE, setup } from "./helpers.ts";

// Statuses advance on the virtual clock through the enums of REFERENCE §4.1 (default durations:
// pending 1000 ms, processing 2000 ms).
describe("run lifecycle on the virtual clock", () => {
  it.each(Object.keys(CREATE))(
    "POST %s starts PROCESSING and is PROCESSED after processingMs",
    async (path) => {
      const { emu, call } = setup();
      const created = await call("POST", path, CREATE[path]);
      expect(created.body.status).toBe("PROCESSING");
      const get = () => call("GET", `${path}/${created.body.id}`).then((r) => r.body.status);
      await emu.clock.advance(1999);
      expect(await get()).toBe("PROCESSING");
      await emu.clock.advance(1);
      expect(await get()).toBe("PROCESSED");
    },
  );

  it.each(Object.keys(BATCH).filter((p) => !p.startsWith("/workflow")))(
    "POST %s: members PENDING → PROCESSING → PROCESSED, the batch run follows them",
    async (path) => {
      const { emu, call } = setup();
      const batch = await call("POST", path, BATCH[path]);
      expect(batch.body).toMatchObject({ object: "batch_run", status: "PENDING", runCount: 2 });
      expect(batch.body.id).toMatch(path.startsWith("/parse") ? /^bpar_/ : /^bpr_/);
      const list = path.replace("/batch", "");
      const members = async () =>
        (await call("GET", `${list}?batchId=${batch.body.id}`)).body.data.map(
          (r: { status: string }) => r.status,
        );
      const batchStatus = async () =>
        (await call("GET", `/batch_runs/${batch.body.id}`)).body.status;
      expect(await members()).toEqual(["PENDING", "PENDING"]);
      await emu.clock.advance(1000);
      expect(await members()).toEqual(["PROCESSING", "PROCESSING"]);
      expect(await batchStatus()).toBe("PROCESSING");
      await emu.clock.advance(2000);
      expect(await members()).toEqual(["PROCESSED", "PROCESSED"]);
      expect(await batchStatus()).toBe("PROCESSED");
    },
  );

  it("workflow batch: answers {batchId} and its runs list by batchId", async () => {
    const { emu, call } = setup();
    const res = await call("POST", "/workflow_runs/batch", BATCH["/workflow_runs/batch"]);
    expect(Object.keys(res.body)).toEqual(["batchId"]);
    expect(res.body.batchId).toMatch(/^batch_/);
    const runs = (await call("GET", `/workflow_runs?batchId=${res.body.batchId}`)).body.data;
    expect(runs.map((r: { status: string }) => r.status)).toEqual(["PENDING", "PENDING"]);
    expect(runs.every((r: { batchId: string }) => r.batchId === res.body.batchId)).toBe(true);
    await emu.clock.advance(3000);
    const done = (await call("GET", `/workflow_runs?batchId=${res.body.batchId}`)).body.data;
    expect(done.map((r: { status: string }) => r.status)).toEqual(["PROCESSED", "PROCESSED"]);
  });

  it("a batch whose members all fail is FAILED", async () => {
    const { emu, call } = setup({ outcomes: { extractRuns: "FAILED" } });
    const batch = await call("POST", "/extract_runs/batch", BATCH["/extract_runs/batch"]);
    await emu.clock.advance(3000);
    expect((await call("GET", `/batch_runs/${batch.body.id}`)).body.status).toBe("FAILED");
  });

  it("outcomes: per kind, and per run through metadata emulator:outcome", async () => {
    const { emu, call } = setup({ outcomes: { workflowRuns: "NEEDS_REVIEW" } });
    const a = await call("POST", "/workflow_runs", CREATE["/workflow_runs"]);
    const b = await call("POST", "/workflow_runs", {
      ...(CREATE["/workflow_runs"] as object),
      metadata: { "emulator:outcome": "FAILED" },
    });
    await emu.clock.advance(2000);
    expect((await call("GET", `/workflow_runs/${a.body.id}`)).body.status).toBe("NEEDS_REVIEW");
    const failed = (await call("GET", `/workflow_runs/${b.body.id}`)).body;
    expect(failed).toMatchObject({ status: "FAILED", failureReason: "INTERNAL_ERROR" });
    expect(failed.endTime).toBe("2026-03-01T00:00:02.000Z");
  });

  it("durations are configurable (a run created now finishes after processingMs)", async () => {
    const { emu, call } = setup({ durations: { processingMs: 50 } });
    const run = await call("POST", "/parse_runs", CREATE["/parse_runs"]);
    await emu.clock.advance(50);
    const got = await call("GET", `/parse_runs/${run.body.id}`);
    expect(got.body).toMatchObject({ status: "PROCESSED", metrics: { processingTimeMs: 50 } });
    expect(got.body.output.chunks).toHaveLength(1);
  });

  it("the real clock finishes runs after real time", async () => {
    const { call } = setup({ clock: "real", durations: { processingMs: 30 } });
    const run = await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    expect(run.body.status).toBe("PROCESSING");
    await new Promise((r) => setTimeout(r, 60));
    expect((await call("GET", `/extract_runs/${run.body.id}`)).body.status).toBe("PROCESSED");
  });

  it.each([
    ["/extract", { file: { url: "https://files.example.test/a.pdf" } }, "extract_run"],
    ["/parse", { file: { url: "https://files.example.test/a.pdf" } }, "parse_run"],
    ["/classify", { config: {}, file: { text: "hello" } }, "classify_run"],
    ["/split", { config: {}, file: { id: "file_1" } }, "split_run"],
    ["/edit", { file: { id: "file_1" } }, "edit_run"],
    ["/detect_form", { file: { id: "file_1" } }, "form_detection_run"],
  ])("sync POST %s answers a finished run that can then be read", async (path, body, object) => {
    const { call } = setup();
    const res = await call("POST", path, body);
    expect(res.body).toMatchObject({ object, status: "PROCESSED" });
    const collection = { form_detection_run: "form_detection_runs" }[object] ?? `${object}s`;
    expect((await call("GET", `/${collection}/${res.body.id}`)).body.status).toBe("PROCESSED");
  });

  it("sync failures come back as HTTP errors whose code is the failure reason", async () => {
    const { call } = setup({ outcomes: { extractRuns: "FAILED" } });
    const res = await call("POST", "/extract", {
      file: { url: "https://files.example.test/a.pdf" },
    });
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: "INTERNAL_ERROR", retryable: true });
  });

  it("parse responseType=url shows outputUrl instead of output", async () => {
    const { call } = setup();
    const res = await call("POST", "/parse?responseType=url", { file: { id: "file_1" } });
    expect(res.body.output).toBeNull();
    expect(res.body.outputUrl).toMatch(/^https:\/\/files\.emulator\.extendkit\.invalid\//);
    const json = await call("GET", `/parse_runs/${res.body.id}`);
    expect(json.body.output).not.toBeNull();
  });

  it("evaluation set runs go PENDING → PROCESSING → PROCESSED", async () => {
    const { emu, call } = setup();
    const run = await call("POST", "/evaluation_set_runs", {
      evaluationSetId: "ev_1",
      entity: { id: "ex_1" },
    });
    expect(run.body).toMatchObject({
      object: "evaluation_set_run",
      status: "PENDING",
      evaluationSetId: "ev_1",
    });
    await emu.clock.advance(1000);
    expect((await call("GET", `/evaluation_set_runs/${run.body.id}`)).body.status).toBe(
      "PROCESSING",
    );
    await emu.clock.advance(2000);
    expect((await call("GET", `/evaluation_set_runs/${run.body.id}`)).body.status).toBe(
      "PROCESSED",
    );
  });

  it("extract with a package shows every file; file and package together are refused", async () => {
    const { call } = setup();
    const files = [{ url: "https://f.test/a.pdf" }, { id: "file_2" }];
    const res = await call("POST", "/extract_runs", { config: {}, package: { files } });
    expect(res.body.files.map((f: { name: string }) => f.name)).toEqual(["a.pdf", "file_2.pdf"]);
    const both = await call("POST", "/extract_runs", { file: files[0], package: { files } });
    expect(both.status).toBe(400);
  });
});
