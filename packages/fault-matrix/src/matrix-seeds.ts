/**
 * The seeds every matrix test runs (`matrixSeeds(process.env.FAULT_MATRIX_SEEDS)`): 1–5, or the
 * range that variable names (`"6-100"`, or one seed, `"42"`) for a longer soak by hand. CI sets
 * nothing, so it always runs 1–5; a bad value fails the run rather than quietly testing less.
 */
export function matrixSeeds(env: string | undefined): number[] {
  if (env === undefined || env === "") return [1, 2, 3, 4, 5];
  const match = /^(\d+)(?:-(\d+))?$/.exec(env.trim());
  const from = Number(match?.[1]);
  const to = Number(match?.[2] ?? match?.[1]);
  if (match === null || from < 1 || to < from || to - from >= 10_000) {
    throw new Error(
      `FAULT_MATRIX_SEEDS must be a seed or a range "a-b" (1 ≤ a ≤ b, at most 10,000 seeds), got ${JSON.stringify(env)}`,
    );
  }
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
