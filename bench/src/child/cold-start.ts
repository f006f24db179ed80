// Child process of section 3. argv[2]: a contender name, or "noop" for the baseline script;
// argv[3]: "create" (import + create the client, then exit) or "call" (also send one cancel).
// Prints one JSON line: milliseconds since this process's time origin at each step, and `cpu`,
// the process's user + system CPU milliseconds so far (steadier than wall time on a busy machine).
import type { Contender } from "../contenders/types.ts";
import { createStubFetch } from "../stub-fetch.ts";

const name = process.argv[2] ?? "noop";
const mode = process.argv[3] ?? "call";
const marks: Record<string, number> = {};
if (name !== "noop") {
  // A URL held in a variable, so esbuild leaves this import to Node at run time.
  const url = new URL(`../contenders/${name}.mjs`, import.meta.url).href;
  const mod = (await import(url)) as Record<string, Contender>;
  marks.imported = performance.now();
  const contender = Object.values(mod).find((v) => typeof v?.create === "function") as Contender;
  const stub = createStubFetch();
  const api = contender.create({
    fetch: stub.fetch,
    baseUrl: "http://stub.invalid",
    apiKey: "sk_test_bench",
  });
  marks.created = performance.now();
  if (mode === "call") {
    await api.cancel("exr_Xj8mK2pL9nR4vT7qY5wZ");
    marks.firstCall = performance.now();
    if (stub.counts.POST !== 1) throw new Error(`${name}: the first call did not reach the stub`);
  }
}
marks.done = performance.now();
const cpu = process.cpuUsage();
marks.cpu = (cpu.user + cpu.system) / 1000;
process.stdout.write(`${JSON.stringify(marks)}\n`);
