// The smoke scenario every ESM consumer runs (Node ESM, Deno, the browser page); the CommonJS
// consumer has its own copy of these few lines. Contract: given a package's `createClient`,
// `ApiError` and `VERSION` and a config `{ clientOptions?, runs: [{ resource, id, cancel, retrieve }] }`,
// creates a client (adapters read the rest of their configuration from their environment),
// cancels each run (where its type can be cancelled) and deletes it, checks that reading it
// afterwards throws the package's own `ApiError` with status 404, and resolves to
// `{ steps, version }`. Any deviation throws.
export async function cancelAndDelete({ createClient, ApiError, VERSION }, config) {
  const client = createClient(config.clientOptions);
  const steps = [];
  for (const run of config.runs) {
    const resource = client[run.resource];
    if (run.cancel) {
      await resource.cancel(run.id);
      steps.push(`cancel ${run.id}`);
    }
    await resource.delete(run.id);
    steps.push(`delete ${run.id}`);
    let readable = true;
    try {
      await resource[run.retrieve](run.id);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      readable = false;
    }
    if (readable) throw new Error(`${run.resource} ${run.id} is still readable after delete`);
    steps.push(`gone ${run.id}`);
  }
  return { steps, version: VERSION };
}
