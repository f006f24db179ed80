import { type ExtendClient, runTypes } from "@extendkit/core";
import type { RunResource } from "./run-resource.ts";

/** `client.runs`: any run by id, routed by the id's prefix (REFERENCE §1.5). */
export interface RunsApi {
  retrieve(id: string): Promise<unknown>;
  cancel(id: string): Promise<unknown>;
  delete(id: string): Promise<unknown>;
}

/** The client's any-run API, when the client has one. */
export function runsApi(client: ExtendClient): RunsApi | undefined {
  return (client as { runs?: RunsApi }).runs;
}

/**
 * True when `client.runs.*` sends this id to `resource`: the longest matching prefix of the
 * generated routing table names it. Evaluation set runs share `bpr_` with batch runs, and legacy
 * processor runs share `exr_` with extract runs, so those go through their own resource instead.
 */
export function routedHere(id: string, resource: RunResource): boolean {
  let best: (typeof runTypes)[number] | undefined;
  for (const row of runTypes) {
    if (id.startsWith(row.prefix) && row.prefix.length > (best?.prefix.length ?? 0)) best = row;
  }
  return best?.resource === resource;
}
