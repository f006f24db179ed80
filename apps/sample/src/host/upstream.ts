import type { SampleInputs } from "../sample-inputs.ts";
import type { Target } from "./read-target.ts";

/**
 * The API an out-of-process runtime talks to: the live API, or an emulator served on 127.0.0.1
 * with a real clock (each runtime gets its own). `close` stops a served emulator.
 */
export interface Upstream {
  target: "emulator" | "live";
  baseUrl: string;
  apiKey: string;
  workspaceId: string | undefined;
  inputs: SampleInputs;
  /** Milliseconds between two reads of a run while waiting, and how many reads at most. */
  pollMs: number;
  maxPolls: number;
  close(): Promise<void>;
}

/** Opens the upstream for one out-of-process runtime. */
export async function openUpstream(target: Target): Promise<Upstream> {
  if (target.kind === "live") {
    // Live runs take seconds to minutes: poll every 2 s for up to 5 minutes per status change.
    const { apiKey, baseUrl, workspaceId, inputs } = target;
    return {
      target: "live",
      apiKey,
      baseUrl,
      workspaceId,
      inputs,
      pollMs: 2000,
      maxPolls: 150,
      close: async () => {},
    };
  }
  const { serveEmulator } = await import("./serve-emulator.ts");
  return serveEmulator();
}
