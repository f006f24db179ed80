import { inspectJson } from "./inspect-json.ts";

/**
 * The `retryable` flag of an error body (flat, or wrapped as `{ error: { … } }`), or undefined
 * when the body is not JSON or does not say. When present it decides over the status (§1.3).
 */
export function errorBodyRetryable(text: string): boolean | undefined {
  const json = inspectJson(text);
  if (!json.ok || typeof json.value !== "object" || json.value === null) return undefined;
  const body = json.value as { retryable?: unknown; error?: { retryable?: unknown } };
  const flag =
    body.retryable ?? (typeof body.error === "object" ? body.error?.retryable : undefined);
  return typeof flag === "boolean" ? flag : undefined;
}
