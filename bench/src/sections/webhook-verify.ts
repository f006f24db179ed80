import { createHmac, timingSafeEqual } from "node:crypto";
import { verifyWebhook as verifyWithWebCrypto } from "@extendkit/core";
import { verifyWebhook } from "@extendkit/node";
import { Webhooks } from "extend-ai";
import { measure } from "mitata";
import { roundOrder } from "../interleave.ts";
import type { SectionResult } from "../section.ts";
import { fmt, fmtRatio, median, pairedRatio } from "../stats.ts";
import { renderTable } from "../table.ts";

export interface WebhookVerifyOptions {
  rounds: number;
  /** mitata's `min_cpu_time` per contender per round, in ms. */
  cpuMs: number;
}

type Headers = Record<string, string>;
interface Verifier {
  name: string;
  label: string;
  /** Resolves to the event's id for an authentic delivery; throws for any other. */
  verify(headers: Headers, body: string, secret: string): Promise<string> | string;
}

export const VERIFIERS: Verifier[] = [
  {
    name: "node-crypto",
    label: "node:crypto, sync (createHmac + timingSafeEqual + JSON.parse)",
    verify(headers, body, secret) {
      const ts = headers["x-extend-request-timestamp"] as string;
      const given = Buffer.from(headers["x-extend-request-signature"] as string, "hex");
      const expected = createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest();
      if (given.length !== 32 || !timingSafeEqual(given, expected)) throw new Error("mismatch");
      return (JSON.parse(body) as { eventId: string }).eventId;
    },
  },
  {
    name: "extend-ai",
    label: "extend-ai 1.17.0 `webhooks.verifyAndParse` (node:crypto, sync)",
    verify: (headers, body, secret) =>
      new Webhooks().verifyAndParse(body, headers, secret).eventId as string,
  },
  {
    name: "extendkit-node",
    label: "@extendkit/node `verifyWebhook` (node:crypto HMAC)",
    verify: async (headers, body, secret) =>
      (await verifyWebhook({ headers, body }, { secret })).eventId,
  },
  {
    name: "extendkit-core",
    label: "@extendkit/core `verifyWebhook` (WebCrypto; Deno, Workers, browsers)",
    verify: async (headers, body, secret) =>
      (await verifyWithWebCrypto({ headers, body }, { secret })).eventId,
  },
];

/**
 * Section 7 (not a goal of issue #8; measured because `verifyWebhook` is ours): time to verify
 * one ~2 KB delivery (signature, replay window, JSON) with each verifier, interleaved rounds,
 * median of mitata's per-round p50s. Each verifier must first accept the delivery and refuse it
 * with its body altered, or its row says so instead of a time.
 */
export async function webhookVerifySection(options: WebhookVerifyOptions): Promise<SectionResult> {
  const started = performance.now();
  const secret = "wss_Av9uCQNrCIEe0XpEpsQUVjEJYr4udK9N";
  const payload = { object: "extract_run", id: "exr_Xj8mK2pL9nR4vT7qY5wZ", status: "PROCESSED" };
  const output = {
    value: { lines: Array.from({ length: 24 }, (_, i) => ({ i, text: "x".repeat(60) })) },
  };
  const body = JSON.stringify({
    eventId: "event_bench",
    eventType: "extract_run.processed",
    payload: { ...payload, output },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers = {
    "x-extend-request-timestamp": timestamp,
    "x-extend-request-signature": createHmac("sha256", secret)
      .update(`v0:${timestamp}:${body}`)
      .digest("hex"),
  };
  const broken = new Map<string, string>();
  for (const v of VERIFIERS) {
    // Async wrappers: a sync verifier throws before any promise exists.
    const ok = await (async () => v.verify(headers, body, secret))().catch(() => null);
    const altered = await (async () =>
      v.verify(headers, body.replace("PROCESSED", "FAILED"), secret))().then(
      () => "accepted",
      () => "refused",
    );
    if (ok !== "event_bench") broken.set(v.name, "refused an authentic delivery");
    else if (altered !== "refused") broken.set(v.name, "accepted an altered body");
  }
  const p50s = new Map<string, number[]>(VERIFIERS.map((v) => [v.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const v of roundOrder(VERIFIERS, round)) {
      if (broken.has(v.name)) continue;
      const stats = await measure(async () => v.verify(headers, body, secret), {
        min_cpu_time: options.cpuMs * 1e6,
        min_samples: 50,
        batch_threshold: 0,
      });
      p50s.get(v.name)?.push(stats.p50);
    }
  }
  const base = p50s.get("node-crypto") ?? [];
  const rows = VERIFIERS.map((v) => [
    v.label,
    broken.get(v.name) ?? fmt(median(p50s.get(v.name) ?? []) / 1000, 1),
    fmtRatio(pairedRatio(p50s.get(v.name) ?? [], base)),
  ]);
  return {
    id: "webhook",
    title: "7. Webhook verification: one ~2 KB delivery (mitata)",
    method: `mitata 1.0.34 \`measure\`, ${options.rounds} interleaved rounds × ${options.cpuMs} ms CPU per verifier; a ${body.length} B event signed as Extend signs it (REFERENCE §6.3). Reported: median over rounds of mitata's p50, and the median of per-round ratios to node:crypto.`,
    table: renderTable(["verifier", "p50 µs", "vs node:crypto"], rows),
    notes: [
      "Core verifies with WebCrypto so that one build runs in Node, Deno, workerd and browsers; Node runs WebCrypto on its thread pool, so @extendkit/node passes node:crypto's synchronous HMAC (`hmacSha256`) and keeps everything else of core's verifier. Both also read the body as bytes, check the headers' form, the replay window and an upper size, and compare in constant time; core caches the imported key per secret.",
    ],
    goals: [],
    seconds: (performance.now() - started) / 1000,
  };
}
