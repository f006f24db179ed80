import { type FaultScenarioId, faultScenarios } from "@extendkit/emulator";

/**
 * The emulator's fault scenarios a delete job takes from a list of IDs: all but F18, whose faults
 * are in list answers (purge-matrix.test.ts lists, then deletes, under it). In scenario order.
 */
export const DELETE_SCENARIOS = (Object.keys(faultScenarios) as FaultScenarioId[]).filter(
  (id) => id !== "F18",
);
