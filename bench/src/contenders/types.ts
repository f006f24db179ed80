/**
 * The one shape every contender is reduced to, so each section runs the same work through each.
 * Contenders are created with an injected `fetch`: a stub (per-call overhead, peak RSS) or a
 * counting wrapper around the global fetch (loopback sections).
 */

/** What every contender's transport is given. Accepts both call styles peers use. */
export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

export interface ContenderInit {
  fetch: FetchLike;
  baseUrl: string;
  apiKey: string;
}

/** Summary of a bulk delete, as the bench loop (or a library's own helper) reports it. */
export interface BulkReport {
  /** Deletes that resolved. */
  deleted: number;
  /** Deletes that threw after the client's own retries (if any) gave up. */
  failed: number;
  /** The first few error messages, for the results file. */
  errors: string[];
}

/** The work every contender performs: cancel and delete one extract run. */
export interface RunApi {
  cancel(id: string): Promise<unknown>;
  delete(id: string): Promise<unknown>;
  /**
   * The library's own bulk delete, when it has one (`client.runs.deleteMany`, issue #9).
   * Absent: the bench's bounded-concurrency loop (`bulk-delete-loop.ts`) is used instead.
   */
  deleteMany?(
    ids: AsyncIterable<string> | Iterable<string>,
    concurrency: number,
  ): Promise<BulkReport>;
}

export interface Contender {
  /** Stable key: also the module name under `src/contenders/` and in child processes. */
  readonly name: ContenderName;
  /** Label in tables. */
  readonly label: string;
  create(init: ContenderInit): RunApi;
}

export type ContenderName =
  | "extendkit"
  | "raw-fetch"
  | "openapi-fetch"
  | "extend-ai"
  | "raw-fetch-timed";

/** The API version every contender sends. */
export const API_VERSION = "2026-02-09";
