// Contract: `packPackages(destination)` packs every publishable package with `pnpm pack` (which
// rewrites `workspace:` and `catalog:` ranges exactly as `pnpm publish` will) into `destination`,
// after emptying it, and returns `[{ name, version, dir, manifest, tarball }]`.
// The packages must be built first (`turbo run build`); packing does not build.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { publishablePackages } from "./publishable-packages.mjs";
import { run } from "./run.mjs";

export function packPackages(destination) {
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  return publishablePackages().map((pkg) => {
    const before = new Set(readdirSync(destination));
    run("pnpm", ["pack", "--pack-destination", destination], { cwd: pkg.dir, capture: true });
    const created = readdirSync(destination).filter((file) => !before.has(file));
    if (created.length !== 1) throw new Error(`pnpm pack in ${pkg.dir} produced ${created}`);
    return { ...pkg, tarball: join(destination, created[0]) };
  });
}
