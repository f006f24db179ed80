import type { CancelManyReport } from "@extendkit/core";
import type { createEmulator, FaultScenarioId } from "@extendkit/emulator";
import type { ClientView } from "./client-view.ts";
import { CANCELLABLE_KINDS, seedTargets } from "./seed-targets.ts";
import { setupEmulatedClient } from "./setup-emulated-client.ts";

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
  const { emulator, time, view, client } = setupEmulatedClient({
    seed,
    durations: { processingMs: 3_600_000 },
  });
  const { targets, bystanders } = seedTargets(emulator, n, {
    kinds: CANCELLABLE_KINDS,
    status: "PROCESSING",
  });
  emulator.installScenario(scenario);
  const report = await time.drive(client.runs.cancelMany(targets));
  return { scenario, seed, targets, bystanders, report, emulator, view };
}
