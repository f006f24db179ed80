/**
 * What is wrong with a numeric option (`"must be an integer >= 0"`), or undefined when it is unset
 * or fits: a finite number >= `min`, and an integer when `integer`. One rule for client options
 * (`resolveConfig`), per-call options (`checkRequestOptions`) and `maxPageSize`.
 */
export function numberProblem(value: unknown, min: number, integer?: boolean): string | undefined {
  return value === undefined ||
    (typeof value === "number" &&
      Number.isFinite(value) &&
      value >= min &&
      (!integer || Number.isInteger(value)))
    ? undefined
    : `must be ${integer ? "an integer" : "a finite number"} >= ${min}`;
}
