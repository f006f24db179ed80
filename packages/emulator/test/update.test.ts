import { describe, expect, it } from "vitest";
import { CREATE, setup } from "./helpers.ts";

describe("workflow run update", () => {
  it("merges metadata (incoming keys win), at any status", async () => {
    const { emu, call } = setup();
    const run = await call("POST", "/workflow_runs", {
      ...(CREATE["/workflow_runs"] as object),
      metadata: { a: 1, b: 2 },
    });
    const res = await call("POST", `/workflow_runs/${run.body.id}`, {
      name: "March",
      metadata: { b: 3, c: 4 },
    });
    expect(res.body.metadata).toEqual({ a: 1, b: 3, c: 4 });
    await emu.clock.advance(5000);
    const later = await call("POST", `/workflow_runs/${run.body.id}`, { metadata: { d: 5 } });
    expect(later.body).toMatchObject({ status: "PROCESSED", metadata: { a: 1, b: 3, c: 4, d: 5 } });
    expect(emu.records.effects(run.body.id).updated).toBe(2);
  });

  it("an unknown run is 404; a non-object metadata is 400", async () => {
    const { call } = setup();
    expect((await call("POST", "/workflow_runs/workflow_run_nope", { metadata: {} })).status).toBe(
      404,
    );
    const run = await call("POST", "/workflow_runs", CREATE["/workflow_runs"]);
    expect((await call("POST", `/workflow_runs/${run.body.id}`, { metadata: "x" })).status).toBe(
      400,
    );
  });
});
