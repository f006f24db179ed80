import { createEmulator } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { api, CREATE, setup } from "./helpers.ts";
import { specSchemaProblems } from "./webhook-helpers.ts";

// Workflow step runs (REFERENCE §3.1 `StepRun`) in `GET /workflow_runs/{id}`: every emulated
// workflow parses, then extracts; the steps finish with the run's outcome. Bodies are checked
// against spec/openapi.yaml here, independently of the emulator's own strict mode.

const WF = "/workflow_runs";
const withOutcome = (outcome: string) => ({
  ...(CREATE[WF] as object),
  metadata: { "emulator:outcome": outcome },
});

describe("workflow step runs", () => {
  it("a PROCESSED run shows PARSE then EXTRACT, spec-valid, with their runs in result", async () => {
    const { emu, call } = setup();
    const created = (await call("POST", WF, CREATE[WF])).body;
    expect(created.stepRuns).toEqual([]); // PROCESSING: no step has finished yet
    await emu.clock.advance(1999);
    expect((await call("GET", `${WF}/${created.id}`)).body.stepRuns).toEqual([]);
    await emu.clock.advance(1);
    const run = (await call("GET", `${WF}/${created.id}`)).body;
    expect(run.status).toBe("PROCESSED");
    expect(specSchemaProblems("WorkflowRun", run)).toEqual([]);
    const [parse, extract] = run.stepRuns;
    expect(run.stepRuns).toHaveLength(2);
    expect(parse).toEqual({
      object: "workflow_step_run",
      id: expect.stringMatching(/^workflow_step_run_[A-Za-z0-9]{22}$/),
      workflowRunId: run.id,
      status: "PROCESSED",
      stepType: "PARSE",
      step: {
        object: "workflow_step",
        id: expect.stringMatching(/^step_\w+$/),
        name: "Parse",
        type: "PARSE",
      },
      files: run.files,
      result: { parseRun: expect.objectContaining({ object: "parse_run", status: "PROCESSED" }) },
    });
    expect(extract).toMatchObject({
      object: "workflow_step_run",
      workflowRunId: run.id,
      status: "PROCESSED",
      stepType: "EXTRACT",
      step: { object: "workflow_step", name: "Extract", type: "EXTRACT" },
      result: { extractRun: { object: "extract_run", status: "PROCESSED" } },
    });
    expect(extract.id).not.toBe(parse.id);
    expect(extract.step.id).not.toBe(parse.step.id);
    const parseRun = parse.result.parseRun;
    const extractRun = extract.result.extractRun;
    expect(parseRun.id).toMatch(/^pr_[A-Za-z0-9]{22}$/);
    expect(extractRun.id).toMatch(/^exr_[A-Za-z0-9]{22}$/);
    expect(extractRun.parseRunId).toBe(parseRun.id);
    expect(specSchemaProblems("ParseRun", parseRun)).toEqual([]);
    expect(specSchemaProblems("ExtractRun", extractRun)).toEqual([]);
    // The nested runs live only inside `result`: the emulator does not store them.
    expect((await call("GET", `/parse_runs/${parseRun.id}`)).status).toBe(404);
    // List items (`WorkflowRunSummary`) have no stepRuns.
    const listed = (await call("GET", WF)).body.data[0];
    expect(listed.id).toBe(run.id);
    expect(listed).not.toHaveProperty("stepRuns");
  });

  it.each([
    ["NEEDS_REVIEW", ["PROCESSED", "PROCESSED"]],
    ["REJECTED", ["PROCESSED", "PROCESSED"]],
    ["FAILED", ["PROCESSED", "FAILED"]],
  ])(
    "a run ending %s shows step statuses %o; a FAILED step has result null",
    async (outcome, statuses) => {
      const { emu, call } = setup();
      const created = (await call("POST", WF, withOutcome(outcome))).body;
      await emu.clock.advance(2000);
      const run = (await call("GET", `${WF}/${created.id}`)).body;
      expect(run.status).toBe(outcome);
      expect(specSchemaProblems("WorkflowRun", run)).toEqual([]);
      expect(run.stepRuns.map((s: { stepType: string }) => s.stepType)).toEqual([
        "PARSE",
        "EXTRACT",
      ]);
      expect(run.stepRuns.map((s: { status: string }) => s.status)).toEqual(statuses);
      for (const step of run.stepRuns) expect(step.result === null).toBe(step.status === "FAILED");
    },
  );

  it("a cancelled run never shows step runs", async () => {
    const { emu, call } = setup();
    const created = (await call("POST", WF, CREATE[WF])).body;
    const cancelling = (await call("POST", `${WF}/${created.id}/cancel`)).body;
    expect(cancelling).toMatchObject({ status: "CANCELLING", stepRuns: [] });
    await emu.clock.advance(10_000);
    const run = (await call("GET", `${WF}/${created.id}`)).body;
    expect(run).toMatchObject({ status: "CANCELLED", stepRuns: [] });
  });

  it("a batch-created run shows none while PENDING or PROCESSING, both steps once PROCESSED", async () => {
    const { emu, call } = setup();
    const batch = { workflow: { id: "workflow_abc" }, inputs: [{ file: { text: "hello" } }] };
    const { batchId } = (await call("POST", `${WF}/batch`, batch)).body;
    const id = (await call("GET", `${WF}?batchId=${batchId}`)).body.data[0].id;
    const steps = async () => (await call("GET", `${WF}/${id}`)).body.stepRuns.length;
    expect(await steps()).toBe(0); // PENDING
    await emu.clock.advance(1000);
    expect(await steps()).toBe(0); // PROCESSING
    await emu.clock.advance(2000);
    expect(await steps()).toBe(2);
  });

  it("seeded runs: a PROCESSED one shows its steps, a PROCESSING or unknown-status one none", () => {
    const emu = createEmulator();
    const done = emu.seedRun({ kind: "workflowRuns", status: "PROCESSED" });
    expect(done.stepRuns).toHaveLength(2);
    expect(specSchemaProblems("WorkflowRun", done)).toEqual([]);
    expect(emu.seedRun({ kind: "workflowRuns", status: "PROCESSING" }).stepRuns).toEqual([]);
    expect(emu.seedRun({ kind: "workflowRuns", status: "ARCHIVED" }).stepRuns).toEqual([]);
  });

  it("step ids: a step keeps its id across runs of one workflow; step runs get fresh ones", async () => {
    const { emu, call } = setup();
    const a = (await call("POST", WF, CREATE[WF])).body;
    const b = (await call("POST", WF, CREATE[WF])).body;
    const other = (await call("POST", WF, { ...(CREATE[WF] as object), workflow: { id: "wf_2" } }))
      .body;
    await emu.clock.advance(2000);
    const steps = async (id: string) => (await call("GET", `${WF}/${id}`)).body.stepRuns;
    const [sa, sb, so] = [await steps(a.id), await steps(b.id), await steps(other.id)];
    expect(sb.map((s: { step: { id: string } }) => s.step.id)).toEqual(
      sa.map((s: { step: { id: string } }) => s.step.id),
    );
    expect(so[0].step.id).not.toBe(sa[0].step.id);
    const runIds = [...sa, ...sb, ...so].map((s: { id: string }) => s.id);
    expect(new Set(runIds).size).toBe(6);
  });

  it("is deterministic: the same seed and requests give the same step runs, another seed others", async () => {
    const scenario = async (seed: number) => {
      const emu = createEmulator({ seed });
      const call = api(emu);
      const ids: string[] = [];
      for (const outcome of ["PROCESSED", "FAILED", "NEEDS_REVIEW"])
        ids.push((await call("POST", WF, withOutcome(outcome))).body.id);
      await emu.clock.advance(2000);
      const runs = [];
      for (const id of ids) runs.push((await call("GET", `${WF}/${id}`)).body);
      return { emu, call, ids, runs };
    };
    const first = await scenario(7);
    const second = await scenario(7);
    expect(second.runs).toEqual(first.runs);
    expect(first.runs.flatMap((r) => r.stepRuns)).toHaveLength(6);
    const other = await scenario(8);
    expect(other.runs[0].stepRuns[0].id).not.toBe(first.runs[0].stepRuns[0].id);
    // reset() restarts the step-run stream too.
    first.emu.reset();
    const again = (await first.call("POST", WF, withOutcome("PROCESSED"))).body;
    await first.emu.clock.advance(2000);
    const replay = (await first.call("GET", `${WF}/${again.id}`)).body;
    expect(replay).toEqual(first.runs[0]);
  });
});
