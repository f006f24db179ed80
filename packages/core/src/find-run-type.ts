import { runTypes } from "./generated/run-types.ts";

/** A row of the generated id-prefix table. */
export type RunType = (typeof runTypes)[number];

/** The run type whose prefix is the longest one `id` starts with, or undefined. */
export function findRunType(id: string): RunType | undefined {
  let best: RunType | undefined;
  for (const type of runTypes) {
    if (
      id.startsWith(type.prefix) &&
      (best === undefined || type.prefix.length > best.prefix.length)
    ) {
      best = type;
    }
  }
  return best;
}
