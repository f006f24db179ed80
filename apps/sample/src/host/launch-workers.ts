import { Miniflare } from "miniflare";
import { bundlePath } from "./bundle-path.ts";
import type { Launch } from "./launch.ts";
import { decodeText, readEvents } from "./read-events.ts";
import { openUpstream, runtimeConfig } from "./upstream.ts";

/** A date workerd 1.20260312 supports; no compatibility flags, so no `nodejs_compat`. */
const COMPATIBILITY_DATE = "2026-03-01";

/**
 * Runs `dist/worker.js` (the sample with `@extendkit/workers`) as a module Worker in workerd,
 * through Miniflare. The credentials are the Worker's bindings, as `wrangler secret put` would
 * make them; the sample's config is the body of the one request the host sends it.
 */
export const launchWorkers: Launch = async ({ target, only, emit }) => {
  const upstream = await openUpstream(target);
  const bindings: Record<string, string> = {
    EXTEND_API_KEY: upstream.apiKey,
    EXTEND_BASE_URL: upstream.baseUrl,
  };
  if (upstream.workspaceId) bindings.EXTEND_WORKSPACE_ID = upstream.workspaceId;
  const worker = new Miniflare({
    modules: true,
    scriptPath: bundlePath("worker.js"),
    compatibilityDate: COMPATIBILITY_DATE,
    bindings,
  });
  try {
    const config = runtimeConfig(upstream, only);
    const response = await worker.dispatchFetch("http://sample.local/", {
      method: "POST",
      body: JSON.stringify(config),
    });
    if (!response.ok || !response.body) {
      throw new Error(
        `the Worker answered ${response.status}: ${(await response.text()).slice(0, 500)}`,
      );
    }
    await readEvents(decodeText(response.body as unknown as ReadableStream<Uint8Array>), emit);
  } finally {
    await worker.dispose();
    await upstream.close();
  }
};
