import { createEmulator } from "./temporary-emulator.ts";

/** A fault the backend applies to the next `times` API requests, before the emulator sees them. */
export type Fault =
  | { times: number; status: number; headers?: Record<string, string>; body?: unknown }
  | { times: number; delayMs: number };

/** The emulator plus what the cases need around it; runs beside the emulator, never remotely. */
export interface Backend {
  /** The handler to serve: faults, then the emulator. */
  fetch(request: Request): Promise<Response>;
  /** Creates a run of `resource` (`"workflowRuns"`, …) in `status`; resolves to its id. */
  seed(resource: string, status?: string): Promise<string>;
  fault(fault: Fault): void;
  /** Paths of the API requests received since the last reset (faulted ones included). */
  paths(): string[];
  /** Most requests in flight at once since the last reset. */
  peak(): number;
  reset(): void;
}

export function createBackend(): Backend {
  const emulator = createEmulator();
  let faults: Fault[] = [];
  let paths: string[] = [];
  let inFlight = 0;
  let peak = 0;
  const handle = async (request: Request): Promise<Response> => {
    const fault = faults[0];
    if (fault !== undefined && --fault.times <= 0) faults.shift();
    if (fault === undefined) return emulator.fetch(request);
    if ("delayMs" in fault) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          request.signal.removeEventListener("abort", done);
          resolve();
        };
        const timer = setTimeout(done, fault.delayMs);
        request.signal.addEventListener("abort", done);
      });
      return emulator.fetch(request);
    }
    const body = fault.body ?? {
      code: `HTTP_${fault.status}`,
      message: "injected",
      retryable: true,
    };
    return Response.json(body, { status: fault.status, headers: fault.headers ?? {} });
  };
  return {
    async fetch(request) {
      paths.push(new URL(request.url).pathname);
      peak = Math.max(peak, ++inFlight);
      try {
        return await handle(request);
      } finally {
        inFlight--;
      }
    },
    seed: async (resource, status) => emulator.seedRun(resource, status),
    fault: (fault) => {
      faults.push({ ...fault });
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
