// The shared runtime conformance suite under `deno test`: the built @extendkit/deno (npm build,
// resolved from node_modules), Deno's own fetch, and the emulator served by Deno.serve. The cases
// that need only run-id methods run again with the adapter's createTinyClient (from Deno.env too).
import {
  type Case,
  cases,
  createBackend,
  EMULATOR_API_KEY,
  type MakeClient,
  runCase,
  tinyCases,
} from "@extendkit/conformance";
import { createClient, createTinyClient, type LiteClient } from "@extendkit/deno";

const backend = createBackend();

/** Registers `found` as a Deno test, with a fresh Deno.serve'd emulator and `make(baseUrl)`. */
function register(name: string, found: Case, make: (baseUrl: string) => MakeClient): void {
  Deno.test(name, async () => {
    const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, backend.fetch);
    try {
      Deno.env.set("EXTEND_API_KEY", EMULATOR_API_KEY);
      await runCase(found, backend, { make: make(`http://127.0.0.1:${server.addr.port}`) });
    } finally {
      await server.shutdown();
    }
  });
}

for (const found of cases) {
  register(found.name, found, (baseUrl) => (overrides) => createClient({ baseUrl, ...overrides }));
}
for (const found of tinyCases()) {
  register(
    `createTinyClient: ${found.name}`,
    found,
    (baseUrl) => (overrides) =>
      createTinyClient({
        apiKey: EMULATOR_API_KEY,
        baseUrl,
        ...overrides,
      }) as unknown as LiteClient,
  );
}
