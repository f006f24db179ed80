import { createClient } from "@extendkit/core";
import { createEmulator, EMULATOR_API_KEY } from "@extendkit/emulator";
import { it } from "vitest";
import { shareTime } from "../src/shared-time.ts";

it("diag", async () => {
  const emu = createEmulator({ seed: 1, scenarios: ["F20"] });
  const time = shareTime(emu);
  const ids: string[] = [];
  for (let i = 0; i < 1000; i++)
    ids.push(emu.seedRun({ kind: "extractRuns", createdAt: "2026-01-01T00:00:00Z" }).id as string);
  const client = createClient({
    apiKey: EMULATOR_API_KEY,
    baseUrl: "http://emulator.test",
    fetch: emu.fetch,
    clock: time.clock,
    random: () => 0.5,
  });
  const t0 = time.clock.now();
  const report = await time.drive(client.runs.deleteMany(ids));
  const by: Record<string, number> = {};
  const perSec: Record<number, number> = {};
  for (const r of emu.records.requests) {
    const k = `${r.status} ${r.fault}`;
    by[k] = (by[k] ?? 0) + 1;
    const s = Math.floor((r.at - t0) / 5000) * 5;
    perSec[s] = (perSec[s] ?? 0) + 1;
  }
  console.log(JSON.stringify(report.counts), JSON.stringify(by), JSON.stringify(perSec));
}, 60_000);
