import { ExtendError, NotFoundError } from "@extendkit/core";
import type { FaultScenarioId } from "@extendkit/emulator";
import { createEmulatedTinyClient } from "./create-emulated-tiny-client.ts";
import { CANCELLABLE_KINDS, seedTargets } from "./seed-targets.ts";
import { setupEmulatedClient } from "./setup-emulated-client.ts";

/** The single-call methods this matrix sends; a tiny resource has a subset of them. */
type TinyVerbs = Partial<Record<"delete" | "cancel", (id: string) => Promise<unknown>>>;

/** Calls in flight at once: a service deleting or cancelling runs one call at a time, in parallel. */
const CONCURRENCY = 8;

/**
 * Which client's single-call path is under test: the full client's `client.runs.<verb>(id)`, or
 * `createTinyClient`'s `tiny[resource].<verb>(id)` (the resource found by `runs.resourceFor(id)`),
 * whose own compact retry loop must keep the same contract.
 */
export type SingleCallSubject = "runs" | "tiny";

/**
 * Seeds `n` runs (every deletable kind, PROCESSED, for `delete`; every cancellable kind,
 * PROCESSING for an hour, for `cancel`), installs `scenario`, and sends one `<verb>` call per run
 * through `subject`, `CONCURRENCY` at a time, on one shared virtual clock — the single-call path,
 * not the bulk helpers. Returns what broke the single-call contract, one line per run (empty: none):
 * - a call that resolved must have taken effect (delete: the run is gone; cancel: it is
 *   CANCELLED or CANCELLING);
 * - a call that failed must fail with a typed `ExtendError`, and unless the error says
 *   `outcomeUnknown` (or the run is not found), nothing may have happened to the run;
 * - no run is deleted or cancelled twice.
 */
export async function runSingleCalls(
  verb: "delete" | "cancel",
  scenario: FaultScenarioId,
  seed: number,
  n: number,
  subject: SingleCallSubject,
): Promise<string[]> {
  const { emulator, time, view, client } = setupEmulatedClient({
    seed,
    durations: { processingMs: 3_600_000 },
  });
  const tiny = subject === "tiny" ? createEmulatedTinyClient(view, time, seed) : undefined;
  /** One call through the subject; an id no tiny resource can `verb` is a problem, not a skip. */
  const call = async (id: string): Promise<unknown> => {
    if (tiny === undefined) return client.runs[verb](id);
    const resource = client.runs.resourceFor(id);
    const method = resource === undefined ? undefined : (tiny[resource] as TinyVerbs)[verb];
    if (method === undefined) throw new Error(`no tiny ${resource ?? "resource"}.${verb}`);
    return method(id);
  };
  const { targets } =
    verb === "delete"
      ? seedTargets(emulator, n)
      : seedTargets(emulator, n, { kinds: CANCELLABLE_KINDS, status: "PROCESSING" });
  emulator.installScenario(scenario);
  const tookEffect = (id: string) => {
    const run = emulator.getRun(id) as { status?: string } | undefined;
    return verb === "delete"
      ? run === undefined
      : run?.status === "CANCELLED" || run?.status === "CANCELLING";
  };
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const id = targets[next++] as string;
      try {
        await call(id);
        if (!tookEffect(id)) problems.push(`${id}: ${verb} resolved, but it did not take effect`);
      } catch (error) {
        if (!(error instanceof ExtendError)) {
          problems.push(`${id}: ${verb} failed with an untyped ${String(error)}`);
        } else if (
          !(error as { outcomeUnknown?: boolean }).outcomeUnknown &&
          !(error instanceof NotFoundError) &&
          tookEffect(id)
        ) {
          problems.push(
            `${id}: ${verb} took effect, but failed without outcomeUnknown: ${error.message}`,
          );
        }
      }
      const effects = emulator.records.effects(id);
      if ((verb === "delete" ? effects.deleted : effects.cancelled) > 1) {
        problems.push(`${id}: ${verb} took effect twice`);
      }
    }
  };
  await time.drive(Promise.all(Array.from({ length: CONCURRENCY }, worker)));
  return problems;
}
