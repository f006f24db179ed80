import { extendAi } from "./extend-ai.ts";
import { extendkit } from "./extendkit.ts";
import { openapiFetch } from "./openapi-fetch.ts";
import { rawFetch } from "./raw-fetch.ts";
import { rawFetchTimed } from "./raw-fetch-timed.ts";
import type { Contender, ContenderName } from "./types.ts";

/** Every contender, in table order. Sections rotate this order each round (see `interleave.ts`). */
export const contenders: readonly Contender[] = [extendkit, rawFetch, openapiFetch, extendAi];

/**
 * Not contenders, never judged by a goal: reference rows of section 4 (also `loopback-cpu`'s), for
 * what a cost is before any library code.
 */
export const references: readonly Contender[] = [rawFetchTimed];

export function contenderByName(name: string): Contender {
  const found = [...contenders, ...references].find((c) => c.name === name);
  if (found === undefined) throw new Error(`unknown contender ${JSON.stringify(name)}`);
  return found;
}

export type { Contender, ContenderName };
