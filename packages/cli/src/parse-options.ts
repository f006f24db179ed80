import { LISTABLE_RUN_TYPES, type ListableRunType, parseDuration } from "@extendkit/core";
import { InvalidArgumentError as CommanderArgumentError } from "commander";

/** `--older-than 30d`: a duration, checked now so a typo never means "everything". */
export function durationOption(value: string): string {
  try {
    parseDuration(value);
  } catch {
    throw new CommanderArgumentError(
      `"${value}" is not a duration; use a number and a unit, e.g. 30d, 12h, 1d12h, 90m (units ms, s, m, h, d, w)`,
    );
  }
  return value;
}

/** `--type extract` or `--type all`. */
export function typeOption(value: string): ListableRunType[] {
  if (value === "all") return [...LISTABLE_RUN_TYPES];
  if ((LISTABLE_RUN_TYPES as readonly string[]).includes(value)) return [value as ListableRunType];
  throw new CommanderArgumentError(
    `"${value}" is not a run type that can be listed; use one of ${LISTABLE_RUN_TYPES.join(", ")} or all`,
  );
}

/** `--metadata key=value`, repeatable: collected into one record. */
export function metadataOption(
  value: string,
  previous: Record<string, string> = {},
): Record<string, string> {
  const at = value.indexOf("=");
  if (at <= 0) {
    throw new CommanderArgumentError(`"${value}" is not key=value (e.g. --metadata customer=acme)`);
  }
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

/** A repeatable string option (`--status PROCESSED --status FAILED`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A positive integer (`--concurrency 8`). */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new CommanderArgumentError(`"${value}" is not a positive whole number`);
  }
  return n;
}

/** A whole number >= 0 (`--port 0`: any free port). */
export function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new CommanderArgumentError(`"${value}" is not a whole number >= 0`);
  }
  return n;
}

/** A positive number (`--max-rate 9.5`). */
export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0))
    throw new CommanderArgumentError(`"${value}" is not a positive number`);
  return n;
}
