import {
  createEmulator,
  type Emulator,
  type Fault as EmulatorFault,
  type RunKind,
} from "@extendkit/emulator";

/**
 * A fault for the next `times` API requests. `status` is injected by the emulator (its `error`
 * fault: Extend's error body), and so is `emulator`, any of its faults (resets, a body cut off or
 * stalled, list glitches…) after `skip` requests, which `serveBackend` plays on the real socket; `redirect` and `delayMs` are played
 * here, in front of it, since the emulator has no redirect fault and its latency runs on its
 * virtual clock.
 */
export type Fault =
  | { times: number; status: number }
  | { times: number; emulator: EmulatorFault; skip?: number }
  | { times: number; redirect: string }
  | { times: number; delayMs: number };

/** The emulator plus what the cases need around it; runs beside the emulator, never remotely. */
export interface Backend {
  readonly emulator: Emulator;
  /** The handler to serve: this harness's faults, then the emulator. */
  fetch(request: Request): Promise<Response>;
  /** Seeds a run of `resource` (`"workflowRuns"`, …; `processorRuns` → an extract run) in `status`. */
  seed(resource: string, status?: string): Promise<string>;
  fault(fault: Fault): void;
  /** Paths of the API requests received since the last reset (faulted ones included). */
  paths(): string[];
  /** Most requests in flight at once since the last reset. */
  peak(): number;
  reset(): void;
}

/** `createEmulator()` with its defaults (key `sk_test_emulator`), wrapped for the suite. */
export function createBackend(): Backend {
  const emulator = createEmulator();
  let faults: Fault[] = [];
  let paths: string[] = [];
  let inFlight = 0;
  let peak = 0;
  const handle = async (request: Request): Promise<Response> => {
    const fault = faults[0];
    if (fault !== undefined && --fault.times <= 0) faults.shift();
    if (fault !== undefined && "redirect" in fault) {
      return new Response(null, { status: 302, headers: { location: fault.redirect } });
    }
    if (fault !== undefined && "delayMs" in fault) await delay(fault.delayMs, request.signal);
    return emulator.fetch(request);
  };
  return {
    emulator,
    async fetch(request) {
      paths.push(new URL(request.url).pathname);
      peak = Math.max(peak, ++inFlight);
      try {
        return await handle(request);
      } finally {
        inFlight--;
      }
    },
    async seed(resource, status = "PROCESSED") {
      const kind = (resource === "processorRuns" ? "extractRuns" : resource) as RunKind;
      return emulator.seedRun({ kind, status }).id as string;
    },
    fault(fault) {
      if ("status" in fault) {
        emulator.addFault({
          fault: { type: "error", status: fault.status, retryable: true },
          count: fault.times,
        });
      } else if ("emulator" in fault) {
        emulator.addFault({ fault: fault.emulator, count: fault.times, skip: fault.skip });
      } else {
        faults.push({ ...fault });
      }
    },
    paths: () => [...paths],
    peak: () => peak,
    reset() {
      emulator.reset();
      faults = [];
      paths = [];
      peak = inFlight;
    },
  };
}

/** Waits `ms` of real time, or until `signal` aborts (the client went away). */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}
