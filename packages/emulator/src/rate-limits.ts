/**
 * Requests per window allowed per API key and category (REFERENCE §5.4: GET = reads, WRITE =
 * update/cancel/delete, RUN = anything that submits files). A category left out is unlimited.
 */
export interface RateLimits {
  get?: number;
  write?: number;
  run?: number;
  /** Window length on the emulator clock. Default `1000` (limits are per second). */
  windowMs?: number;
}
