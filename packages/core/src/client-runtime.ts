import type { Client } from "openapi-fetch";
import type { ClientConfig } from "./client-config.ts";
import type { Transport } from "./create-transport.ts";
import type { paths } from "./generated/openapi.ts";

/** What a client's methods share: the openapi-fetch client, the transport under it, the config. */
export interface ClientRuntime {
  readonly raw: Client<paths>;
  readonly transport: Transport;
  readonly config: ClientConfig;
}
