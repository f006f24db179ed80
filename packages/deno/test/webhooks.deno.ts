// Receiving webhooks under Deno: the emulator, served by Deno.serve, finishes a run and POSTs the
// signed event to a Deno.serve receiver, which verifies it with @extendkit/deno's verifyWebhook
// (WebCrypto) and fetches the run object of a signed-URL payload with fetchWebhookPayload.
import { createBackend } from "@extendkit/conformance";
import {
  fetchWebhookPayload,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from "@extendkit/deno";

const quiet = { port: 0, hostname: "127.0.0.1", onListen() {} };
const SECRET = "wss_deno_receiver";

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

Deno.test("a signed-URL delivery verifies and its run object is fetched, in Deno", async () => {
  const backend = createBackend();
  const received: (WebhookEvent | string)[] = [];
  const receiver = Deno.serve(quiet, async (request) => {
    try {
      const event = await verifyWebhook(request, { secret: SECRET, signedUrl: "keep" });
      received.push(await fetchWebhookPayload(event, { timeout: 5_000 }));
      return new Response("ok");
    } catch (error) {
      received.push(error instanceof WebhookVerificationError ? error.reason : String(error));
      return new Response(null, { status: 400 });
    }
  });
  const upstream = Deno.serve(quiet, backend.fetch);
  try {
    const hook = `http://127.0.0.1:${receiver.addr.port}/hooks`;
    const api = `http://127.0.0.1:${upstream.addr.port}`;
    const { emulator } = backend;
    emulator.webhooks.setEndpoints([
      { url: hook, secret: SECRET, payloadFormat: "url" },
      { url: `${hook}?forged`, secret: "wss_not_the_receivers" },
    ]);
    const id = await backend.seed("classifyRuns", "PROCESSING");
    // One request at the served origin, which becomes the signed URLs' base.
    const seen = await fetch(`${api}/classify_runs/${id}`, {
      headers: { authorization: "Bearer sk_test_emulator" },
    });
    await seen.body?.cancel();
    await emulator.clock.advance(60_000);
    await emulator.webhooks.idle();
    const full = received.find((r) => typeof r !== "string") as WebhookEvent | undefined;
    assert(full !== undefined, `no verified event: ${JSON.stringify(received)}`);
    const run = full.payload as { object?: string; id?: string; status?: string };
    assert(
      run.object === "classify_run" && run.id === id,
      `the run object: ${JSON.stringify(run)}`,
    );
    assert(run.status === "PROCESSED", `status ${run.status}`);
    assert(received.includes("signature-mismatch"), `the forged one: ${JSON.stringify(received)}`);
    const states = emulator.webhooks.deliveries().map((d) => d.status);
    assert(states.sort().join() === "200,400", `delivery answers: ${states}`);
  } finally {
    await receiver.shutdown();
    await upstream.shutdown();
  }
});
