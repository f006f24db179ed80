import type { Emulator, RunKind } from "@extendkit/emulator";

const DAY = 86_400_000;
const KINDS: RunKind[] = [
  "workflowRuns",
  "extractRuns",
  "parseRuns",
  "classifyRuns",
  "splitRuns",
  "editRuns",
];
const CUSTOMERS = ["acme", "globex", "initech"];

/**
 * The runs `--emulator` starts with: for each run type, 12 runs created 3 to 135 days ago (every
 * 12 days), for three customers (`metadata.customer`); most PROCESSED, one FAILED and two still
 * PROCESSING per type (so `runs cancel` has something to cancel). The same every time.
 */
export function seedDemoRuns(emulator: Emulator): void {
  const now = emulator.clock.now();
  for (const kind of KINDS) {
    for (let i = 0; i < 12; i++) {
      emulator.seedRun({
        kind,
        createdAt: now - (3 + i * 12) * DAY,
        status: i < 2 && kind !== "editRuns" ? "PROCESSING" : i === 5 ? "FAILED" : "PROCESSED",
        metadata: { customer: CUSTOMERS[i % CUSTOMERS.length] as string },
      });
    }
  }
}
