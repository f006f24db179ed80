// Contract: `await startEmulatorTarget(project)` → `{ kind, url, apiKey, seed(runType) → id,
// exists(id), effects(id), requests, close() }`. Loads the *packed* @extendkit/emulator installed
// in the scratch `project` through require() (its CommonJS build: a consumer in its own right),
// serves it with `@extendkit/emulator/serve` on 127.0.0.1 behind a header recorder, and seeds
// PROCESSING runs straight into its state. `requests` are the recorder's `{ method, path, headers }`.
import { createRequire } from "node:module";
import { join } from "node:path";
import { startRecorder } from "./start-recorder.mjs";

export async function startEmulatorTarget(project) {
  const require = createRequire(join(project, "package.json"));
  const { createEmulator, EMULATOR_API_KEY } = require("@extendkit/emulator");
  const { serve } = require("@extendkit/emulator/serve");
  const { version } = require("@extendkit/emulator/package.json");
  const emulator = createEmulator();
  const served = await serve(emulator, { port: 0, hostname: "127.0.0.1" });
  const recorder = await startRecorder(served.url);
  return {
    kind: `@extendkit/emulator@${version} (packed, CommonJS build) via serve at ${served.url}`,
    url: recorder.url,
    apiKey: EMULATOR_API_KEY,
    seed: (runType) => emulator.seedRun({ kind: runType.kind, status: "PROCESSING" }).id,
    exists: (id) => emulator.getRun(id) !== undefined,
    effects: (id) => emulator.records.effects(id),
    requests: recorder.requests,
    close: async () => {
      await recorder.close();
      await served.close();
    },
  };
}
