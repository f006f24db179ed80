// Contract: `await startEmulatorTarget(project)` → `{ kind, url, apiKey, seed(runType) → id,
// exists(id), effects(id), requests, delivery() → a signed webhook delivery, close() }`. Loads the *packed* @extendkit/emulator installed
// in the scratch `project` through require() (its CommonJS build: a consumer in its own right),
// serves it with `@extendkit/emulator/serve` on 127.0.0.1 behind a header recorder, and seeds
// PROCESSING runs straight into its state. `requests` are the recorder's `{ method, path, headers }`.
import { createRequire } from "node:module";
import { join } from "node:path";
import { startRecorder } from "./start-recorder.mjs";

export async function startEmulatorTarget(project) {
  const require = createRequire(join(project, "package.json"));
  const { createEmulator, EMULATOR_API_KEY, signWebhook } = require("@extendkit/emulator");
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
    delivery: () => signedDelivery(signWebhook),
    close: async () => {
      await recorder.close();
      await served.close();
    },
  };
}

/**
 * A webhook delivery signed by the packed emulator's `signWebhook` (its own HMAC, not core's),
 * now: `{ secret, headers, body, eventId }` for the consumers' `verifyWebhook` check.
 */
async function signedDelivery(signWebhook) {
  const secret = "wss_smoke_secret";
  const eventId = "event_smoke";
  const payload = { object: "extract_run", id: "exr_smoke", status: "PROCESSED", note: "Zoë ✓" };
  const body = JSON.stringify({ eventId, eventType: "extract_run.processed", payload });
  const headers = await signWebhook({ secret, body, timestamp: Math.floor(Date.now() / 1000) });
  return { secret, headers, body, eventId };
}
