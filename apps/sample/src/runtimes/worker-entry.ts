/**
 * @module
 * The sample inside a Cloudflare Worker (workerd, no `nodejs_compat`): a client from
 * `@extendkit/workers` (configured from the `env` bindings). `POST /` with the sample's config as
 * the body answers with one JSON event per line, streamed while the sample runs.
 */
import { createClient, type ExtendEnv } from "@extendkit/workers";
import { runInRuntime } from "../run-in-runtime.ts";
import type { RuntimeConfig } from "../runtime-config.ts";

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

export default {
  async fetch(request: Request, env: ExtendEnv, context: ExecutionContext): Promise<Response> {
    if (request.method !== "POST") return new Response("POST the sample config", { status: 405 });
    const config = (await request.json()) as RuntimeConfig;
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const writer = writable.getWriter();
    const encoder = new TextEncoder();
    const running = runInRuntime(createClient(env), config, (event) =>
      writer.write(encoder.encode(`${JSON.stringify(event)}\n`)),
    ).finally(() => writer.close());
    context.waitUntil(running);
    return new Response(readable, { headers: { "content-type": "application/x-ndjson" } });
  },
};
