import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, transformSync } from "esbuild";
import { describe, expect, it } from "vitest";

// H4 and the two-entry rule: the browser entry holds no proxy or key-handling code, and the
// entries never import each other.
const dist = new URL("../dist/", import.meta.url);
/** A dist file with its comments removed: only code and string literals are scanned. */
const read = (file: string) =>
  transformSync(readFileSync(new URL(file, dist), "utf8"), { loader: "js", legalComments: "none" })
    .code;

/** Strings only the proxy has: its refusal codes, upstream header names, its options. */
const PROXY_MARKERS = [
  "createProxyHandler",
  "operation_not_allowed",
  "cross_site",
  "upstream_redirect",
  "maxBodyBytes",
  "x-content-type-options",
];
/** A string literal that starts like a secret key (`"sk_live_…"`), in any quote style. */
const KEY_LITERAL = /["'`](?:sk|rk)_[A-Za-z0-9]/;

describe("bundle scan (H4)", () => {
  it("dist holds exactly the two entries, with no shared chunk", () => {
    const js = readdirSync(dist).filter((f) => f.endsWith(".js"));
    expect(js.sort()).toEqual(["index.js", "proxy.js"]);
  });

  it("the browser entry imports only @extendkit/core, and sets no credentials", () => {
    const code = read("index.js");
    const imports = [...code.matchAll(/from\s*["']([^"']+)["']/g)].map((m) => m[1]);
    expect(new Set(imports)).toEqual(new Set(["@extendkit/core"]));
    for (const marker of PROXY_MARKERS) expect(code).not.toContain(marker);
    expect(code).not.toMatch(/["'`]authorization["'`]/i); // no header set or read by name
    expect(code).not.toMatch(/["'`]bearer /i);
    expect(code).not.toMatch(KEY_LITERAL);
    // It sends through the proxy by its own call path: no client options with a key at all.
    expect(code).not.toMatch(/apiKey/);
  });

  it("the proxy entry does not import the browser entry", () => {
    const code = read("proxy.js");
    const imports = [...code.matchAll(/from\s*["']([^"']+)["']/g)].map((m) => m[1]);
    expect(new Set(imports)).toEqual(new Set(["@extendkit/core"]));
    expect(code).not.toContain("createBrowserClient");
  });

  it("an app bundle of @extendkit/browser (core included) holds no proxy code, no key literal and no credentials path", async () => {
    const result = await build({
      stdin: {
        contents: 'export { createBrowserClient } from "@extendkit/browser";',
        resolveDir: fileURLToPath(new URL("..", import.meta.url)),
      },
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      minify: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.text as string;
    expect(code).toContain("createBrowserClient");
    for (const marker of PROXY_MARKERS) expect(code).not.toContain(marker);
    expect(code).not.toMatch(KEY_LITERAL);
    // core's Authorization header code (add-client-headers) is not bundled: nothing can add one.
    expect(code).not.toMatch(/Bearer \$\{/);
  });
});
