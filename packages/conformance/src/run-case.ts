import type { Backend } from "./backend.ts";
import { type Case, cases, type MakeClient } from "./cases.ts";

/** Runs `act` of the case named `name` here, in the runtime under test; resolves to JSON. */
export async function act(name: string, make: MakeClient, params: unknown): Promise<unknown> {
  const found = cases.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no conformance case named ${name}`);
  return JSON.parse(JSON.stringify((await found.act(make, params)) ?? null));
}

/**
 * Runs one case: setup and check beside `backend`, `act` through `remote` (workerd, Chromium)
 * or in this process. The result goes through JSON either way, so every runtime is judged on the
 * same serialised outcome.
 */
export async function runCase(
  found: Case,
  backend: Backend,
  run: { make: MakeClient } | { remote: (name: string, params: unknown) => Promise<unknown> },
): Promise<void> {
  backend.reset();
  const params = JSON.parse(JSON.stringify((await found.setup(backend)) ?? null));
  const result =
    "make" in run ? await act(found.name, run.make, params) : await run.remote(found.name, params);
  found.check(result, params, backend);
}
