import { readFileSync } from "node:fs";
import type { UserConfig } from "tsdown";

/**
 * The build every published @extendkit/* package uses (RELEASING.md, "Package pattern").
 *
 * Contract:
 * - ESM (`dist/*.js` + `dist/*.d.ts`) and CommonJS (`dist/*.cjs` + `dist/*.d.cts`) from the same
 *   entries, each format with its own declarations, so `import` and `require` both get types that
 *   describe the module they load (attw's "masquerading as ESM/CJS" checks).
 * - `__EXTENDKIT_VERSION__` is replaced by the package's own package.json version at build time:
 *   the version is never written into source by hand (`changeset version` edits package.json only).
 * - Neutral platform and ES2022: the output runs unchanged in Node 20+, Deno, workerd and browsers.
 *   A package with Node-only entries (the emulator's `serve`) overrides `platform` itself.
 *
 * `packageDir` is the package's folder as a file URL: pass `new URL(".", import.meta.url)`.
 * `overrides` replace the defaults (entries, platform, external…); `define` is merged.
 */
export function libraryConfig(packageDir: URL, overrides: UserConfig = {}): UserConfig {
  const pkg = JSON.parse(readFileSync(new URL("package.json", packageDir), "utf8")) as {
    version: string;
  };
  return {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    // Always .js/.d.ts (ESM, "type": "module") and .cjs/.d.cts, whatever the platform.
    fixedExtension: false,
    platform: "neutral",
    target: "es2022",
    dts: true,
    sourcemap: true,
    clean: true,
    ...overrides,
    define: { __EXTENDKIT_VERSION__: JSON.stringify(pkg.version), ...overrides.define },
  };
}
