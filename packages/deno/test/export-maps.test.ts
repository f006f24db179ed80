import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (file: string) =>
  JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), "utf8")) as {
    name: string;
    version: string;
    exports: Record<string, unknown>;
  };

/** package.json's export map (its ESM targets) as JSR would see it: `./dist/x.js` ↔ `./src/x.ts`, no package.json entry. */
function npmAsJsr(exports: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, target] of Object.entries(exports)) {
    if (key === "./package.json") continue;
    const file = (target as { import: { default: string } }).import.default;
    out[key] = file.replace(/^\.\/dist\//, "./src/").replace(/\.js$/, ".ts");
  }
  return out;
}

describe("deno.json and jsr.json match package.json", () => {
  const pkg = read("package.json");
  for (const file of ["deno.json", "jsr.json"]) {
    it(`${file}: same name, version and export map`, () => {
      const config = read(file);
      expect(config.name).toBe(pkg.name);
      expect(config.version).toBe(pkg.version);
      expect(config.exports).toEqual(npmAsJsr(pkg.exports));
    });
  }
});
