// Deno: the BUILT emulator delivers a run event to a Deno.serve receiver on 127.0.0.1 with Deno's
// own fetch; the receiver verifies the signature with WebCrypto (crypto.subtle.verify), not with
// the emulator's signWebhook. Run by test/runtimes/run-deno.mjs.
import { createEmulator, EMULATOR_API_KEY } from "@extendkit/emulator";

const SECRET = "wss_deno_secret";
const utf8 = new TextEncoder();

async function verifies(request: Request, raw: Uint8Array): Promise<boolean> {
  const timestamp = request.headers.get("x-extend-request-timestamp") ?? "";
  const hex = request.headers.get("x-extend-request-signature") ?? "";
  if (!/^[0-9a-f]{64}$/.test(hex)) return false;
  const signature = new Uint8Array(hex.match(/../g)?.map((b) => Number.parseInt(b, 16)) ?? []);
  const prefix = utf8.encode(`v0:${timestamp}:`);
  const message = new Uint8Array(prefix.length + raw.length);
  message.set(prefix);
  message.set(raw, prefix.length);
  const key = await crypto.subtle.importKey(
    "raw",
    utf8.encode(SECRET),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  return crypto.subtle.verify("HMAC", key, signature, message);
}

Deno.test("a delivery to a Deno.serve receiver verifies with WebCrypto", async () => {
  const hits: Array<{ verified: boolean; eventType: string }> = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (request) => {
    const raw = new Uint8Array(await request.arrayBuffer());
    const event = JSON.parse(new TextDecoder().decode(raw));
    hits.push({ verified: await verifies(request, raw), eventType: event.eventType });
    return new Response("ok");
  });
  try {
    const emu = createEmulator({
      webhooks: {
        endpoints: [{ url: `http://127.0.0.1:${server.addr.port}/hooks`, secret: SECRET }],
      },
    });
    const created = await emu.fetch("http://emulator/extract_runs", {
      method: "POST",
      headers: { authorization: `Bearer ${EMULATOR_API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ extractor: { id: "ex_1" }, file: { url: "https://f.test/ü.pdf" } }),
    });
    if (created.status !== 200) throw new Error(`create answered ${created.status}`);
    await created.body?.cancel();
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    const got = JSON.stringify(hits);
    const want = JSON.stringify([{ verified: true, eventType: "extract_run.processed" }]);
    if (got !== want) throw new Error(`receiver got ${got}, expected ${want}`);
    const [delivery] = emu.webhooks.deliveries();
    if (delivery?.state !== "delivered") throw new Error(`delivery ${JSON.stringify(delivery)}`);
  } finally {
    await server.shutdown();
  }
});
