import type { DeleteScenarioResult } from "./run-delete-scenario.ts";

/** Scenarios where some IDs may legitimately end as failed (I2): non-retryable 500s (F08). */
const MAY_FAIL = new Set(["F08"]);
/** Scenarios bounded at 1.5 × N requests (I6); every other one at N × maxAttempts. */
const TIGHT_LOAD = new Set(["F07", "F20"]);
const ROUTES = /^(workflowRuns|extractRuns|parseRuns|classifyRuns|splitRuns|editRuns)\.delete$/;

/**
 * Checks invariants I1–I8 of reliability §4.2 on one delete scenario run and returns what broke
 * (an empty list when everything holds). "Lost" runs are targets whose fate the report misstates.
 * After an abort (`result.abortedAt`), also I9 — the job stopped as aborted, and no request
 * started after the abort — and the report may leave IDs not attempted, or failed (those in
 * flight when it came); every one of them must still match the ledger.
 */
export function checkDeleteInvariants(result: DeleteScenarioResult, concurrency = 8): string[] {
  const { report, targets, bystanders, emulator, view, scenario, abortedAt } = result;
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);
  const n = targets.length;
  const targetSet = new Set(targets);

  // I3: every ID once, in one list; counts add up and match the lists.
  const listed = [
    ...report.deleted,
    ...report.alreadyAbsent,
    ...report.notFound,
    ...report.failed.map((f) => f.id),
    ...report.notAttempted,
  ];
  if (listed.length !== n || new Set(listed).size !== n) {
    fail(
      `I3: the report lists ${listed.length} entries (${new Set(listed).size} distinct) for ${n} IDs`,
    );
  }
  for (const id of listed) if (!targetSet.has(id)) fail(`I3: the report lists an unknown id ${id}`);
  const c = report.counts;
  if (c.deleted + c.alreadyAbsent + c.notFound + c.failed + c.notAttempted !== n || c.total !== n) {
    fail(`I3: counts do not add up: ${JSON.stringify(c)}`);
  }

  // I1 and I3 against the ledger: exactly one delete effect per target, and the right bucket.
  const failedIds = new Set(report.failed.map((f) => f.id));
  const bucket = new Map<string, string>();
  for (const id of report.deleted) bucket.set(id, "deleted");
  for (const id of report.alreadyAbsent) bucket.set(id, "alreadyAbsent");
  for (const id of report.notFound) bucket.set(id, "notFound");
  for (const id of report.notAttempted) bucket.set(id, "notAttempted");
  for (const id of failedIds) bucket.set(id, "failed");
  let lost = 0;
  for (const id of targets) {
    const e = emulator.records.effects(id);
    const effects = e.deleted + e.deletedByOthers;
    const present = emulator.getRun(id) !== undefined;
    const outcome = bucket.get(id);
    if (e.deleted > 1 || effects > 1) fail(`I1: ${id} was deleted ${effects} times`);
    const consistent =
      outcome === "deleted"
        ? e.deleted === 1 && !present
        : outcome === "alreadyAbsent"
          ? effects === 1 && !present
          : outcome === "notFound"
            ? e.deleted === 0 && e.deletedByOthers === 1 && !present
            : outcome === "notAttempted"
              ? effects === 0 && present
              : outcome === "failed";
    if (!consistent) {
      lost++;
      if (lost <= 5)
        fail(
          `I3: ${id} is reported ${outcome} but the ledger shows ${JSON.stringify(e)}, present=${present}`,
        );
    }
  }
  if (lost > 0) fail(`I3: ${lost} runs whose outcome the report misstates (lost)`);

  // I2: every target ends absent unless reported failed; failed = 0 where no fault is permanent.
  for (const id of targets) {
    if (
      emulator.getRun(id) !== undefined &&
      !failedIds.has(id) &&
      !report.notAttempted.includes(id)
    ) {
      fail(`I2: ${id} still exists but is not reported failed`);
    }
  }
  if (abortedAt !== undefined) {
    // I9: the abort ends the job at once: nothing sent after it, and the report says so.
    const late = emulator.records.requests.filter((r) => r.at > abortedAt).length;
    if (late > 0) fail(`I9: ${late} requests after the abort`);
    if (report.stopped?.reason !== "aborted")
      fail(`I9: the job stopped as ${report.stopped?.reason ?? "done"}, not aborted`);
  } else {
    if (!MAY_FAIL.has(scenario) && report.failed.length > 0) {
      fail(
        `I2: ${report.failed.length} failed under ${scenario}: ${String(report.failed[0]?.error)}`,
      );
    }
    if (report.notAttempted.length > 0)
      fail(`I2: ${report.notAttempted.length} never attempted after resuming`);
  }
  // F16 alone: not found is exactly the set someone else deleted. After an abort, a run deleted
  // by someone else while our request was in flight is reported failed (no answer came), so there
  // only the ledger check above holds: every notFound was deleted by someone else.
  if (scenario === "F16" && abortedAt === undefined) {
    const others = targets.filter((id) => emulator.records.effects(id).deletedByOthers === 1);
    if (
      others.length !== report.notFound.length ||
      !others.every((id) => bucket.get(id) === "notFound")
    ) {
      fail(
        `I3: notFound (${report.notFound.length}) is not exactly the F16 set (${others.length})`,
      );
    }
  }

  // Bystanders are never touched.
  for (const id of bystanders) {
    const e = emulator.records.effects(id);
    if (e.deleted + e.cancelled + e.updated !== 0 || emulator.getRun(id) === undefined) {
      fail(`I1: bystander ${id} was touched`);
    }
  }
  // I4 (report side): ok exactly when nothing failed or was left.
  if (report.ok !== (report.failed.length === 0 && report.notAttempted.length === 0)) {
    fail("I4: report.ok disagrees with its counts");
  }
  // I5: no request before an advertised Retry-After time, as the client could know it.
  if (view.retryAfterViolations !== 0)
    fail(`I5: ${view.retryAfterViolations} requests before Retry-After`);
  if (view.sameInstant > (concurrency - 1) * view.advisedRefusals) {
    fail(
      `I5: ${view.sameInstant} requests crossed ${view.advisedRefusals} refusals (more than K − 1 each)`,
    );
  }
  // I6: bounded amplification.
  const requests = emulator.records.requests.length;
  const bound = TIGHT_LOAD.has(scenario) ? 1.5 * n : 10 * n;
  if (requests > bound) fail(`I6: ${requests} requests for ${n} runs (bound ${bound})`);
  if (requests !== view.sent)
    fail(`I6: emulator saw ${requests} requests, client sent ${view.sent}`);
  // I7: never more than K in flight.
  if (emulator.records.maxInFlight > concurrency) {
    fail(`I7: ${emulator.records.maxInFlight} requests in flight (K = ${concurrency})`);
  }
  // I8: only delete routes, only target ids.
  for (const r of emulator.records.requests) {
    const id = decodeURIComponent(r.path.split("?")[0]?.split("/")[2] ?? "");
    if (!ROUTES.test(r.operationId ?? "") || !targetSet.has(id)) {
      fail(`I8: unexpected request ${r.method} ${r.path} (${r.operationId})`);
      break;
    }
  }
  return problems;
}
