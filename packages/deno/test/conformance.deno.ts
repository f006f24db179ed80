// The shared runtime conformance suite under `deno test`: the built @extendkit/deno (npm build,
// resolved from node_modules), Deno's own fetch, and the emulator served by Deno.serve.
import { cases, createBackend, EMULATOR_API_KEY, runCase } from "@extendkit/conformance";
import { createClient } from "@extendkit/deno";

const backend = createBackend();

for (const found of cases) {
  Deno.test(found.name, async () => {
    const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, backend.fetch);
    try {
      const baseUrl = `http://127.0.0.1:${server.addr.port}`;
      Deno.env.set("EXTEND_API_KEY", EMULATOR_API_KEY);
      await runCase(found, backend, {
        make: (overrides) => createClient({ baseUrl, ...overrides }),
      });
    } finally {
      await server.shutdown();
    }
  });
}
