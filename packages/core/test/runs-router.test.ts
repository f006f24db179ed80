// client.runs: routing by id prefix (REFERENCE §1.5, spec x-extendkit-run-types).
import { InvalidArgumentError, runTypes } from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { expectNoCanary } from "./helpers/canary.ts";
import { makeClient } from "./helpers/make-client.ts";

const echo = (request: Request) => {
  const id = decodeURIComponent(new URL(request.url).pathname.split("/")[2] ?? "");
  return Response.json({ id, status: "CANCELLED" });
};

describe("client.runs", () => {
  it.each([
    ["workflow_run_1", "/workflow_runs/workflow_run_1"],
    ["exr_1", "/extract_runs/exr_1"],
    ["pr_1", "/parse_runs/pr_1"],
    ["clr_1", "/classify_runs/clr_1"],
    ["splr_1", "/split_runs/splr_1"],
    ["edr_1", "/edit_runs/edr_1"],
    ["sgr_1", "/form_detection_runs/sgr_1"],
    ["bpr_1", "/batch_runs/bpr_1"],
    ["bpar_1", "/batch_runs/bpar_1"],
    ["batch_processor_run_1", "/batch_processor_runs/batch_processor_run_1"],
  ])("retrieve(%s) reads %s", async (id, path) => {
    const { client, hits, settle } = makeClient([echo]);
    await expect(settle(client.runs.retrieve(id))).resolves.toMatchObject({ id });
    expect(hits.map((h) => `${h.method} ${new URL(h.url).pathname}`)).toEqual([`GET ${path}`]);
  });

  it("covers every prefix of the generated table", () => {
    const { client } = makeClient([]);
    for (const type of runTypes)
      expect(client.runs.resourceFor(`${type.prefix}x`)).toBe(type.resource);
  });

  it("cancel and delete route the same way", async () => {
    const { client, hits, settle } = makeClient([echo]);
    await settle(client.runs.cancel("clr_1"));
    await settle(client.runs.delete("workflow_run_1"));
    expect(hits.map((h) => `${h.method} ${new URL(h.url).pathname}`)).toEqual([
      "POST /classify_runs/clr_1/cancel",
      "DELETE /workflow_runs/workflow_run_1",
    ]);
  });

  it("the longest prefix wins (batch_processor_run_ is not read as a shorter prefix)", () => {
    const { client } = makeClient([]);
    expect(client.runs.resourceFor("batch_processor_run_x")).toBe("batchProcessorRuns");
    expect(client.runs.resourceFor("bpar_x")).toBe("batchRuns");
    expect(client.runs.resourceFor("exr_x")).toBe("extractRuns");
  });

  it.each(["run_123", "ex_123", "file_123", "workflow_123"])(
    "an unknown prefix (%s) is a clear client-side error; nothing is sent",
    async (id) => {
      const { client, hits, logs, rejection } = makeClient([echo]);
      const error = await rejection(client.runs.retrieve(id));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toMatch(/no run type has the prefix/);
      expect(client.runs.resourceFor(id)).toBeUndefined();
      expect(hits).toHaveLength(0);
      expectNoCanary(error, logs);
    },
  );

  it.each([
    ["cancel", "edr_1"],
    ["cancel", "bpr_1"],
    ["delete", "sgr_1"],
    ["delete", "batch_processor_run_1"],
  ] as const)(
    "%s on a type without that operation (%s) is refused before sending",
    async (verb, id) => {
      const { client, hits, rejection } = makeClient([echo]);
      const error = await rejection(client.runs[verb](id));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toMatch(new RegExp(`has no ${verb} operation`));
      expect(hits).toHaveLength(0);
    },
  );

  it("validates the id like any path parameter first", async () => {
    const { client, hits, rejection } = makeClient([echo]);
    expect(await rejection(client.runs.delete("exr_../x"))).toBeInstanceOf(InvalidArgumentError);
    expect(hits).toHaveLength(0);
  });

  it("waitFor routes to the run's resource and returns the final run", async () => {
    const states = ["PROCESSING", "PROCESSED"];
    const { client, hits, settle } = makeClient([
      () =>
        Response.json({ object: "split_run", id: "splr_1", status: states.shift() ?? "PROCESSED" }),
    ]);
    await expect(settle(client.runs.waitFor("splr_1"))).resolves.toMatchObject({
      status: "PROCESSED",
    });
    expect(hits.map((h) => new URL(h.url).pathname)).toEqual([
      "/split_runs/splr_1",
      "/split_runs/splr_1",
    ]);
  });
});
