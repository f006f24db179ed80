/** One goal of issue #8, judged from ratios or sizes measured in the same run. */
export interface Goal {
  goal: string;
  measured: string;
  met: boolean | undefined;
}

/** What each section hands to the report: a table, notes, goals, and the raw numbers. */
export interface SectionResult {
  id: string;
  title: string;
  /** How it was measured (iterations, sizes): printed above the table. */
  method: string;
  table: string;
  notes: string[];
  goals: Goal[];
  seconds: number;
}

/** Where the bench lives, for child scripts and worker entries. */
export const BENCH_DIR = new URL("../", import.meta.url);
export const CACHE_DIR = new URL(".cache/", BENCH_DIR);
