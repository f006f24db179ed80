import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { VERIFIERS } from "../src/sections/webhook-verify.ts";

const SECRET = "wss_bench_test";
const body = JSON.stringify({
  eventId: "event_t",
  eventType: "split_run.failed",
  payload: { object: "split_run", id: "splr_1", status: "FAILED" },
});

function signed(text: string, timestamp = Math.floor(Date.now() / 1000)) {
  const ts = String(timestamp);
  const sig = createHmac("sha256", SECRET).update(`v0:${ts}:${text}`).digest("hex");
  return { "x-extend-request-timestamp": ts, "x-extend-request-signature": sig };
}

// Section 7 times each verifier; here each must really verify, or its time means nothing.
describe.each(VERIFIERS.map((v) => [v.name, v] as const))("verifier %s", (_name, verifier) => {
  it("accepts an authentic delivery and refuses an altered body or another secret", async () => {
    const headers = signed(body);
    expect(await verifier.verify(headers, body, SECRET)).toBe("event_t");
    const altered = body.replace("FAILED", "PROCESSED");
    await expect((async () => verifier.verify(headers, altered, SECRET))()).rejects.toThrow();
    await expect((async () => verifier.verify(headers, body, "wss_other"))()).rejects.toThrow();
  });
});
