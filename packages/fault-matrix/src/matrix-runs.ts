/**
 * Runs per delete-matrix scenario (`matrixRuns(process.env.FAULT_MATRIX_N)`): 1,000, or the
 * number that variable names, for the catalogue's nightly size (reliability §5 G2: N = 10,000) by
 * hand. CI sets nothing; a value it cannot read fails the run rather than quietly testing less.
 */
export function matrixRuns(env: string | undefined): number {
  if (env === undefined || env === "") return 1000;
  const n = /^\d+$/.test(env.trim()) ? Number(env) : Number.NaN;
  if (!(n >= 10 && n <= 100_000)) {
    throw new Error(
      `FAULT_MATRIX_N must be a whole number of runs from 10 to 100,000, got ${JSON.stringify(env)}`,
    );
  }
  return n;
}
