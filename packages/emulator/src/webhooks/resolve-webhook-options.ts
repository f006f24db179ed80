import { RUN_EVENT_TYPES, type RunEventType } from "./run-event-types.ts";
import type { WebhookEndpoint, WebhookOptions } from "./webhook-options.ts";

/** An endpoint with its defaults filled in, checked. */
export interface ResolvedEndpoint {
  url: string;
  secret: string;
  events: ReadonlySet<RunEventType>;
  payloadFormat: "inline" | "url";
  urlThresholdBytes: number;
}

export interface ResolvedWebhooks {
  endpoints: ResolvedEndpoint[];
  fetch: NonNullable<WebhookOptions["fetch"]>;
  payloadBaseUrl: string | null;
  timestamps: "wall" | "emulator";
  timeoutMs: number;
}

const KNOWN = new Set<string>(RUN_EVENT_TYPES);

function httpUrl(where: string, value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {}
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:"))
    throw new TypeError(`${where} must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  return value as string;
}

/** Checks endpoints (from options, `setEndpoints` or the control endpoint); throws a TypeError naming the field. */
export function resolveEndpoints(endpoints: unknown, where: string): ResolvedEndpoint[] {
  if (!Array.isArray(endpoints)) throw new TypeError(`${where} must be an array of endpoints`);
  return endpoints.map((value: unknown, i): ResolvedEndpoint => {
    const at = `${where}[${i}]`;
    if (!value || typeof value !== "object") throw new TypeError(`${at} must be an object`);
    const e = value as Partial<WebhookEndpoint>;
    const url = httpUrl(`${at}.url`, e.url);
    if (typeof e.secret !== "string" || e.secret.length === 0)
      throw new TypeError(`${at}.secret must be a non-empty string (the signing secret, wss_…)`);
    if (e.events !== undefined) {
      if (!Array.isArray(e.events) || e.events.length === 0)
        throw new TypeError(`${at}.events must list event types (omit it for every run event)`);
      const unknown = e.events.filter((t) => !KNOWN.has(t));
      if (unknown.length > 0)
        throw new TypeError(
          `${at}.events: unknown event type ${unknown.map((t) => JSON.stringify(t)).join(", ")}; ` +
            `run event types are ${RUN_EVENT_TYPES.join(", ")}`,
        );
    }
    const format = e.payloadFormat ?? "inline";
    if (format !== "inline" && format !== "url")
      throw new TypeError(`${at}.payloadFormat must be "inline" or "url"`);
    const threshold = e.urlThresholdBytes;
    if (threshold !== undefined) {
      if (format !== "url")
        throw new TypeError(`${at}.urlThresholdBytes applies only with payloadFormat: "url"`);
      if (!Number.isSafeInteger(threshold) || threshold < 0)
        throw new TypeError(`${at}.urlThresholdBytes must be a whole number >= 0`);
    }
    return {
      url,
      secret: e.secret,
      events: new Set(e.events ?? RUN_EVENT_TYPES),
      payloadFormat: format,
      urlThresholdBytes: threshold ?? 0,
    };
  });
}

/** Checks `EmulatorOptions.webhooks` and fills in its defaults. */
export function resolveWebhookOptions(options: WebhookOptions | undefined): ResolvedWebhooks {
  const where = "createEmulator: webhooks";
  if (options !== undefined && (!options || typeof options !== "object"))
    throw new TypeError(`${where} must be an object`);
  if (options?.fetch !== undefined && typeof options.fetch !== "function")
    throw new TypeError(`${where}.fetch must be a function with the signature of fetch`);
  const base = options?.payloadBaseUrl;
  const timestamps = options?.timestamps ?? "wall";
  const timeoutMs = options?.timeoutMs ?? 10_000;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1)
    throw new TypeError(`${where}.timeoutMs must be a whole number of milliseconds >= 1`);
  if (timestamps !== "wall" && timestamps !== "emulator")
    throw new TypeError(`${where}.timestamps must be "wall" or "emulator"`);
  return {
    endpoints: resolveEndpoints(options?.endpoints ?? [], `${where}.endpoints`),
    // Called detached, so a global fetch that needs its `this` (workerd) keeps it.
    fetch: options?.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    payloadBaseUrl:
      base === undefined ? null : httpUrl(`${where}.payloadBaseUrl`, base).replace(/\/+$/, ""),
    timestamps,
    timeoutMs,
  };
}
