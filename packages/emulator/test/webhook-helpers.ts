import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { dereference, type Schema, validate } from "@cfworker/json-schema";
import { parse } from "yaml";

/** One POST a webhook receiver got. */
export interface Received {
  url: string;
  headers: Headers;
  /** The raw body, as sent. */
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: event bodies are inspected field by field
  event: any;
}

type Answer = (received: Received) => Response | Promise<Response>;

/**
 * A `fetch` for `webhooks.fetch` that records every delivery and answers with `answer` (default
 * 200). The emulator's own code is never mocked: this stands in for the receiver only.
 */
export function recordingFetch(answer: Answer = () => new Response("ok")) {
  const received: Received[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = await request.text();
    const r = { url: request.url, headers: request.headers, body, event: JSON.parse(body) };
    received.push(r);
    return answer(r);
  };
  return { fetch, received };
}

/** Verifies a delivery's signature independently of the emulator: node:crypto over the raw bytes. */
export function verifies(secret: string, headers: Headers, rawBody: string | Uint8Array): boolean {
  const timestamp = headers.get("x-extend-request-timestamp") ?? "";
  const signature = headers.get("x-extend-request-signature") ?? "";
  const expected = createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(Buffer.from(`v0:${timestamp}:`, "utf8"))
    .update(typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody)
    .digest();
  const given = Buffer.from(signature, "hex");
  return (
    /^[0-9a-f]{64}$/.test(signature) && given.length === 32 && timingSafeEqual(given, expected)
  );
}

const spec = parse(readFileSync(new URL("../../../spec/openapi.yaml", import.meta.url), "utf8"));
const BASE = "https://webhook-test.extendkit.invalid/openapi.json";
const lookup = dereference({
  $id: BASE,
  components: { schemas: spec.components.schemas },
} as unknown as Schema);

/** Problems of `value` against the spec's schema `name` (read from spec/openapi.yaml here). */
export function specSchemaProblems(name: string, value: unknown): string[] {
  const r = validate(
    value,
    { $ref: `${BASE}#/components/schemas/${name}` } as Schema,
    "2020-12",
    lookup,
    true,
  );
  return r.errors.map((e) => `${e.instanceLocation}: ${e.error}`);
}

/** Problems of `event` against the spec's `RunWebhookEvent`. */
export function runWebhookEventProblems(event: unknown): string[] {
  return specSchemaProblems("RunWebhookEvent", event);
}

/** Every `eventType` value the spec's `RunWebhookEvent` allows. */
export function specRunEventTypes(): string[] {
  const schemas = spec.components.schemas;
  return schemas.RunWebhookEvent.oneOf.flatMap(
    (ref: { $ref: string }) =>
      schemas[ref.$ref.split("/").at(-1) as string].properties.eventType.enum as string[],
  );
}

/** A promise with its resolve function, for receivers that answer when a test says so. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
