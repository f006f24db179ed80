import { describe, expect, it } from "vitest";
import { readEvents } from "../src/host/read-events.ts";
import type { StepResult } from "../src/step-result.ts";

const step: StepResult = {
  runType: "editRuns",
  step: "cancel",
  outcome: "refused",
  summary: "no endpoint",
  calls: [],
  ms: 1,
};

async function* chunks(...parts: string[]) {
  yield* parts;
}

describe("readEvents", () => {
  it("reassembles lines split across chunks and stops at done", async () => {
    const line = JSON.stringify({ type: "step", result: step });
    const seen: StepResult[] = [];
    await readEvents(chunks(line.slice(0, 10), `${line.slice(10)}\n\n`, '{"type":"done"}\n'), (r) =>
      seen.push(r),
    );
    expect(seen).toEqual([step]);
  });

  it("rejects on fatal, on noise and on an early end", async () => {
    await expect(
      readEvents(chunks('{"type":"fatal","message":"boom"}\n'), () => {}),
    ).rejects.toThrow("boom");
    await expect(readEvents(chunks("Warning: something\n"), () => {})).rejects.toThrow(
      "unexpected output: Warning",
    );
    await expect(readEvents(chunks(""), () => {})).rejects.toThrow("before reporting");
  });
});
