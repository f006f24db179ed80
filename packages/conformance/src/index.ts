/**
 * @module
 * The runtime conformance suite (README). Web-standard: runs in Node, Deno, workerd and Chromium.
 */

export { EMULATOR_API_KEY, EMULATOR_WORKSPACE_ID } from "@extendkit/emulator";
export { type Backend, createBackend, type Fault } from "./backend.ts";
export { assert, browserCases, type Case, cases, type MakeClient, tinyCases } from "./cases.ts";
export { describeError, type Outcome, settle } from "./describe-outcome.ts";
export { PROXY_ALLOW } from "./proxy-allow.ts";
export {
  type AttackProxyOptions,
  type AttackTarget,
  browser,
  CANARY,
  createAttackHarness,
  ORIGIN,
  type ProxyKit,
  SESSION,
  UPSTREAM,
} from "./proxy-attack-harness.ts";
export { type ProxyAttack, proxyAttacks, runProxyAttack } from "./proxy-attacks.ts";
export { act, runCase } from "./run-case.ts";
export { sameOriginFetch } from "./same-origin-fetch.ts";
