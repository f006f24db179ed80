import { type ClientOptions, createTinyClient } from "@extendkit/core";
import {
  createRng,
  EMULATOR_API_KEY,
  type EmulatorOptions,
  type Switches,
} from "@extendkit/emulator";
import { setupEmulatedClient } from "./setup-emulated-client.ts";

/**
 * Who sends a run-id call: the full client's `client.<resource>.<verb>`, its router
 * `client.runs.<verb>`, or `createTinyClient`'s `<resource>.<verb>` (its own retry loop).
 */
export type Subject = "resource" | "runs" | "tiny";
export type RunVerb = "retrieve" | "cancel" | "delete";
/** How a call ended, once the shared clock has run it to its end. */
export type Settled<T = unknown> = { ok: true; value: T } | { ok: false; error: unknown };

type VerbMethods = Partial<Record<RunVerb, (id: string) => Promise<unknown>>>;

/**
 * An emulator answering with `switches` (everything else default), a full client and a tiny client
 * on one shared virtual clock, both seeded by `seed`. Runs that are PENDING or PROCESSING stay so
 * for an hour of emulator time unless `emulator.durations` says otherwise, so a call's waits never
 * move a run on by themselves. `client` options go to both clients (the tiny one ignores those it
 * does not honour); its `apiKey` must then be a string.
 */
export function setupSwitchCase(
  switches: Partial<Switches>,
  seed: number,
  options: { emulator?: EmulatorOptions; client?: Partial<ClientOptions> } = {},
) {
  const { emulator, time, view, client } = setupEmulatedClient(
    {
      seed,
      durations: { pendingMs: 3_600_000, processingMs: 3_600_000, cancellingMs: 500 },
      ...options.emulator,
      switches,
    },
    options.client,
  );
  const tiny = createTinyClient({
    baseUrl: "http://emulator.test",
    fetch: view.fetch,
    clock: time.clock,
    random: createRng(seed).next,
    ...options.client,
    apiKey: (options.client?.apiKey as string | undefined) ?? EMULATOR_API_KEY,
  });
  /** Runs `promise` on the shared clock and captures how it ended, never rejecting. */
  const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
    time.drive(promise).then(
      (value) => ({ ok: true, value }) as const,
      (error: unknown) => ({ ok: false, error }) as const,
    );
  /** `verb` of run `id` through `subject`, not yet driven; a run `subject` cannot `verb` throws. */
  const send = (subject: Subject, verb: RunVerb, id: string): Promise<unknown> => {
    if (subject === "runs") return client.runs[verb](id);
    const resource = client.runs.resourceFor(id);
    const holder = (subject === "tiny" ? tiny : client) as unknown as Record<string, VerbMethods>;
    const methods = resource === undefined ? undefined : holder[resource];
    const method = methods?.[verb];
    if (method === undefined) throw new Error(`${subject} has no ${resource}.${verb}`);
    return method.call(methods, id);
  };
  /** `send`, driven to its end. */
  const call = (subject: Subject, verb: RunVerb, id: string) => settle(send(subject, verb, id));
  /** Statuses the emulator answered to requests naming `id` (null: the answer was lost to a reset). */
  const answers = (id: string) =>
    emulator.records.requests.filter((r) => r.path.includes(id)).map((r) => r.status);
  return { emulator, time, view, client, tiny, settle, send, call, answers };
}

export type SwitchCase = ReturnType<typeof setupSwitchCase>;
