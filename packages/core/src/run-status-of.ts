/**
 * The `status` of a run body: the run itself, or the legacy wrappers `{ processorRun }` and
 * `{ batchProcessorRun }`. Undefined when there is none.
 */
export function runStatusOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const run = record.processorRun ?? record.batchProcessorRun ?? record;
  const status =
    typeof run === "object" && run !== null ? (run as { status?: unknown }).status : undefined;
  return typeof status === "string" ? status : undefined;
}

/** Statuses of a run that is still moving; every other status is final (as in the SDK's pollers). */
export const ACTIVE_STATUSES: ReadonlySet<string> = new Set([
  "PENDING",
  "PROCESSING",
  "CANCELLING",
]);
