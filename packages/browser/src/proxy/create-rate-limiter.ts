const MAX_KEYS = 10_000;

/**
 * Token buckets per key: `requests` tokens, refilled continuously over `windowMs`. Returns 0 when
 * a request may go, else the seconds until it could (for `Retry-After`). At most 10 000 keys are
 * kept (the oldest are dropped), so a flood of distinct keys cannot exhaust memory.
 */
export function createRateLimiter(requests: number, windowMs: number, now = () => Date.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = requests / windowMs;
  return (key: string): number => {
    const time = now();
    const bucket = buckets.get(key) ?? { tokens: requests, at: time };
    bucket.tokens = Math.min(requests, bucket.tokens + (time - bucket.at) * perMs);
    bucket.at = time;
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  };
}
