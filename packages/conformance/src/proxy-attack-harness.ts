import { EMULATOR_API_KEY } from "@extendkit/emulator";
import { createBackend } from "./backend.ts";
import { expect } from "./expect.ts";

/** The key the proxy holds: it must never appear in a response, a relayed body or a log. */
export const CANARY = EMULATOR_API_KEY;
export const ORIGIN = "https://app.example";
export const UPSTREAM = "https://api.extend.test";
export const SESSION = "session=valid";

/** The target an `authorize` callback is shown (the fields the catalogue reads). */
export interface AttackTarget {
  id: string;
}

/** The proxy options the catalogue sets (a structural subset of @extendkit/browser's `ProxyOptions`). */
export interface AttackProxyOptions {
  apiKey: string;
  baseUrl: string;
  authorize: (
    request: Request,
    target: AttackTarget,
  ) => boolean | "not_found" | Promise<boolean | "not_found">;
  fetch: (request: Request) => Promise<Response>;
  log: (entry: unknown) => void;
  allow: readonly string[];
  workspaceId?: string;
  bodyTimeoutMs?: number;
  rateLimit?: { requests: number; windowMs?: number };
}

/**
 * What the catalogue needs of `@extendkit/browser/proxy`, passed in by each runtime's test (this
 * package does not depend on the browser package, whose tests depend on this one).
 */
export interface ProxyKit {
  createProxyHandler(options: AttackProxyOptions): (request: Request) => Promise<Response>;
  DEFAULT_ALLOW: readonly string[];
}

/** A proxy in front of the emulator, recording every upstream request and every log entry. */
export function createAttackHarness(kit: ProxyKit, options: Partial<AttackProxyOptions> = {}) {
  const backend = createBackend();
  const calls: Request[] = [];
  const logs: unknown[] = [];
  let upstream: (request: Request) => Promise<Response> = backend.fetch;
  const handler = kit.createProxyHandler({
    apiKey: CANARY,
    baseUrl: UPSTREAM,
    authorize: (request) => (request.headers.get("cookie") ?? "").includes(SESSION),
    fetch: async (request) => {
      calls.push(request.clone());
      return upstream(request);
    },
    log: (entry) => logs.push(entry),
    allow: kit.DEFAULT_ALLOW,
    ...options,
  });

  /** Sends one request and checks what every row of the attack table requires of the answer. */
  async function send(path: string, init: RequestInit = {}) {
    const request = new Request(`${ORIGIN}${path}`, init);
    const response = await handler(request);
    const text = await response.text();
    const headerText = JSON.stringify([...response.headers]);
    expect(text).not.toContain(CANARY);
    expect(headerText).not.toContain(CANARY);
    expect(JSON.stringify(logs)).not.toContain(CANARY);
    expect(response.headers.has("set-cookie")).toBe(false);
    expect(response.headers.has("access-control-allow-origin")).toBe(false);
    if (response.status !== 204) {
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
    const json = text === "" ? undefined : (JSON.parse(text) as Record<string, unknown>);
    return { status: response.status, headers: response.headers, text, json };
  }

  return {
    backend,
    calls,
    logs,
    send,
    setUpstream(next: (request: Request) => Promise<Response>) {
      upstream = next;
    },
  };
}

/** Headers of a same-origin request from the signed-in browser. */
export const browser = (extra: Record<string, string> = {}) => ({
  cookie: SESSION,
  origin: ORIGIN,
  "sec-fetch-site": "same-origin",
  ...extra,
});
