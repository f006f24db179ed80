// Child process of sections 4 and 5: the emulator served on 127.0.0.1, in its own process so
// the server's CPU is not charged to the client under test. Controlled over IPC (see
// `emulator-handle.ts`); answers each message with `{ seq, ... }`.
import { createEmulator, EMULATOR_API_KEY } from "@extendkit/emulator";
import { serve } from "@extendkit/emulator/serve";

// A real clock, so rate-limit windows pass; runs seeded PROCESSING stay PROCESSING for the whole
// bench (cancellable). strict off: response validation would add server CPU to every contender.
const emulator = createEmulator({
  clock: "real",
  durations: { pendingMs: 3_600_000, processingMs: 3_600_000 },
  strict: false,
});
const served = await serve(emulator, { port: 0, hostname: "127.0.0.1" });

export type ServerMessage =
  | { seq: number; type: "seed"; count: number }
  | { seq: number; type: "remaining" }
  | { seq: number; type: "limits"; write: number | false }
  | { seq: number; type: "reset" }
  | { seq: number; type: "close" };

let seeded: string[] = [];
const send = (message: Record<string, unknown>) => process.send?.(message);

process.on("message", async (raw) => {
  const message = raw as ServerMessage;
  switch (message.type) {
    case "seed": {
      seeded = [];
      for (let i = 0; i < message.count; i++) {
        seeded.push(emulator.seedRun({ kind: "extractRuns", status: "PROCESSING" }).id as string);
      }
      send({ seq: message.seq, ids: seeded });
      break;
    }
    case "remaining": {
      const left = seeded.filter((id) => emulator.getRun(id) !== undefined).length;
      const { retryAfterViolations, maxInFlight, requests } = emulator.records;
      const statuses: Record<string, number> = {};
      for (const r of requests) statuses[String(r.status)] = (statuses[String(r.status)] ?? 0) + 1;
      send({ seq: message.seq, left, retryAfterViolations, maxInFlight, statuses });
      break;
    }
    case "limits":
      emulator.setRateLimits(message.write === false ? false : { write: message.write });
      send({ seq: message.seq });
      break;
    case "reset":
      emulator.reset();
      seeded = [];
      send({ seq: message.seq });
      break;
    case "close":
      await served.close();
      send({ seq: message.seq });
      process.disconnect();
      break;
  }
});
send({ seq: 0, url: served.url, apiKey: EMULATOR_API_KEY });
