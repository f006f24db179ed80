import { expect as chaiExpect } from "chai";

/**
 * The subset of vitest's `expect` the proxy attack catalogue uses, on chai (which runs unchanged
 * in Node, Deno, workerd and browsers), so the catalogue's assertions read the same in every
 * runtime. `toEqual` is chai's deep equality (stricter than vitest's about `undefined` fields).
 */
export function expect(actual: unknown) {
  const that = chaiExpect(actual);
  return {
    toEqual: (expected: unknown) => void that.to.deep.equal(expected),
    toBe: (expected: unknown) => void that.to.equal(expected),
    toHaveLength: (length: number) => void that.to.have.lengthOf(length),
    toMatch: (pattern: RegExp) => void that.to.match(pattern),
    toContain: (part: unknown) => void that.to.include(part),
    toBeUndefined: () => void that.to.equal(undefined),
    toBeGreaterThanOrEqual: (n: number) => void that.to.be.at.least(n),
    toBeLessThanOrEqual: (n: number) => void that.to.be.at.most(n),
    toBeInstanceOf: (type: new (...args: never[]) => unknown) => void that.to.be.instanceOf(type),
    not: {
      toContain: (part: unknown) => void that.to.not.include(part),
      toMatch: (pattern: RegExp) => void that.to.not.match(pattern),
    },
  };
}
