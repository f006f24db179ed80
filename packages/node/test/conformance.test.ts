import { cases, createBackend, EMULATOR_API_KEY, runCase, tinyCases } from "@extendkit/conformance";
import { serveBackend } from "@extendkit/conformance/node";
import { createClient, createTinyClient, type LiteClient } from "@extendkit/node";
import { afterAll, beforeAll, describe, it } from "vitest";

// The shared runtime conformance suite in Node: the built @extendkit/node, configured from
// process.env, against the emulator over real HTTP (Node's own fetch). The cases that need only
// run-id methods run again with core's createTinyClient (re-exported by @extendkit/node).
const backend = createBackend();
let server: Awaited<ReturnType<typeof serveBackend>>;

beforeAll(async () => {
  server = await serveBackend(backend);
  process.env.EXTEND_API_KEY = EMULATOR_API_KEY;
  process.env.EXTEND_BASE_URL = server.url;
});
afterAll(() => server.close());

describe("conformance (Node)", () => {
  for (const found of cases) {
    it(found.name, () => runCase(found, backend, { make: (overrides) => createClient(overrides) }));
  }
});

describe("conformance (Node), createTinyClient", () => {
  for (const found of tinyCases()) {
    it(found.name, () =>
      runCase(found, backend, {
        make: (overrides) =>
          createTinyClient({
            apiKey: EMULATOR_API_KEY,
            baseUrl: server.url,
            ...overrides,
          }) as unknown as LiteClient,
      }),
    );
  }
});
