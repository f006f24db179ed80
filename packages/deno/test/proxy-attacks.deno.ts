// The proxy attack catalogue (reliability.md §4.1, P01–P47) against @extendkit/browser's proxy
// on Deno's own Request, Response, Headers and URL: the same rows as in Node
// (packages/browser/test/proxy-attacks.test.ts) and workerd, from @extendkit/conformance.
import { createProxyHandler, DEFAULT_ALLOW } from "@extendkit/browser/proxy";
import { proxyAttacks, runProxyAttack } from "@extendkit/conformance";

for (const attack of proxyAttacks({ createProxyHandler, DEFAULT_ALLOW })) {
  Deno.test(`proxy attack ${attack.name}`, () => runProxyAttack(attack));
}
