import { cases, createBackend, EMULATOR_API_KEY, runCase } from "@extendkit/conformance";
import { serveBackend } from "@extendkit/conformance/node";
import { createClient } from "@extendkit/node";
import { afterAll, beforeAll, describe, it } from "vitest";

// The shared runtime conformance suite in Node: the built @extendkit/node, configured from
// process.env, against the emulator over real HTTP (Node's own fetch).
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
