// verifyWebhook: the signature of REFERENCE §6.3, checked against an independent HMAC (node:crypto),
// the replay window, header and body forms, limits, and errors that never hold a secret.
import { createHmac } from "node:crypto";
import {
  InvalidArgumentError,
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from "@extendkit/core";
import { describe, expect, it } from "vitest";

const SECRET = "wss_Av9uCQNrCIEe0XpEpsQUVjEJYr4udK9N";
const NOW = 1_780_000_000_000;
const clock = { now: () => NOW };
const ts = (offsetSeconds = 0) => String(Math.floor(NOW / 1000) + offsetSeconds);

const event = {
  eventId: "event_1234",
  eventType: "extract_run.processed",
  payload: {
    object: "extract_run",
    id: "exr_xK9mLPqRtN3vS8wF5hB2cQ",
    status: "PROCESSED",
    note: "Zoë ✓ 📄",
  },
};
const BODY = JSON.stringify(event, null, 1);

function sign(body: string | Uint8Array, timestamp = ts(), secret = SECRET): string {
  return createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest("hex");
}

function delivery(
  body: string | Uint8Array = BODY,
  timestamp = ts(),
  signature = sign(body, timestamp),
) {
  return new Request("https://hooks.example/extend", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-extend-request-timestamp": timestamp,
      "x-extend-request-signature": signature,
    },
    body: body as BodyInit,
  });
}

const options = { secret: SECRET, clock };

/** The refusal `work` rejects with; fails the test when it resolves or throws anything else. */
async function refusal(work: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await work.then(
    () => expect.fail("verified"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  const refused = error as WebhookVerificationError;
  const shown = `${refused.message} ${JSON.stringify(refused)} ${refused.stack}`;
  expect(shown).not.toContain(SECRET);
  return refused;
}

describe("verifyWebhook: authentic deliveries", () => {
  it("returns the event of a signed Request, typed by eventType", async () => {
    const verified: WebhookEvent = await verifyWebhook(delivery(), options);
    expect(verified).toEqual(event);
    if (verified.eventType === "extract_run.processed") {
      // Compiles only because the payload narrowed to an ExtractRun.
      expect(verified.payload.object).toBe("extract_run");
    }
  });

  it("accepts { headers, body } with plain headers in any letter case and every body form", async () => {
    const bytes = new TextEncoder().encode(BODY);
    const headers = {
      "X-Extend-Request-Timestamp": ts(),
      "X-EXTEND-REQUEST-SIGNATURE": sign(BODY),
    };
    for (const body of [BODY, bytes, bytes.buffer, Buffer.from(BODY)]) {
      await expect(verifyWebhook({ headers, body }, options)).resolves.toEqual(event);
    }
    await expect(
      verifyWebhook({ headers: new Headers(headers), body: BODY }, options),
    ).resolves.toEqual(event);
  });

  it("verifies the raw bytes, so a re-serialized body does not verify", async () => {
    const reserialized = JSON.stringify(JSON.parse(BODY));
    expect(reserialized).not.toBe(BODY);
    const refused = await refusal(
      verifyWebhook({ headers: delivery().headers, body: reserialized }, options),
    );
    expect(refused.reason).toBe("signature-mismatch");
  });

  it("accepts uppercase hex, and one good signature among several (rotation)", async () => {
    await expect(
      verifyWebhook(delivery(BODY, ts(), sign(BODY).toUpperCase()), options),
    ).resolves.toEqual(event);
    const other = sign(BODY, ts(), "wss_other");
    await expect(
      verifyWebhook(delivery(BODY, ts(), `${other}, ${sign(BODY)}`), options),
    ).resolves.toEqual(event);
    const headers = {
      "x-extend-request-timestamp": ts(),
      "x-extend-request-signature": [other, sign(BODY)],
    };
    await expect(verifyWebhook({ headers, body: BODY }, options)).resolves.toEqual(event);
  });

  it("accepts any of several secrets", async () => {
    const old = "wss_old_secret_value";
    const body = BODY;
    await expect(
      verifyWebhook(delivery(body, ts(), sign(body, ts(), old)), {
        ...options,
        secret: [SECRET, old],
      }),
    ).resolves.toEqual(event);
    await expect(verifyWebhook(delivery(), { ...options, secret: [old, SECRET] })).resolves.toEqual(
      event,
    );
  });

  it("keeps verifying right while many secrets come and go (imported keys are cached, 8 at most)", async () => {
    const secrets = Array.from({ length: 12 }, (_, i) => `wss_tenant_${i}`);
    for (const round of [1, 2]) {
      for (const [i, secret] of secrets.entries()) {
        const signed = delivery(BODY, ts(), sign(BODY, ts(), secret));
        await expect(
          verifyWebhook(signed, { ...options, secret }),
          `${round}/${i}`,
        ).resolves.toEqual(event);
        const other = secrets[(i + 1) % secrets.length] as string;
        const refused = await refusal(
          verifyWebhook(delivery(BODY, ts(), sign(BODY, ts(), secret)), {
            ...options,
            secret: other,
          }),
        );
        expect(refused.reason).toBe("signature-mismatch");
      }
    }
  });

  it("uses the hmacSha256 it is given, and still compares every signature itself", async () => {
    const calls: string[] = [];
    const hmacSha256 = (secret: string, parts: readonly (string | Uint8Array)[]) => {
      calls.push(secret);
      const hmac = createHmac("sha256", secret);
      for (const part of parts) hmac.update(part);
      return hmac.digest();
    };
    await expect(verifyWebhook(delivery(), { ...options, hmacSha256 })).resolves.toEqual(event);
    expect(calls).toEqual([SECRET]);
    const forged = delivery(BODY, ts(), sign(BODY, ts(), "wss_forger"));
    expect((await refusal(verifyWebhook(forged, { ...options, hmacSha256 }))).reason).toBe(
      "signature-mismatch",
    );
    // An HMAC of the wrong length never matches, even a signature it starts with.
    const short = () => new Uint8Array(Buffer.from(sign(BODY), "hex").subarray(0, 16));
    const refused = await refusal(verifyWebhook(delivery(), { ...options, hmacSha256: short }));
    expect(refused.reason).toBe("signature-mismatch");
  });

  it("uses the system clock by default", async () => {
    const now = String(Math.floor(Date.now() / 1000));
    await expect(verifyWebhook(delivery(BODY, now), { secret: SECRET })).resolves.toEqual(event);
  });
});

describe("verifyWebhook: refusals", () => {
  it("refuses a delivery without either header", async () => {
    for (const drop of ["x-extend-request-timestamp", "x-extend-request-signature"]) {
      const request = delivery();
      request.headers.delete(drop);
      const refused = await refusal(verifyWebhook(request, options));
      expect(refused.reason).toBe("missing-header");
      expect(refused.message).toContain(drop);
    }
  });

  it("refuses a timestamp that is not Unix seconds", async () => {
    for (const bad of ["12a", "-5", "1.5", "0x10", "1e9", "1234567890123", "１２３"]) {
      const headers = {
        "x-extend-request-timestamp": bad,
        "x-extend-request-signature": sign(BODY, bad),
      };
      const refused = await refusal(verifyWebhook({ headers, body: BODY }, options));
      expect(refused.reason).toBe("malformed-timestamp");
    }
  });

  it("keeps the replay window: 300 s back and 60 s ahead by default, both configurable", async () => {
    await expect(verifyWebhook(delivery(BODY, ts(-300)), options)).resolves.toEqual(event);
    await expect(verifyWebhook(delivery(BODY, ts(60)), options)).resolves.toEqual(event);
    expect((await refusal(verifyWebhook(delivery(BODY, ts(-301)), options))).reason).toBe(
      "expired",
    );
    expect((await refusal(verifyWebhook(delivery(BODY, ts(61)), options))).reason).toBe("future");
    const narrow = { ...options, maxAgeSeconds: 10, maxFutureSeconds: 0 };
    expect((await refusal(verifyWebhook(delivery(BODY, ts(-11)), narrow))).reason).toBe("expired");
    expect((await refusal(verifyWebhook(delivery(BODY, ts(1)), narrow))).reason).toBe("future");
    await expect(verifyWebhook(delivery(BODY, ts(-10)), narrow)).resolves.toEqual(event);
  });

  it("refuses signatures that are not 64 hex digits, or too many of them", async () => {
    const good = sign(BODY);
    for (const bad of [
      good.slice(1),
      `${good}0`,
      `sha256=${good}`,
      `${good.slice(2)}zz`,
      Array(9).fill(good).join(","),
    ]) {
      const refused = await refusal(verifyWebhook(delivery(BODY, ts(), bad), options));
      expect(refused.reason).toBe("malformed-signature");
    }
  });

  it("refuses a changed body, timestamp or secret", async () => {
    const cases: [Request, VerifyWebhookOptions][] = [
      [delivery(BODY.replace("PROCESSED", "FAILED"), ts(), sign(BODY)), options],
      [delivery(BODY, ts(-1), sign(BODY, ts())), options],
      [delivery(), { ...options, secret: "wss_someone_else" }],
      [delivery(BODY, ts(), sign(BODY, ts(), SECRET.slice(0, -1))), options],
    ];
    for (const [request, opts] of cases) {
      expect((await refusal(verifyWebhook(request, opts))).reason).toBe("signature-mismatch");
    }
  });

  it("does not read the body of a delivery whose headers fail", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request("https://hooks.example/", {
      method: "POST",
      headers: { "x-extend-request-timestamp": ts(-3600), "x-extend-request-signature": sign("") },
      body,
      duplex: "half",
    } as RequestInit);
    expect((await refusal(verifyWebhook(request, options))).reason).toBe("expired");
    expect(pulls).toBeLessThanOrEqual(1); // a stream may pull once when it is created
  });

  it("refuses a body over maxBodyBytes: by content-length before reading, and by reading no further", async () => {
    const big = "x".repeat(2048);
    const byLength = await refusal(
      verifyWebhook(delivery(big), { ...options, maxBodyBytes: 1024 }),
    );
    expect(byLength.reason).toBe("body-too-large");

    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 512;
        controller.enqueue(new Uint8Array(512));
      },
    });
    const streamed = new Request("https://hooks.example/", {
      method: "POST",
      headers: { "x-extend-request-timestamp": ts(), "x-extend-request-signature": sign("") },
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect(
      (await refusal(verifyWebhook(streamed, { ...options, maxBodyBytes: 4096 }))).reason,
    ).toBe("body-too-large");
    expect(pulled).toBeLessThan(4096 + 3 * 512);
    const given = await refusal(
      verifyWebhook({ headers: delivery().headers, body: big }, { ...options, maxBodyBytes: 100 }),
    );
    expect(given.reason).toBe("body-too-large");
    // A string counts as its UTF-8 bytes: 400 "é" are 800 bytes, 200 are 400.
    const accents = (n: number) =>
      JSON.stringify({ ...event, payload: { ...event.payload, note: "é".repeat(n) } });
    const [over, under] = [accents(400), accents(200)];
    const limit = { ...options, maxBodyBytes: 500 + BODY.length };
    expect(over.length).toBeLessThan(limit.maxBodyBytes);
    const counted = await refusal(
      verifyWebhook({ headers: delivery(over).headers, body: over }, limit),
    );
    expect(counted.reason).toBe("body-too-large");
    await expect(
      verifyWebhook({ headers: delivery(under).headers, body: under }, limit),
    ).resolves.toMatchObject({ eventId: "event_1234" });
  });

  it("refuses an authentic body that is not a UTF-8 JSON event", async () => {
    const bodies: (string | Uint8Array)[] = [
      "not json",
      "[1,2]",
      "null",
      JSON.stringify({ eventId: "event_1", eventType: "x" }),
      JSON.stringify({ eventId: "", eventType: "x", payload: {} }),
      JSON.stringify({ eventId: "event_1", eventType: "x", payload: [] }),
      new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    ];
    for (const body of bodies) {
      const refused = await refusal(verifyWebhook(delivery(body, ts(), sign(body)), options));
      expect(refused.reason).toBe("malformed-body");
    }
  });

  it("passes event types it does not know", async () => {
    const body = JSON.stringify({
      eventId: "event_9",
      eventType: "workflow.deployed",
      payload: { object: "workflow" },
    });
    const verified = await verifyWebhook(delivery(body), options);
    expect(verified.eventType).toBe("workflow.deployed");
  });

  it('refuses a signed-URL payload unless signedUrl is "keep"', async () => {
    const payload = {
      object: "signed_data_url",
      id: "exr_1",
      data: "https://files.example/p?sig=abc",
    };
    const body = JSON.stringify({
      eventId: "event_2",
      eventType: "extract_run.processed",
      payload,
    });
    const refused = await refusal(verifyWebhook(delivery(body), options));
    expect(refused.reason).toBe("signed-url");
    expect(refused.message).toContain('signedUrl: "keep"');
    const kept = await verifyWebhook(delivery(body), { ...options, signedUrl: "keep" });
    expect(kept.payload).toEqual(payload);
  });
});

describe("verifyWebhook: bad arguments", () => {
  it("rejects bad options with InvalidArgumentError, never echoing the secret", async () => {
    const bad: unknown[] = [
      undefined,
      {},
      { secret: "" },
      { secret: [] },
      { secret: [SECRET, ""] },
      { secret: 42 },
      { secret: SECRET, maxAgeSeconds: -1 },
      { secret: SECRET, maxFutureSeconds: Number.NaN },
      { secret: SECRET, maxBodyBytes: 0 },
      { secret: SECRET, maxBodyBytes: 1.5 },
      { secret: SECRET, signedUrl: "fetch" },
      { secret: SECRET, clock: {} },
      { secret: SECRET, hmacSha256: "sha256" },
      { secret: SECRET, tolerance: 300 },
    ];
    for (const opts of bad) {
      const error = await verifyWebhook(delivery(), opts as VerifyWebhookOptions).catch(
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(opts)).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).not.toContain(SECRET);
    }
  });

  it("rejects a Request whose body was already read, and input that is no delivery", async () => {
    const request = delivery();
    await request.text();
    await expect(verifyWebhook(request, options)).rejects.toThrow(/already read/);
    await expect(verifyWebhook(null as never, options)).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(verifyWebhook(BODY as never, options)).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    const headers = delivery().headers;
    for (const body of [JSON.parse(BODY), undefined, null, 42]) {
      await expect(verifyWebhook({ headers, body } as never, options)).rejects.toThrow(
        /body must be the raw body as received, not parsed/,
      );
    }
  });
});
