// The test Worker of the proxy attack catalogue (reliability.md §4.1): runs one row, named in
// the body, against @extendkit/browser's proxy on workerd's own Request, Response, Headers, URL
// and timers, with the emulator in the same isolate; answers `{ ok }` or `{ ok: false, error }`.
import { createProxyHandler, DEFAULT_ALLOW } from "@extendkit/browser/proxy";
import { proxyAttacks, runProxyAttack } from "@extendkit/conformance";

const attacks = proxyAttacks({ createProxyHandler, DEFAULT_ALLOW });

export default {
  async fetch(request: Request): Promise<Response> {
    const { name } = (await request.json()) as { name?: string };
    const attack = attacks.find((a) => a.name === name);
    if (attack === undefined) return Response.json({ ok: false, error: `no attack ${name}` });
    try {
      await runProxyAttack(attack);
      return Response.json({ ok: true });
    } catch (error) {
      const e = error as Error;
      return Response.json({ ok: false, error: `${e.message}\n${e.stack ?? ""}` });
    }
  },
};
