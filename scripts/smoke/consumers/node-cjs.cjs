// Node CommonJS consumer: `require` resolves the "require" condition (dist/*.cjs) of
// @extendkit/node, which requires @extendkit/core's CommonJS build. The client reads
// EXTEND_API_KEY / EXTEND_BASE_URL. Same scenario as scenario.mjs, in CommonJS.
const {
  createClient,
  ApiError,
  VERSION,
  verifyWebhook,
  WebhookVerificationError,
} = require("@extendkit/node");

async function main() {
  const config = JSON.parse(process.argv[2]);
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
    const readable = await resource[run.retrieve](run.id).then(
      () => true,
      (error) => {
        if (!(error instanceof ApiError) || error.status !== 404) throw error;
        return false;
      },
    );
    if (readable) throw new Error(`${run.resource} ${run.id} is still readable after delete`);
    steps.push(`gone ${run.id}`);
  }
  if (config.webhook) {
    const { secret, headers, body, eventId } = config.webhook;
    const event = await verifyWebhook({ headers, body }, { secret });
    if (event.eventId !== eventId) throw new Error(`webhook: verified ${event.eventId}`);
    const altered = { headers, body: body.replace("PROCESSED", "FAILED") };
    const refused = await verifyWebhook(altered, { secret }).then(
      () => null,
      (error) => error,
    );
    if (!(refused instanceof WebhookVerificationError) || refused.reason !== "signature-mismatch")
      throw new Error(`webhook: an altered body was not refused (${refused})`);
    steps.push(`webhook ${eventId} verified`, "altered webhook refused");
  }
  const resolved = [require.resolve("@extendkit/node"), require.resolve("@extendkit/core")];
  console.log(`SMOKE-RESULT ${JSON.stringify({ steps, version: VERSION, resolved })}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
