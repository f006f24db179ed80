import { createProxyHandler, DEFAULT_ALLOW } from "@extendkit/browser/proxy";
import { proxyAttacks, runProxyAttack } from "@extendkit/conformance";
import { describe, it } from "vitest";

// The proxy attack catalogue, reliability.md §4.1 (P01–P47), from @extendkit/conformance: the
// same rows run against the proxy in Deno (packages/deno/test/proxy-attacks.deno.ts) and workerd
// (packages/workers/test/proxy-attacks.test.ts). Each row's name starts with its P-id.
describe("proxy attack catalogue (reliability §4.1)", () => {
  for (const attack of proxyAttacks({ createProxyHandler, DEFAULT_ALLOW })) {
    it(attack.name, () => runProxyAttack(attack));
  }
});
