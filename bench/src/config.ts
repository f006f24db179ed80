/**
 * Iteration counts of every section, in one place. They are kept small on purpose: the whole run
 * must finish in a few minutes on 2 shared cores, and ratios from interleaved rounds are what the
 * goals are judged on, not absolute numbers.
 */
export const SETTINGS = {
  /** Section 2: interleaved rounds × mitata CPU budget (ms) per contender per round. */
  overhead: { rounds: 5, cpuMs: 150 },
  /** Section 3: rounds; each starts 9 fresh processes (no-op, and import+create / +first call per contender). */
  cold: { processes: 8 },
  /**
   * Section 4: interleaved rounds; cancel+delete pairs per trial, sequential and at concurrency 32.
   * 5 rounds of 1,200 pairs at c=32 (was 3 × 600): with 3 short rounds the c=32 ratio of two
   * back-to-back runs on an idle machine swung from 1.03× to 0.76× (raw fetch alone 1,126 → 1,525
   * pairs/s), too much to judge a 0.9× goal by.
   */
  loopback: { rounds: 5, sequentialPairs: 150, concurrentPairs: 1_200, concurrency: 32 },
  /**
   * Section 5: 10,000 runs at concurrency 16, unlimited; then `limitedRuns` runs under the
   * emulator's 10 req/s write limit (10,000 would take 17 minutes at 10 req/s).
   */
  bulk: { runs: 10_000, concurrency: 16, limitedRuns: 300, writeLimitPerSecond: 10 },
  /** Section 6: ids streamed through one bulk delete, and its concurrency. */
  rss: { count: 100_000, concurrency: 16 },
  /** Section 7: interleaved rounds × mitata CPU budget (ms) per verifier per round. */
  webhook: { rounds: 5, cpuMs: 100 },
} as const;
