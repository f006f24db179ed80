import { extendAi } from "./extend-ai.ts";
import { extendkit } from "./extendkit.ts";
import { openapiFetch } from "./openapi-fetch.ts";
import { rawFetch } from "./raw-fetch.ts";
import type { Contender, ContenderName } from "./types.ts";

/** Every contender, in table order. Sections rotate this order each round (see `interleave.ts`). */
export const contenders: readonly Contender[] = [extendkit, rawFetch, openapiFetch, extendAi];

export function contenderByName(name: string): Contender {
  const found = contenders.find((c) => c.name === name);
  if (found === undefined) throw new Error(`unknown contender ${JSON.stringify(name)}`);
  return found;
}

export type { Contender, ContenderName };
