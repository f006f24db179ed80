import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { setup } from "./helpers.ts";

// Every operation of the spec, driven with the spec's own request examples: each answers 200 with a
// body that strict mode has validated against the spec (a mismatch would reject the fetch).
const spec = parse(readFileSync(new URL("../../../spec/openapi.yaml", import.meta.url), "utf8"));

const KIND_OF_PATH: Record<string, string> = {
  workflow_runs: "workflowRuns",
  extract_runs: "extractRuns",
  parse_runs: "parseRuns",
  classify_runs: "classifyRuns",
  split_runs: "splitRuns",
  edit_runs: "editRuns",
  form_detection_runs: "formDetectionRuns",
  batch_runs: "batchRuns",
  evaluation_set_runs: "evaluationSetRuns",
  processor_runs: "extractRuns",
  batch_processor_runs: "batchProcessorRuns",
};

const operations: Array<{ id: string; method: string; path: string; example: unknown }> = [];
for (const [path, item] of Object.entries<
  Record<
    string,
    { operationId: string; requestBody?: { content: Record<string, { example?: unknown }> } }
  >
>(spec.paths))
  for (const [method, op] of Object.entries(item))
    operations.push({
      id: op.operationId,
      method: method.toUpperCase(),
      path,
      example: op.requestBody?.content["application/json"]?.example,
    });

describe("every operation of the spec", () => {
  it("has 51 operations", () => expect(operations).toHaveLength(51));

  it.each(operations)("$id ($method $path) answers 200 with a spec-valid body", async (op) => {
    const { emu, call } = setup();
    let path = op.path;
    if (path.includes("{id}")) {
      const kind = KIND_OF_PATH[path.split("/")[1] as string] as never;
      // A cancel needs a run that can still be cancelled; everything else takes a finished run.
      const status = op.id.endsWith(".cancel") ? "PROCESSING" : "PROCESSED";
      const run = emu.seedRun({ kind, status, memberCount: 2 });
      path = path.replace("{id}", String(run.id));
    }
    const res = await call(op.method, path, op.example);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("x-extend-request-id")).toMatch(/^req_[A-Za-z0-9]{22}$/);
    expect(emu.records.violations).toEqual([]);
  });
});
