import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createEmulator, EMULATOR_API_KEY } from "@extendkit/emulator";
import { serve } from "@extendkit/emulator/serve";
import { afterEach, describe, expect, it } from "vitest";
import { api, CREATE } from "./helpers.ts";
import { runWebhookEventProblems, verifies } from "./webhook-helpers.ts";

// The real path: deliveries go out with the global fetch to a node:http receiver on 127.0.0.1,
// which verifies each signature over the raw bytes it read from the socket.

const SECRET = "wss_http_secret";

interface Hit {
  headers: Headers;
  raw: Buffer;
  verified: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: event bodies are inspected field by field
  event: any;
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A webhook receiver on 127.0.0.1: answers `statuses` in turn (then 200), resolves `next()` per hit. */
async function receiver(statuses: number[] = []) {
  const hits: Hit[] = [];
  const waiters: Array<() => void> = [];
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const server: Server = createServer(async (req, res) => {
    const raw = await read(req);
    const headers = new Headers(req.headers as Record<string, string>);
    hits.push({
      headers,
      raw,
      verified: verifies(SECRET, headers, raw),
      event: JSON.parse(raw.toString("utf8")),
    });
    res.writeHead(statuses.shift() ?? 200).end("ok");
    waiters.shift()?.();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/extend-webhooks`,
    hits,
    /** Resolves when the next request has been answered. */
    next: () => new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

describe("webhooks over real HTTP", () => {
  it("delivers to a node:http receiver with the global fetch; signatures verify on the raw bytes", async () => {
    const hook = await receiver([503]);
    // One event is enough for the transport: the completed run's own (its step events, fired
    // before it, are covered in webhooks-step-runs.test.ts), so the 503 is its first answer.
    const events = ["workflow_run.completed" as const];
    const emu = createEmulator({
      webhooks: { endpoints: [{ url: hook.url, secret: SECRET, events }] },
    });
    const call = api(emu);
    const run = (
      await call("POST", "/workflow_runs", {
        ...(CREATE["/workflow_runs"] as object),
        metadata: { note: "façade — ✓" },
      })
    ).body;
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    expect(hook.hits).toHaveLength(1);
    const [hit] = hook.hits;
    expect(hit?.verified).toBe(true);
    expect(hit?.headers.get("content-type")).toBe("application/json");
    expect(hit?.event.eventType).toBe("workflow_run.completed");
    expect(hit?.event.payload.metadata).toEqual({ note: "façade — ✓" });
    expect(hit?.event.payload.id).toBe(run.id);
    expect(runWebhookEventProblems(hit?.event)).toEqual([]);
    expect(emu.webhooks.deliveries()).toMatchObject([{ state: "failed", status: 503 }]);

    await emu.clock.advance(1000);
    const [again] = await emu.webhooks.redeliver(hit?.event.eventId);
    expect(again).toMatchObject({ attempt: 2, state: "delivered", status: 200 });
    expect(hook.hits[1]?.verified).toBe(true);
    expect(hook.hits[1]?.raw.equals(hit?.raw as Buffer)).toBe(true);
  });

  it("served emulator: the signed data URL points at the served origin and works without a key", async () => {
    const hook = await receiver();
    const emu = createEmulator({
      webhooks: { endpoints: [{ url: hook.url, secret: SECRET, payloadFormat: "url" }] },
    });
    const served = await serve(emu);
    closers.push(served.close);
    const created = await fetch(`${served.url}/parse`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${EMULATOR_API_KEY}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(CREATE["/parse_runs"]),
    });
    expect(created.status).toBe(200);
    await emu.webhooks.idle();
    const data: string = hook.hits[0]?.event.payload.data;
    expect(data.startsWith(`${served.url}/__emulator/webhook-payloads/`)).toBe(true);
    const payload = await fetch(data);
    expect(payload.status).toBe(200);
    expect(await payload.json()).toMatchObject({
      object: "parse_run_status",
      id: (await created.json()).id,
    });
  });

  it("real clock: a run finishing fires by timer, with no request and no advance", async () => {
    const hook = await receiver();
    const emu = createEmulator({
      clock: "real",
      durations: { processingMs: 50 },
      webhooks: { endpoints: [{ url: hook.url, secret: SECRET }] },
    });
    closers.push(async () => emu.reset());
    const arrived = hook.next();
    await api(emu)("POST", "/split_runs", CREATE["/split_runs"]);
    await arrived; // bounded by the test timeout; no sleep
    expect(hook.hits.map((h) => [h.event.eventType, h.verified])).toEqual([
      ["split_run.processed", true],
    ]);
  });

  it("real clock: after clock.advance() the wake timer follows the new time", async () => {
    const hook = await receiver();
    const emu = createEmulator({
      clock: "real",
      durations: { processingMs: 10 * 60_000 },
      webhooks: { endpoints: [{ url: hook.url, secret: SECRET }] },
    });
    closers.push(async () => emu.reset());
    await api(emu)("POST", "/extract_runs", CREATE["/extract_runs"]);
    const arrived = hook.next();
    // Due 50 ms after the jump: the timer set at creation would fire 10 minutes from now.
    await emu.clock.advance(10 * 60_000 - 50);
    expect(hook.hits).toEqual([]);
    await arrived;
    expect(hook.hits.map((h) => h.event.eventType)).toEqual(["extract_run.processed"]);
  });
});

describe("webhooks over the control endpoint", () => {
  it("PUT endpoints, wait for idle, list deliveries, redeliver", async () => {
    const hook = await receiver();
    const emu = createEmulator();
    const control = (method: string, path: string, body?: unknown) =>
      emu
        .fetch(`http://emulator/_emulator${path}`, {
          method,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        })
        .then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(
      await control("PUT", "/webhooks/endpoints", [
        { url: hook.url, secret: SECRET, events: ["extract_run.processed"] },
      ]),
    ).toEqual({ status: 200, body: { ok: true } });
    expect((await control("PUT", "/webhooks/endpoints", [{ url: hook.url }])).status).toBe(400);
    await api(emu)("POST", "/extract_runs", CREATE["/extract_runs"]);
    await control("POST", "/clock/advance", { ms: 2000 });
    const idle = await control("POST", "/webhooks/idle");
    expect(idle.body.deliveries).toMatchObject([
      { eventType: "extract_run.processed", url: hook.url, attempt: 1, state: "delivered" },
    ]);
    const { eventId } = idle.body.deliveries[0];
    const again = await control("POST", `/webhooks/events/${eventId}/redeliver`);
    expect(again.body.deliveries).toMatchObject([{ eventId, attempt: 2, state: "delivered" }]);
    expect((await control("GET", "/webhooks")).body.deliveries).toHaveLength(2);
    expect((await control("POST", "/webhooks/events/event_nope/redeliver")).status).toBe(404);
    expect(hook.hits.every((h) => h.verified)).toBe(true);
  });
});
