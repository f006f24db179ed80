import { spec } from "./generated/spec.ts";
import { type SpecOperation, specOperations } from "./spec-operations.ts";
import { createSpecValidator, type SpecValidator } from "./spec-validator.ts";

let cached: { ops: SpecOperation[]; validator: SpecValidator } | undefined;

/** The spec's operations and validator, built once per process and shared by every emulator. */
export function sharedSpec(): { ops: SpecOperation[]; validator: SpecValidator } {
  if (!cached) {
    const ops = specOperations(spec);
    cached = { ops, validator: createSpecValidator(spec, ops) };
  }
  return cached;
}
