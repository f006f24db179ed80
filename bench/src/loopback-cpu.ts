// Contract: `pnpm --filter @extendkit/bench loopback-cpu [--pairs=N] [--rounds=N]
// [--concurrency=N] [contender ...]` (default: extendkit and raw-fetch, 3,000 pairs, 3 rounds,
// c=32; ratios against the last contender named) — the client's CPU per cancel + delete pair against the emulator served on 127.0.0.1 in
// its own process, the contenders alternating round by round. A tool for same-session A/B work on
// section 4's gap (build a variant of core, run this, compare with the shipped build): CPU per
// pair is far steadier than pairs/s when the client process is CPU-bound. Not part of `pnpm bench`.
import { parseArgs } from "node:util";
import { buildChildren } from "./build-children.ts";
import { contenderByName } from "./contenders/index.ts";
import { startEmulator } from "./emulator-handle.ts";
import { runPairs } from "./run-pairs.ts";
import { fmt, median } from "./stats.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pairs: { type: "string", default: "3000" },
    rounds: { type: "string", default: "3" },
    concurrency: { type: "string", default: "32" },
  },
});
const pairs = Number(values.pairs);
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);
for (const [name, value] of Object.entries({ pairs, rounds, concurrency })) {
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer`);
}
const names = positionals.length > 0 ? positionals : ["extendkit", "raw-fetch"];
const picked = names.map(contenderByName);

await buildChildren();
const emulator = await startEmulator();
const cpu = new Map<string, number[]>(names.map((n) => [n, []]));
try {
  // Warm-up round, not counted: connections and the JIT of both processes.
  for (const round of [-1, ...Array.from({ length: rounds }, (_, i) => i)]) {
    for (const contender of picked) {
      const api = contender.create({
        fetch: globalThis.fetch,
        baseUrl: emulator.url,
        apiKey: emulator.apiKey,
      });
      const ids = await emulator.seed(round < 0 ? 1000 : pairs);
      const { failed, seconds, cpuMicros } = await runPairs(api, ids, concurrency);
      if (round < 0) continue;
      const perPair = cpuMicros / ids.length;
      const perSecond = ids.length / seconds;
      cpu.get(contender.name)?.push(perPair);
      console.log(
        `round ${round + 1} ${contender.name.padEnd(14)} ${fmt(perSecond).padStart(6)} pairs/s ${fmt(perPair).padStart(5)} µs/pair${failed > 0 ? ` (${failed} failed)` : ""}`,
      );
    }
  }
} finally {
  await emulator.close();
}
const base = median(cpu.get(names[names.length - 1] as string) ?? []);
for (const name of names) {
  const m = median(cpu.get(name) ?? []);
  console.log(
    `median ${name.padEnd(14)} ${fmt(m).padStart(5)} µs/pair, ${(m / base).toFixed(2)}× ${names[names.length - 1]}`,
  );
}
