import { createEmulator, signWebhook } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers.ts";

const SECRET = "wss_cli_listen";

/** Starts `extendkit webhooks listen` on a free port; resolves to its URL and a way to stop it. */
async function startListening(extra: string[] = []) {
  const controller = new AbortController();
  let resolveUrl: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => {
    resolveUrl = resolve;
  });
  const done = runCli([...extra, "webhooks", "listen", "--port", "0"], {
    env: { EXTEND_WEBHOOK_SECRET: SECRET },
    signal: controller.signal,
    onStderr: (text) => {
      const match = /listening for webhooks on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
      if (match?.[1]) resolveUrl(match[1]);
    },
  });
  const stop = () => {
    controller.abort();
    return done;
  };
  return { url: await url, stop };
}

describe("extendkit webhooks listen", () => {
  it("prints each verified delivery from the emulator and refuses forged ones", async () => {
    const { url, stop } = await startListening();
    const emu = createEmulator({ webhooks: { endpoints: [{ url, secret: SECRET }] } });
    const run = emu.seedRun({ kind: "extractRuns", status: "PROCESSING" });
    await emu.clock.advance(60_000);
    await emu.webhooks.idle();
    expect(emu.webhooks.deliveries()).toMatchObject([{ state: "delivered", status: 200 }]);

    const body = JSON.stringify({ eventId: "event_x", eventType: "parse_run.failed", payload: {} });
    const timestamp = Math.floor(Date.now() / 1000);
    const forged = await signWebhook({ secret: "wss_guess", body, timestamp });
    expect((await fetch(url, { method: "POST", headers: forged, body })).status).toBe(400);

    const { code, stdout, stderr } = await stop();
    expect(code).toBe(0);
    const [eventId] = emu.webhooks.deliveries().map((d) => d.eventId);
    expect(stdout.trim()).toBe(`extract_run.processed  ${run.id}  PROCESSED  ${eventId}`);
    expect(stderr).toContain("refused a delivery: webhook refused (signature-mismatch)");
    expect(stderr).not.toContain(SECRET);
  });

  it("--json prints each event as a JSON line", async () => {
    const { url, stop } = await startListening(["--json"]);
    const body = JSON.stringify({
      eventId: "event_j",
      eventType: "edit_run.processed",
      payload: { id: "edr_1" },
    });
    const headers = await signWebhook({
      secret: SECRET,
      body,
      timestamp: Math.floor(Date.now() / 1000),
    });
    expect((await fetch(url, { method: "POST", headers, body })).status).toBe(200);
    const { lines } = await stop();
    expect(lines).toEqual([JSON.parse(body)]);
  });

  it("needs EXTEND_WEBHOOK_SECRET (exit 2)", async () => {
    const { code, stderr } = await runCli(["webhooks", "listen", "--port", "0"]);
    expect(code).toBe(2);
    expect(stderr).toContain("EXTEND_WEBHOOK_SECRET is not set");
  });
});
