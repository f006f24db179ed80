// The workerd helpers the suites of this package share, from @extendkit/conformance/workerd
// (the retention Worker's suite uses them too): bundle as wrangler would, start without nodejs_compat.
import { bundleForWorkerd } from "@extendkit/conformance/workerd";

export { COMPATIBILITY_DATE, startWorker } from "@extendkit/conformance/workerd";

/** Bundles `entry`, relative to this folder, for workerd. */
export const bundle = (entry: string): Promise<string> =>
  bundleForWorkerd(new URL(entry, import.meta.url));
