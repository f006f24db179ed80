import type { DeleteManyReport } from "@extendkit/core";
import type { createEmulator, FaultScenarioId } from "@extendkit/emulator";
import type { ClientView } from "./client-view.ts";
import { CANCELLABLE_KINDS, seedTargets } from "./seed-targets.ts";
import { setupEmulatedClient } from "./setup-emulated-client.ts";

export interface PurgeScenarioResult {
  targets: string[];
  bystanders: string[];
  /** One report per pass; the last pass found nothing left. */
  passes: DeleteManyReport[];
  emulator: ReturnType<typeof createEmulator>;
  view: ClientView;
}

/**
 * The purge loop the CLI runs, against a list that changes under it (F18: offset pages that shift
 * as deletes land, empty pages, repeated tokens): list every matching run (`client.runs.find`)
 * into a snapshot, delete the snapshot, and list again until a pass finds nothing (catalogue PG8).
 */
export async function runPurgeScenario(
  scenario: FaultScenarioId,
  seed: number,
  n: number,
  maxPasses = 5,
): Promise<PurgeScenarioResult> {
  const { emulator, time, view, client } = setupEmulatedClient({ seed });
  const { targets, bystanders } = seedTargets(emulator, n, { kinds: CANCELLABLE_KINDS });
  emulator.installScenario(scenario);
  const passes: DeleteManyReport[] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    const snapshot: string[] = [];
    await time.drive(
      (async () => {
        for await (const run of client.runs.find({
          olderThan: "30d",
          metadata: { purge: "yes" },
        })) {
          snapshot.push(run.id);
        }
      })(),
    );
    const report = await time.drive(client.runs.deleteMany(snapshot));
    passes.push(report);
    if (snapshot.length === 0) break;
  }
  return { targets, bystanders, passes, emulator, view };
}
