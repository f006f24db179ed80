import { InvalidArgumentError } from "../invalid-argument-error.ts";

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;

/**
 * Milliseconds in a duration such as `30d`, `12h`, `1d12h`, `90m`, `45s`, `2w` or `500ms`
 * (units: ms, s, m, h, d = 24 h, w = 7 d). Throws `InvalidArgumentError` for anything else,
 * including zero, so a typo can never mean "everything".
 */
export function parseDuration(text: string): number {
  const trimmed = typeof text === "string" ? text.trim() : "";
  let total = 0;
  let consumed = 0;
  PART.lastIndex = 0;
  for (let match = PART.exec(trimmed); match !== null; match = PART.exec(trimmed)) {
    total += Number(match[1]) * (UNIT_MS[match[2] as string] as number);
    consumed = PART.lastIndex;
  }
  if (trimmed === "" || consumed !== trimmed.length || !(total > 0) || !Number.isFinite(total)) {
    throw new InvalidArgumentError(
      `${JSON.stringify(String(text).slice(0, 40))} is not a duration: use a number and a unit, e.g. 30d, 12h, 1d12h, 90m (units ms, s, m, h, d, w)`,
    );
  }
  return Math.round(total);
}
