import type { CancelScenarioResult } from "./run-cancel-scenario.ts";

/** I8 for cancels: the cancel of a target, or the read that settles a cancel's lost answer. */
const ROUTES = /^(workflowRuns|extractRuns|parseRuns|classifyRuns|splitRuns)\.(cancel|retrieve)$/;

/**
 * I11 and the cancel side of I1–I3: every ID in one bucket; `cancelled` only when the emulator
 * shows CANCELLED and applied our cancel exactly once; `alreadyTerminal(status)` only with that
 * status shown and no cancel of ours applied (unless the status is CANCELLED after our lost
 * answer); no run cancelled twice; bystanders untouched; bounded amplification (I6: at most 10
 * requests per run, every one the client sent reaching the emulator); only cancel routes and the
 * reads that settle them, only target IDs (I8).
 */
export function checkCancelInvariants(result: CancelScenarioResult, concurrency = 8): string[] {
  const { report, targets, bystanders, emulator, view } = result;
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);
  const n = targets.length;
  const listed = [
    ...report.cancelled,
    ...report.alreadyTerminal.map((t) => t.id),
    ...report.notFound,
    ...report.failed.map((f) => f.id),
    ...report.notAttempted,
  ];
  if (listed.length !== n || new Set(listed).size !== n) {
    fail(
      `I3: the report lists ${listed.length} entries (${new Set(listed).size} distinct) for ${n} IDs`,
    );
  }
  const c = report.counts;
  if (c.cancelled + c.alreadyTerminal + c.notFound + c.failed + c.notAttempted !== n) {
    fail(`I3: counts do not add up: ${JSON.stringify(c)}`);
  }
  let misstated = 0;
  const note = (message: string) => {
    misstated++;
    if (misstated <= 5) fail(message);
  };
  for (const id of report.cancelled) {
    const run = emulator.getRun(id);
    const e = emulator.records.effects(id);
    if (run?.status !== "CANCELLED" && run?.status !== "CANCELLING") {
      note(`I11: ${id} counted cancelled but shows ${String(run?.status)}`);
    }
    if (e.cancelled !== 1) note(`I11: ${id} counted cancelled with ${e.cancelled} cancel effects`);
  }
  for (const { id, status } of report.alreadyTerminal) {
    const run = emulator.getRun(id);
    if (run?.status !== status)
      note(`I11: ${id} reported ${status} but shows ${String(run?.status)}`);
    if (emulator.records.effects(id).cancelled !== 0)
      note(`I11: ${id} reported ${status} yet our cancel applied`);
  }
  for (const id of targets) {
    if (emulator.records.effects(id).cancelled > 1) note(`I1: ${id} cancelled twice`);
  }
  if (misstated > 0) fail(`I11: ${misstated} outcomes misstated`);
  if (report.failed.length > 0)
    fail(`I2: ${report.failed.length} failed: ${String(report.failed[0]?.error)}`);
  for (const id of bystanders) {
    const e = emulator.records.effects(id);
    if (e.cancelled + e.deleted !== 0) fail(`I1: bystander ${id} was touched`);
  }
  if (view.retryAfterViolations !== 0)
    fail(`I5: ${view.retryAfterViolations} requests before Retry-After`);
  if (emulator.records.maxInFlight > concurrency)
    fail(`I7: ${emulator.records.maxInFlight} in flight`);
  const requests = emulator.records.requests.length;
  if (requests > 10 * n) fail(`I6: ${requests} requests for ${n} runs (bound ${10 * n})`);
  if (requests !== view.sent)
    fail(`I6: emulator saw ${requests} requests, client sent ${view.sent}`);
  const targetSet = new Set(targets);
  for (const r of emulator.records.requests) {
    const id = decodeURIComponent(r.path.split("?")[0]?.split("/")[2] ?? "");
    if (!ROUTES.test(r.operationId ?? "") || !targetSet.has(id)) {
      fail(`I8: unexpected request ${r.method} ${r.path} (${r.operationId})`);
      break;
    }
  }
  return problems;
}
