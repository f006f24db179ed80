import { createRateLimiter } from "@extendkit/core";

/** Options every bulk command (cancel, delete, purge) takes. */
export interface BulkCommandOptions {
  concurrency: number;
  maxRate?: number;
  maxRetryAfter: number;
  checkpoint?: string | false;
  json?: boolean;
  progress?: boolean;
  emulator?: boolean;
  verbose?: boolean;
}

/** The `deleteMany` / `cancelMany` options these command-line options mean. */
export function jobOptions(options: BulkCommandOptions, signal: AbortSignal) {
  return {
    concurrency: options.concurrency,
    maxRetryAfter: options.maxRetryAfter * 1000,
    signal,
    ...(options.maxRate !== undefined && {
      rateLimiter: createRateLimiter({ maxRate: options.maxRate }),
    }),
  };
}
