import { describe, expect, it } from "vitest";
import { matrixRuns } from "../src/matrix-runs.ts";
import { matrixSeeds } from "../src/matrix-seeds.ts";

describe("matrixSeeds (FAULT_MATRIX_SEEDS)", () => {
  it("is seeds 1–5 when unset or empty", () => {
    expect(matrixSeeds(undefined)).toEqual([1, 2, 3, 4, 5]);
    expect(matrixSeeds("")).toEqual([1, 2, 3, 4, 5]);
  });

  it("reads one seed or an inclusive range", () => {
    expect(matrixSeeds("42")).toEqual([42]);
    expect(matrixSeeds("6-9")).toEqual([6, 7, 8, 9]);
  });

  it("refuses a value it cannot read, rather than testing less", () => {
    for (const bad of ["0", "9-6", "a", "1-", "1,2", "1-20000"]) {
      expect(() => matrixSeeds(bad)).toThrow(/FAULT_MATRIX_SEEDS/);
    }
  });
});

describe("matrixRuns (FAULT_MATRIX_N)", () => {
  it("is 1,000 when unset or empty, else the number given", () => {
    expect(matrixRuns(undefined)).toBe(1000);
    expect(matrixRuns("")).toBe(1000);
    expect(matrixRuns("10000")).toBe(10_000);
  });

  it("refuses a value it cannot read, rather than testing less", () => {
    for (const bad of ["0", "9", "1e4", "10,000", "-5", "200000", "ten"]) {
      expect(() => matrixRuns(bad)).toThrow(/FAULT_MATRIX_N/);
    }
  });
});
