/**
 * @module
 * The sample inside Deno: a client from `@extendkit/deno` (configured from `Deno.env`), the
 * sample's config from the `EXTENDKIT_SAMPLE_CONFIG` variable, one JSON event per stdout line.
 * Started by the host as `deno run --allow-net=<host> --allow-env=<names> dist/deno.js`.
 */
import { createClient } from "@extendkit/deno";
import { runInRuntime } from "../run-in-runtime.ts";
import type { RuntimeConfig } from "../runtime-config.ts";

declare const Deno: { env: { get(name: string): string | undefined } };

const config = JSON.parse(Deno.env.get("EXTENDKIT_SAMPLE_CONFIG") ?? "null") as RuntimeConfig;
await runInRuntime(createClient(), config, (event) => console.log(JSON.stringify(event)));
