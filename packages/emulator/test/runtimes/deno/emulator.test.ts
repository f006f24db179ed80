// Deno: the shared scenario against the BUILT package (dist/), in-process and over Deno.serve on
// 127.0.0.1, must give the golden transcript Node and workerd give. Run by test/runtimes/run-deno.mjs.
import { createEmulator, EMULATOR_API_KEY } from "@extendkit/emulator";
import { runScenario } from "../scenario.js";

const golden = JSON.parse(
  await Deno.readTextFile(new URL("../scenario.golden.json", import.meta.url)),
);

/** Compares two transcripts step by step, ignoring key order (as vitest's toEqual does). */
function assertEqual(actual: unknown[], expected: unknown[], what: string) {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
          )
        : v;
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const a = JSON.stringify(canon(actual[i]));
    const e = JSON.stringify(canon(expected[i]));
    if (a !== e) throw new Error(`${what}: step ${i} differs\n  got:      ${a}\n  expected: ${e}`);
  }
}

Deno.test("in-process: the scenario matches the golden transcript", async () => {
  const emu = createEmulator({ seed: 42 });
  const transcript = await runScenario((path: string, init: RequestInit) =>
    emu.fetch(`http://emulator${path}`, init),
  );
  assertEqual(transcript, golden, "Deno in-process");
});

Deno.test("served with Deno.serve on 127.0.0.1: the same transcript", async () => {
  const emu = createEmulator({ seed: 42 });
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (request) =>
    emu.fetch(request),
  );
  try {
    const url = `http://127.0.0.1:${server.addr.port}`;
    const transcript = await runScenario((path: string, init: RequestInit) =>
      fetch(`${url}${path}`, init),
    );
    assertEqual(transcript, golden, "Deno served");
  } finally {
    await server.shutdown();
  }
});

Deno.test("connection faults reject in-process fetch as in Node", async () => {
  const emu = createEmulator();
  emu.addFault({ fault: { type: "resetBeforeCommit" }, count: 1 });
  let error: unknown;
  try {
    await emu.fetch("http://emulator/parse_runs", {
      headers: { authorization: `Bearer ${EMULATOR_API_KEY}` },
    });
  } catch (e) {
    error = e;
  }
  if (!(error instanceof TypeError)) throw new Error(`expected a TypeError, got ${error}`);
  const ok = await emu.fetch("http://emulator/parse_runs", {
    headers: { authorization: `Bearer ${EMULATOR_API_KEY}` },
  });
  if (ok.status !== 200) throw new Error(`expected 200, got ${ok.status}`);
});
