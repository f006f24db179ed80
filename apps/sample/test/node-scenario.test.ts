import { createEmulator, EMULATOR_API_KEY, EMULATOR_WORKSPACE_ID } from "@extendkit/emulator";
import { createClient } from "@extendkit/node";
import { beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../src/host/emulator-host.ts";
import { launchNode } from "../src/host/launch-node.ts";
import { runResources, supports } from "../src/run-resource.ts";
import { runSample } from "../src/run-sample.ts";
import type { StepName, StepResult } from "../src/step-result.ts";

// The Node runtime, in-process on the emulator's virtual clock: the exact outcome of every step
// of every run type, and that a misbehaving API turns into mismatches instead of a green table.

async function runNode(): Promise<StepResult[]> {
  const results: StepResult[] = [];
  await launchNode({
    target: { kind: "emulator" },
    only: runResources,
    emit: (r) => results.push(r),
  });
  return results;
}

const cell = (results: StepResult[], runType: string, step: StepName) =>
  results.find((r) => r.runType === runType && r.step === step);

/** Runs the sample for a few types with a client whose fetch goes through `wrap`. */
async function runWrapped(
  only: Parameters<typeof runSample>[2],
  wrap: (emulatorFetch: (r: Request) => Promise<Response>) => (r: Request) => Promise<Response>,
): Promise<StepResult[]> {
  const { emulator, inputs } = startEmulator("virtual");
  const client = createClient({
    apiKey: EMULATOR_API_KEY,
    workspaceId: EMULATOR_WORKSPACE_ID,
    baseUrl: "https://emulator.invalid",
    fetch: wrap((request) => emulator.fetch(request)),
    maxRetries: 0,
  });
  const results: StepResult[] = [];
  const advance = (ms: number) => emulator.clock.advance(ms);
  const time = { kind: "virtual", advance, stepMs: 500, maxSteps: 40 } as const;
  await runSample({ client, inputs, target: "emulator", time }, (r) => results.push(r), only);
  return results;
}

describe("the Node runtime on the in-process emulator", () => {
  let results: StepResult[];
  beforeAll(async () => {
    results = await runNode();
  });

  it("reports six steps per run type and no mismatch", () => {
    expect(results).toHaveLength(runResources.length * 6);
    expect(results.filter((r) => r.outcome === "mismatch")).toEqual([]);
  });

  it("cancels what the spec can cancel and shows the refusal for the rest", () => {
    for (const runType of runResources) {
      const cancel = cell(results, runType, "cancel");
      const afterFinish = cell(results, runType, "cancelFinished");
      if (supports(runType, "cancel")) {
        expect(cancel, runType).toMatchObject({ outcome: "ok", summary: "CANCELLED" });
        expect(afterFinish, runType).toMatchObject({
          outcome: "refused",
          summary: "refused 400 INVALID_REQUEST",
        });
      } else {
        expect(cancel, runType).toMatchObject({ outcome: "refused", summary: "no endpoint" });
        expect(afterFinish, runType).toMatchObject({ outcome: "none" });
      }
    }
    // Edit runs route through client.runs, which refuses without sending anything.
    expect(cell(results, "editRuns", "cancel")).toMatchObject({
      calls: ["runs.cancel"],
      detail: expect.stringContaining("InvalidArgumentError"),
    });
  });

  it("deletes what the spec can delete, through client.runs for run B where the prefix routes", () => {
    for (const runType of runResources) {
      const remove = cell(results, runType, "delete");
      const gone = cell(results, runType, "gone");
      if (supports(runType, "delete")) {
        expect(remove, runType).toMatchObject({ outcome: "ok", summary: "deleted ×2" });
        expect(gone, runType).toMatchObject({ outcome: "ok", summary: "404 ×2" });
      } else {
        expect(remove, runType).toMatchObject({ outcome: "refused", summary: "no endpoint" });
        expect(gone, runType).toMatchObject({ outcome: "none" });
      }
    }
    expect(cell(results, "extractRuns", "delete")?.calls).toEqual([
      "extractRuns.delete",
      "runs.delete",
    ]);
    // Legacy processor runs share exr_ with extract runs: both go through their own resource.
    expect(cell(results, "processorRuns", "delete")?.calls).toEqual([
      "processorRuns.delete",
      "processorRuns.delete",
    ]);
  });

  it("touches each run exactly as the table says (emulator effect counts)", async () => {
    const emulator = createEmulator();
    const results: StepResult[] = [];
    const client = createClient({
      apiKey: EMULATOR_API_KEY,
      workspaceId: EMULATOR_WORKSPACE_ID,
      baseUrl: "https://emulator.invalid",
      fetch: (request) => emulator.fetch(request),
    });
    const advance = (ms: number) => emulator.clock.advance(ms);
    const time = { kind: "virtual", advance, stepMs: 500, maxSteps: 40 } as const;
    const inputs = { fileUrl: "https://example.com/a.pdf", workflowId: "workflow_x" };
    await runSample({ client, inputs, target: "emulator", time }, (r) => results.push(r), [
      "workflowRuns",
    ]);
    const [a, b] = (cell(results, "workflowRuns", "delete")?.detail ?? "").split(", ");
    expect(emulator.records.effects(a as string)).toMatchObject({ cancelled: 1, deleted: 1 });
    expect(emulator.records.effects(b as string)).toMatchObject({ cancelled: 0, deleted: 1 });
    expect(emulator.records.violations).toEqual([]);
  });
});

describe("mismatches", () => {
  it("a delete that deletes nothing fails the read-back", async () => {
    const results = await runWrapped(["extractRuns"], (next) => async (request) => {
      if (request.method !== "DELETE") return next(request);
      const id = new URL(request.url).pathname.split("/").pop();
      return Response.json({ id });
    });
    expect(cell(results, "extractRuns", "delete")).toMatchObject({ outcome: "ok" });
    expect(cell(results, "extractRuns", "gone")).toMatchObject({
      outcome: "mismatch",
      summary: "200, 200",
    });
  });

  it("a cancel that cancels nothing is caught", async () => {
    const results = await runWrapped(["parseRuns"], (next) => async (request) => {
      if (!request.url.endsWith("/cancel")) return next(request);
      const url = request.url.slice(0, -"/cancel".length);
      return next(new Request(url, { headers: request.headers }));
    });
    expect(cell(results, "parseRuns", "cancel")).toMatchObject({
      outcome: "mismatch",
      summary: "PROCESSING",
    });
  });

  it("an API that fails every create reports every type, skipping what it cannot reach", async () => {
    const results = await runWrapped(
      ["splitRuns", "editRuns"],
      () => async () =>
        Response.json(
          { code: "INTERNAL_ERROR", message: "down", retryable: false },
          { status: 500 },
        ),
    );
    expect(results).toHaveLength(12);
    expect(cell(results, "splitRuns", "create")).toMatchObject({ outcome: "mismatch" });
    expect(cell(results, "splitRuns", "delete")).toMatchObject({
      outcome: "skipped",
      summary: "not reached",
    });
  });
});
