import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createEmulator } from "@extendkit/emulator";
import { serve } from "@extendkit/emulator/serve";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript shared with Deno and workerd
import { runScenario } from "./scenario.js";

// Node: the shared scenario in-process and over HTTP (serve), both equal to the golden transcript
// that Deno and workerd are held to as well. `UPDATE_GOLDEN=1` rewrites it from the in-process run.
const golden = new URL("./scenario.golden.json", import.meta.url);

describe("runtime: Node", () => {
  it("in-process: the scenario matches the golden transcript", async () => {
    const emu = createEmulator({ seed: 42 });
    const transcript = await runScenario((path: string, init: RequestInit) =>
      emu.fetch(`http://emulator${path}`, init),
    );
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(golden))
      writeFileSync(golden, `${JSON.stringify(transcript, null, 2)}\n`);
    expect(transcript).toEqual(JSON.parse(readFileSync(golden, "utf8")));
    expect(transcript.length).toBeGreaterThan(20);
  });

  it("served over HTTP: the same transcript", async () => {
    const emu = createEmulator({ seed: 42 });
    const served = await serve(emu);
    try {
      const transcript = await runScenario((path: string, init: RequestInit) =>
        fetch(`${served.url}${path}`, init),
      );
      expect(transcript).toEqual(JSON.parse(readFileSync(golden, "utf8")));
    } finally {
      await served.close();
    }
  });
});
