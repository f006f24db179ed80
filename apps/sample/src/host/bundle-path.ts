import { fileURLToPath } from "node:url";

/**
 * Path of a file the build wrote next to the host's own code in `dist/` (the bundles for Deno, the
 * Worker and the page). The host runs from `dist/`, so its own URL locates them.
 */
export function bundlePath(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}
