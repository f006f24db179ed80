// Child process of section 6. argv: <contender|noop> <count> <concurrency>.
// Streams `count` generated ids through a bulk delete against the stub fetch and prints one JSON
// line (the stub answers from a macrotask, like real I/O: see `StubOptions.macrotask`): peak RSS (MB) after imports and at the end, deletes done and failed, and the time taken.
import { bulkDeleteLoop, generateIds } from "../bulk-delete-loop.ts";
import type { BulkReport, Contender } from "../contenders/types.ts";
import { createStubFetch } from "../stub-fetch.ts";

const [name = "noop", countArg = "100000", concurrencyArg = "16"] = process.argv.slice(2);
const count = Number(countArg);
const concurrency = Number(concurrencyArg);
const peakMb = () => process.resourceUsage().maxRSS / 1024;

const stub = createStubFetch({ macrotask: true });
let deleteOne: (id: string) => Promise<unknown> = async () => undefined;
let deleteMany: ((ids: AsyncIterable<string>, c: number) => Promise<BulkReport>) | undefined;
let helper = "bench loop";
if (name !== "noop") {
  const url = new URL(`../contenders/${name}.mjs`, import.meta.url).href;
  const mod = (await import(url)) as Record<string, Contender>;
  const contender = Object.values(mod).find((v) => typeof v?.create === "function") as Contender;
  const api = contender.create({
    fetch: stub.fetch,
    baseUrl: "http://stub.invalid",
    apiKey: "sk_test_bench",
  });
  deleteOne = (id) => api.delete(id);
  if (api.deleteMany !== undefined) {
    deleteMany = api.deleteMany.bind(api);
    helper = "library helper";
  }
}
const afterImport = peakMb();
const t0 = performance.now();
const ids = generateIds(count);
const report = deleteMany
  ? await deleteMany(ids, concurrency)
  : await bulkDeleteLoop(ids, concurrency, deleteOne);
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(
  `${JSON.stringify({ afterImport, peak: peakMb(), seconds, helper, ...report, stubDeletes: stub.counts.DELETE })}\n`,
);
