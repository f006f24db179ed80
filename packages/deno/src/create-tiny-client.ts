import {
  type ClientOptions,
  createTinyClient as createCoreTinyClient,
  type TinyClient,
  type TinyClientOptions,
} from "@extendkit/core";
import { denoOptions } from "./deno-options.ts";

/**
 * `createClient(overrides?)`'s tiny counterpart (`@extendkit/core`'s `createTinyClient`):
 * `retrieve`/`get`, `cancel` and `delete` of every run type, configured from the same `Deno.env`
 * variables with the same permissions, for the smallest bundle (e.g. Deno Deploy).
 */
export function createTinyClient(overrides: Partial<ClientOptions> = {}): TinyClient {
  return createCoreTinyClient(denoOptions(overrides, "createTinyClient") as TinyClientOptions);
}
