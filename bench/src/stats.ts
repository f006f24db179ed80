/** Median of a non-empty list (mean of the middle two for even lengths). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** `value / baseline`, NaN when either is missing. */
export function ratio(value: number, baseline: number): number {
  return Number.isFinite(value) && Number.isFinite(baseline) && baseline !== 0
    ? value / baseline
    : Number.NaN;
}

/**
 * The median of per-round ratios `values[i] / baselines[i]`: each value against the baseline
 * measured in the same round, so a machine that slows down or speeds up between rounds (a shared
 * VM does) shifts both sides of each ratio alike.
 */
export function pairedRatio(values: readonly number[], baselines: readonly number[]): number {
  return median(values.map((v, i) => ratio(v, baselines[i] ?? Number.NaN)).filter(Number.isFinite));
}

export function fmtRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "n/a";
}

/** A number with `digits` decimals and thousands separators; "n/a" when not finite. */
export function fmt(value: number, digits = 0): string {
  return Number.isFinite(value)
    ? value.toLocaleString("en-US", {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })
    : "n/a";
}

/** Bytes as KB with one decimal (1 KB = 1,000 bytes, as size budgets count). */
export function fmtKb(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(1)} KB` : "n/a";
}
