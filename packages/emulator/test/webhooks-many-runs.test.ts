import { createEmulator, createRng } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { api, CREATE } from "./helpers.ts";
import { recordingFetch } from "./webhook-helpers.ts";

// Many runs, created over time and cancelled or deleted at random (seeded), with webhooks on: the
// watcher looks only at runs that are due or changed, so this checks it misses nothing and
// repeats nothing: one `extract_run.processed` for each run that finished while it existed, none
// for a run cancelled or deleted before it finished.

describe("webhooks over many runs", () => {
  it("every finished run fires exactly once; cancelled and early-deleted runs never do", async () => {
    for (const seed of [1, 2, 3]) {
      const receiver = recordingFetch();
      const endpoints = [{ url: "https://hooks.example.test/in", secret: "wss_many" }];
      const emu = createEmulator({ webhooks: { endpoints, fetch: receiver.fetch } });
      const call = api(emu);
      const rng = createRng(seed);
      const fate = new Map<string, "finishes" | "cancelled" | "deleted early" | "deleted after">();
      const live: string[] = [];
      for (let i = 0; i < 1_500; i++) {
        const run = (await call("POST", "/extract_runs", CREATE["/extract_runs"])).body as {
          id: string;
        };
        fate.set(run.id, "finishes");
        live.push(run.id);
        if (i % 10 === 9) await emu.clock.advance(150 + rng.int(300)); // runs take 2,000 ms
        if (rng.next() < 0.15) {
          const id = live[rng.int(live.length)] as string;
          const finished = (await call("GET", `/extract_runs/${id}`)).body as { status: string };
          if (finished.status === "PROCESSING" && rng.next() < 0.5) {
            await call("POST", `/extract_runs/${id}/cancel`);
            if (fate.get(id) === "finishes") fate.set(id, "cancelled");
          } else if ((await call("DELETE", `/extract_runs/${id}`)).status === 200) {
            const before = fate.get(id);
            fate.set(id, finished.status === "PROCESSING" ? "deleted early" : "deleted after");
            if (before === "cancelled") fate.set(id, "cancelled");
            live.splice(live.indexOf(id), 1);
          }
        }
      }
      await emu.clock.advance(10_000);
      await emu.webhooks.idle();
      const fired = receiver.received.map((r) => r.event.payload.id as string);
      const expected = [...fate]
        .filter(([, f]) => f === "finishes" || f === "deleted after")
        .map(([id]) => id);
      expect(new Set(fired).size, `seed ${seed}: no event twice`).toBe(fired.length);
      expect(fired.sort(), `seed ${seed}`).toEqual(expected.sort());
      expect(receiver.received.every((r) => r.event.eventType === "extract_run.processed")).toBe(
        true,
      );
      expect(fired.length).toBeGreaterThan(1_000);
    }
  });
});
