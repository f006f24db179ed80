// The smoke scenario every ESM consumer runs (Node ESM, Deno, the browser page); the CommonJS
// consumer has its own copy of these few lines. Contract: given a package's `createClient`,
// `ApiError` and `VERSION` and a config `{ clientOptions?, runs: [{ resource, id, cancel, retrieve }] }`,
// creates a client (adapters read the rest of their configuration from their environment),
// cancels each run (where its type can be cancelled) and deletes it, checks that reading it
// afterwards throws the package's own `ApiError` with status 404, and resolves to
// `{ steps, version }`. With `config.webhook` (`{ secret, headers, body, eventId }`, signed by the
// emulator) it also verifies that delivery with the package's `verifyWebhook` and checks that the
// same delivery with its body altered is refused. Any deviation throws.
export async function cancelAndDelete(pkg, config) {
  const { createClient, ApiError, VERSION } = pkg;
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
  if (config.webhook) steps.push(...(await checkWebhook(pkg, config.webhook)));
  return { steps, version: VERSION };
}

async function checkWebhook({ verifyWebhook, WebhookVerificationError }, delivery) {
  const { secret, headers, body, eventId } = delivery;
  const event = await verifyWebhook({ headers, body }, { secret });
  if (event.eventId !== eventId)
    throw new Error(`webhook: verified ${event.eventId}, not ${eventId}`);
  const altered = { headers, body: body.replace("PROCESSED", "FAILED") };
  const refused = await verifyWebhook(altered, { secret }).then(
    () => null,
    (error) => error,
  );
  if (!(refused instanceof WebhookVerificationError) || refused.reason !== "signature-mismatch")
    throw new Error(`webhook: an altered body was not refused (${refused})`);
  return [`webhook ${eventId} verified`, "altered webhook refused"];
}
