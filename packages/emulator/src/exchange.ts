import type { RequestRecord } from "./emulator-records.ts";

/** One request in flight: passed from the emulator's `fetch` through Hono to the handlers. */
export interface Exchange {
  record: RequestRecord;
  /** True when a server adapter plays socket-level faults itself (see faults/wire-fault.ts). */
  wire: boolean;
  /** Set when the response body streams; in-flight accounting then ends with the stream. */
  streaming: { value: boolean };
  onStreamEnd: () => void;
  /** An error `fetch` must reject with instead of answering (connection resets, spec violations). */
  error?: unknown;
}
