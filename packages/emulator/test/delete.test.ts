import { describe, expect, it } from "vitest";
import { CREATE, setup } from "./helpers.ts";

describe("delete removes the run and its data", () => {
  it.each([
    "/workflow_runs",
    "/extract_runs",
    "/classify_runs",
    "/split_runs",
    "/parse_runs",
    "/edit_runs",
  ])("%s: afterwards get, cancel, delete and list all show it gone", async (path) => {
    const { emu, call } = setup();
    const run = await call("POST", path, CREATE[path]);
    const id = run.body.id;
    const del = await call("DELETE", `${path}/${id}`);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ id });
    expect((await call("GET", `${path}/${id}`)).status).toBe(404);
    if (path !== "/edit_runs") {
      expect((await call("POST", `${path}/${id}/cancel`)).status).toBe(404);
      expect((await call("GET", path)).body.data).toEqual([]);
    }
    expect((await call("DELETE", `${path}/${id}`)).status).toBe(404);
    expect(emu.records.effects(id)).toMatchObject({ created: 1, deleted: 1 });
    expect(emu.getRun(id)).toBeUndefined();
  });

  it("a cancelled run can then be deleted (cancel followed by delete)", async () => {
    const { emu, call } = setup();
    const run = await call("POST", "/workflow_runs", CREATE["/workflow_runs"]);
    await call("POST", `/workflow_runs/${run.body.id}/cancel`);
    await emu.clock.advance(500);
    expect((await call("DELETE", `/workflow_runs/${run.body.id}`)).status).toBe(200);
    expect(emu.records.effects(run.body.id)).toMatchObject({ cancelled: 1, deleted: 1 });
  });

  it("a run is deleted only through its own type's endpoint", async () => {
    const { call } = setup();
    const run = await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    expect((await call("DELETE", `/parse_runs/${run.body.id}`)).status).toBe(404);
    expect((await call("GET", `/extract_runs/${run.body.id}`)).status).toBe(200);
  });

  it("legacy delete answers the legacy body and removes the run from the new API too", async () => {
    const { call } = setup();
    const run = await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    const res = await call("DELETE", `/processor_runs/${run.body.id}`);
    expect(res.body).toEqual({
      success: true,
      documentProcessorRunId: run.body.id,
      message: "Document processor run data has been successfully deleted.",
    });
    expect((await call("GET", `/extract_runs/${run.body.id}`)).status).toBe(404);
    expect((await call("GET", `/processor_runs/${run.body.id}`)).status).toBe(404);
  });

  it("deleting batch members leaves other runs untouched (effects)", async () => {
    const { emu, call } = setup();
    const ids = [];
    for (let i = 0; i < 5; i++)
      ids.push((await call("POST", "/parse_runs", CREATE["/parse_runs"])).body.id);
    for (const id of ids.slice(0, 3)) await call("DELETE", `/parse_runs/${id}`);
    expect(ids.map((id) => emu.records.effects(id).deleted)).toEqual([1, 1, 1, 0, 0]);
    expect(emu.runIds({ kind: "parseRuns" })).toEqual(ids.slice(3));
  });
});
