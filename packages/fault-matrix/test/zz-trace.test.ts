import { it } from "vitest";
import { createTinyClient } from "@extendkit/core";
import { createRng, EMULATOR_API_KEY } from "@extendkit/emulator";
import { CANCELLABLE_KINDS, seedTargets } from "../src/seed-targets.ts";
import { setupEmulatedClient } from "../src/setup-emulated-client.ts";

const ID = process.env.TRACE_ID ?? "";
const SEED = Number(process.env.TRACE_SEED ?? 1);
const SCEN = (process.env.TRACE_SCEN ?? "F20") as "F20";
it("trace", async () => {
  const { emulator, time, view, client } = setupEmulatedClient({ seed: SEED, durations: { processingMs: 3_600_000 } });
  const log: string[] = [];
  const tiny = createTinyClient({
    apiKey: EMULATOR_API_KEY, baseUrl: "http://emulator.test", clock: time.clock, random: createRng(SEED).next,
    fetch: async (r) => {
      const line = `${time.clock.now()} ${r.method} ${new URL(r.url).pathname} retry=${r.headers.get("x-extendkit-retry-count")}`;
      const interesting = r.url.includes(ID);
      try {
        const res = await view.fetch(r);
        if (interesting) { const t = await res.clone().text().catch((e) => `<body err ${e}>`); log.push(`${line} -> ${res.status} ${t.slice(0, 120)} | run=${(emulator.getRun(ID) as {status?:string})?.status}`); }
        return res;
      } catch (e) { if (interesting) log.push(`${line} -> THREW ${e} | run=${(emulator.getRun(ID) as {status?:string})?.status}`); throw e; }
    },
  });
  const { targets } = seedTargets(emulator, 200, { kinds: CANCELLABLE_KINDS, status: "PROCESSING" });
  emulator.installScenario(SCEN);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const id = targets[next++] as string;
      const resource = client.runs.resourceFor(id)!;
      try { await (tiny[resource] as any).cancel(id); if (id === ID) log.push("RESOLVED"); }
      catch (e) { if (id === ID) log.push(`FAILED ${(e as Error).name} outcomeUnknown=${(e as any).outcomeUnknown} ${(e as Error).message}`); }
    }
  };
  await time.drive(Promise.all(Array.from({ length: 8 }, worker)));
  console.log(log.join("\n"));
});
