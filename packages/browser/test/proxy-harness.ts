import {
  createProxyHandler,
  DEFAULT_ALLOW,
  type ProxyLogEntry,
  type ProxyOptions,
} from "@extendkit/browser/proxy";
import { createBackend, EMULATOR_API_KEY } from "@extendkit/conformance";
import { expect } from "vitest";

/** The key the proxy holds: it must never appear in a response, a relayed body or a log. */
export const CANARY = EMULATOR_API_KEY;
export const ORIGIN = "https://app.example";
export const UPSTREAM = "https://api.extend.test";
export const SESSION = "session=valid";

/** A proxy in front of the emulator, recording every upstream request and every log entry. */
export function createHarness(options: Partial<ProxyOptions> = {}) {
  const backend = createBackend();
  const calls: Request[] = [];
  const logs: ProxyLogEntry[] = [];
  let upstream: (request: Request) => Promise<Response> = backend.fetch;
  const handler = createProxyHandler({
    apiKey: CANARY,
    baseUrl: UPSTREAM,
    authorize: (request) => (request.headers.get("cookie") ?? "").includes(SESSION),
    fetch: async (request) => {
      calls.push(request.clone());
      return upstream(request);
    },
    log: (entry) => logs.push(entry),
    allow: DEFAULT_ALLOW,
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
