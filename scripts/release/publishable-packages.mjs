// Contract: `publishablePackages()` → every workspace package under packages/* that is not
// private, sorted by name: `{ name, version, dir, manifest }`. These are the packages changesets
// publishes (apps/* and bench are private), so every release check iterates over exactly them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./repo-root.mjs";

export function publishablePackages() {
  const base = join(repoRoot, "packages");
  const found = [];
  for (const entry of readdirSync(base, { withFileTypes: true })) {
    const manifestPath = join(base, entry.name, "package.json");
    if (!entry.isDirectory() || !existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    if (manifest.private) continue;
    found.push({
      name: manifest.name,
      version: manifest.version,
      dir: join(base, entry.name),
      manifest,
    });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
