// A Cloudflare Worker that embeds the emulator (the built dist/, bundled by esbuild). workerd runs
// it with no nodejs_compat: Web standards only, no eval. Routes:
//   /__scenario   runs the shared scenario inside workerd against an in-worker emulator
//   anything else is answered by one long-lived emulator (seed 42), so a client outside the worker
//   can run the same scenario over HTTP.
import { createEmulator } from "@extendkit/emulator";
import { runScenario } from "../scenario.js";

let served;

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/__scenario") {
      const emu = createEmulator({ seed: 42 });
      const transcript = await runScenario((path, init) =>
        emu.fetch(`http://emulator${path}`, init),
      );
      return Response.json(transcript);
    }
    served ??= createEmulator({ seed: 42 });
    return served.fetch(request);
  },
};
