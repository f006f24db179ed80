import { createClient } from "@extendkit/core";
import type { Contender, ContenderInit, RunApi } from "./types.ts";

/** `@extendkit/core` with its defaults (retries included), the way its README shows. */
export const extendkit: Contender = {
  name: "extendkit",
  label: "@extendkit/core",
  create(init: ContenderInit): RunApi {
    const client = createClient({ apiKey: init.apiKey, baseUrl: init.baseUrl, fetch: init.fetch });
    return {
      cancel: (id) => client.extractRuns.cancel(id),
      delete: (id) => client.extractRuns.delete(id),
    };
  },
};
