import { createClient, type DeleteManyReport } from "@extendkit/core";
import { createEmulator, EMULATOR_API_KEY, type FaultScenarioId } from "@extendkit/emulator";
import { type ClientView, watchClient } from "./client-view.ts";
import { CANCELLABLE_KINDS, seedTargets } from "./seed-targets.ts";
import { seededRandom } from "./seeded-random.ts";
import { shareTime } from "./shared-time.ts";

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
  const emulator = createEmulator({ seed, strict: false });
  const time = shareTime(emulator);
  const { targets, bystanders } = seedTargets(emulator, n, { kinds: CANCELLABLE_KINDS });
  emulator.installScenario(scenario);
  const view = watchClient((r) => emulator.fetch(r), time.clock.now);
  const client = createClient({
    apiKey: EMULATOR_API_KEY,
    baseUrl: "http://emulator.test",
    fetch: view.fetch,
    clock: time.clock,
    random: seededRandom(seed),
  });
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
