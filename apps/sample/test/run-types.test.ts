import { operationTable } from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { runResources, supports } from "../src/run-resource.ts";
import { runTypeScenarios } from "../src/run-types.ts";

// The map's exhaustiveness is a typecheck (`satisfies`); these tests pin the same facts at run
// time and against REFERENCE §2 and §4.2, so a wrong generator cannot make both agree silently.
describe("the run-type map", () => {
  it("has exactly one row per run resource of the operation table", () => {
    expect(Object.keys(runTypeScenarios).sort()).toEqual([...runResources].sort());
    expect(runResources).toHaveLength(11);
  });

  it("lists cancellable statuses exactly for the types the spec can cancel", () => {
    for (const resource of runResources) {
      const { cancellableWhile } = runTypeScenarios[resource];
      expect(cancellableWhile.length > 0, resource).toBe(supports(resource, "cancel"));
    }
  });

  it("matches REFERENCE §2 on which types have cancel and delete", () => {
    const can = (kind: "cancel" | "delete") => runResources.filter((r) => supports(r, kind));
    expect(can("cancel")).toEqual([
      "workflowRuns",
      "extractRuns",
      "parseRuns",
      "classifyRuns",
      "splitRuns",
      "processorRuns",
    ]);
    expect(can("delete")).toEqual([
      "workflowRuns",
      "extractRuns",
      "parseRuns",
      "classifyRuns",
      "splitRuns",
      "editRuns",
      "processorRuns",
    ]);
    expect(runTypeScenarios.workflowRuns.cancellableWhile).toEqual(["PENDING", "PROCESSING"]);
  });

  it("creates each type with an operation of the spec", () => {
    const ids = new Set<string>(operationTable.map((op) => op.operationId));
    for (const resource of runResources) {
      const [method] = runTypeScenarios[resource].createdWith.split(" ");
      const [name, verb] = (method ?? "").split(".");
      const op = operationTable.find((o) => o.resource === name && o.name === verb);
      expect(op && ids.has(op.operationId), `${resource}: ${method}`).toBe(true);
    }
  });
});
