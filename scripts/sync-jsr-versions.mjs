#!/usr/bin/env node
// Contract: `node scripts/sync-jsr-versions.mjs [--check]` — JSR manifests follow package.json.
// For each publishable package with a deno.json and/or jsr.json: "version" becomes package.json's
// version, and every `npm:@extendkit/<pkg>@<range>` import is pinned to that same version (one fixed
// release group, so one version). `pnpm version-packages` runs it after `changeset version`;
// with --check it only reports drift and exits 1 (check-packages.mjs runs that).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { publishablePackages } from "./release/publishable-packages.mjs";
import { repoRoot } from "./release/repo-root.mjs";

const check = process.argv.includes("--check");
const drift = [];
for (const pkg of publishablePackages()) {
  for (const file of ["deno.json", "jsr.json"]) {
    const path = join(pkg.dir, file);
    if (!existsSync(path)) continue;
    const before = readFileSync(path, "utf8");
    const config = JSON.parse(before);
    config.version = pkg.version;
    for (const [name, target] of Object.entries(config.imports ?? {})) {
      config.imports[name] = target.replace(
        /^npm:(@extendkit\/[a-z0-9-]+)@[^/]+/,
        `npm:$1@${pkg.version}`,
      );
    }
    const after = `${JSON.stringify(config, null, 2)}\n`;
    if (JSON.stringify(JSON.parse(before)) === JSON.stringify(config)) continue;
    drift.push(relative(repoRoot, path));
    if (!check) writeFileSync(path, after);
  }
}
if (check && drift.length > 0) {
  console.error(
    `sync-jsr-versions: out of step with package.json: ${drift.join(", ")} (run node scripts/sync-jsr-versions.mjs)`,
  );
  process.exit(1);
}
console.log(`sync-jsr-versions: ${drift.length === 0 ? "in step" : `updated ${drift.join(", ")}`}`);
