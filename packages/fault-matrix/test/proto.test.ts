import { createClient } from "@extendkit/core";
import { createEmulator, EMULATOR_API_KEY } from "@extendkit/emulator";
import { expect, it } from "vitest";
import { shareTime } from "../src/shared-time.ts";

for (const scenario of ["F01", "F03", "F04", "F05", "F06", "F07", "F20", "F14"] as const) {
  it(`proto ${scenario}`, async () => {
    const emu = createEmulator({ seed: 1, scenarios: [scenario] });
    const time = shareTime(emu);
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++)
      ids.push(
        emu.seedRun({ kind: "extractRuns", createdAt: "2026-01-01T00:00:00Z" }).id as string,
      );
    const client = createClient({
      apiKey: EMULATOR_API_KEY,
      baseUrl: "http://emulator.test",
      fetch: emu.fetch,
      clock: time.clock,
      random: () => 0.5,
    });
    const t = performance.now();
    const report = await time.drive(client.runs.deleteMany(ids));
    console.log(
      scenario,
      Math.round(performance.now() - t),
      "ms real;",
      (time.clock.now() - Date.parse("2026-03-01T00:00:00Z")) / 1000,
      "s virtual",
      JSON.stringify(report.counts),
      "requests",
      emu.records.requests.length,
      "maxInFlight",
      emu.records.maxInFlight,
      "ra-violations",
      emu.records.retryAfterViolations,
      "timers",
      time.fired,
    );
    expect(report.total).toBe(1000);
  }, 60_000);
}
