import { type CancelManyReport, createClient } from "@extendkit/core";
import { createEmulator, EMULATOR_API_KEY, type FaultScenarioId } from "@extendkit/emulator";
import { type ClientView, watchClient } from "./client-view.ts";
import { CANCELLABLE_KINDS, seedTargets } from "./seed-targets.ts";
import { seededRandom } from "./seeded-random.ts";
import { shareTime } from "./shared-time.ts";

export interface CancelScenarioResult {
  scenario: FaultScenarioId;
  seed: number;
  targets: string[];
  bystanders: string[];
  report: CancelManyReport;
  emulator: ReturnType<typeof createEmulator>;
  view: ClientView;
}

/**
 * Seeds `n` PROCESSING runs of every cancellable kind (they stay PROCESSING for an hour, so only
 * the scenario's race, not the clock, finishes them), installs `scenario`, and cancels them all
 * with `client.runs.cancelMany` on one shared virtual clock.
 */
export async function runCancelScenario(
  scenario: FaultScenarioId,
  seed: number,
  n: number,
): Promise<CancelScenarioResult> {
  const emulator = createEmulator({ seed, strict: false, durations: { processingMs: 3_600_000 } });
  const time = shareTime(emulator);
  const { targets, bystanders } = seedTargets(emulator, n, {
    kinds: CANCELLABLE_KINDS,
    status: "PROCESSING",
  });
  emulator.installScenario(scenario);
  const view = watchClient((r) => emulator.fetch(r), time.clock.now);
  const client = createClient({
    apiKey: EMULATOR_API_KEY,
    baseUrl: "http://emulator.test",
    fetch: view.fetch,
    clock: time.clock,
    random: seededRandom(seed),
  });
  const report = await time.drive(client.runs.cancelMany(targets));
  return { scenario, seed, targets, bystanders, report, emulator, view };
}
