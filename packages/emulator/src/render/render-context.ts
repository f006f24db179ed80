import type { RunStore } from "../run-store.ts";

/** What a renderer may look at besides the run itself. */
export interface RenderContext {
  now: number;
  store: RunStore;
  /** `GET /parse_runs/{id}` and `POST /parse`: `url` shows `outputUrl` instead of `output`. */
  responseType?: "json" | "url";
}

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** A short, stable id body derived from `text` (FNV-1a), for ids of things the emulator invents. */
export function stableSuffix(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36).padStart(7, "0");
}

/** Usage is shown once a run is PROCESSED (REFERENCE §3.8). */
export const usageOf = (status: string) =>
  status === "PROCESSED" ? { credits: 1, totalCredits: 1 } : null;
export const usageSummaryOf = (status: string) => (status === "PROCESSED" ? { credits: 1 } : null);

/** Links in payloads point at a host that never resolves: nothing leaves the machine. */
export const FILES_HOST = "https://files.emulator.extendkit.invalid";
