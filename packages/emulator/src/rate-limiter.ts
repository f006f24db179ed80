import type { RateLimits } from "./rate-limits.ts";
import type { RateCategory } from "./spec-operations.ts";

export type RateDecision =
  | { ok: true; limit: number | null; remaining: number | null; resetAt: number | null }
  | { ok: false; limit: number; remaining: 0; resetAt: number; retryAfterMs: number };

/** Fixed windows on the emulator clock, per client (API key) and category. */
export class RateLimiter {
  #windows = new Map<string, { start: number; used: number }>();
  limits: RateLimits | false;

  constructor(limits: RateLimits | false) {
    this.limits = limits;
  }

  take(client: string, category: RateCategory, now: number): RateDecision {
    const limit = this.limits ? this.limits[category] : undefined;
    if (!this.limits || limit === undefined)
      return { ok: true, limit: null, remaining: null, resetAt: null };
    const windowMs = this.limits.windowMs ?? 1000;
    const start = Math.floor(now / windowMs) * windowMs;
    const key = `${client}:${category}`;
    let w = this.#windows.get(key);
    if (!w || w.start !== start) {
      w = { start, used: 0 };
      this.#windows.set(key, w);
    }
    const resetAt = start + windowMs;
    if (w.used >= limit)
      return { ok: false, limit, remaining: 0, resetAt, retryAfterMs: resetAt - now };
    w.used++;
    return { ok: true, limit, remaining: limit - w.used, resetAt };
  }

  reset(): void {
    this.#windows.clear();
  }
}
