#!/usr/bin/env node
// Contract: `node scripts/check-packages.mjs [--packs DIR]` — the pre-publish checks of every
// publishable package, run on the exact tarballs `pnpm publish` would upload:
//   1. `pnpm pack` each package (into DIR, default .tmp/packs; built packages required),
//   2. publint --strict on the tarball (warnings fail too),
//   3. attw on the tarball (same analysis as `attw --pack`, but of the pnpm-packed tarball, whose
//      dependency ranges are rewritten as published), profile "strict": node10, node16 CJS/ESM, bundler,
//   4. the repo's own rules (scripts/release/manifest-problems.mjs, RELEASING.md "Package pattern"),
//   5. no `__EXTENDKIT_VERSION__` left unreplaced in any packed file; LICENSE equal to the root one,
//   6. for packages with a jsr.json: `deno publish --dry-run`, and deno.json/jsr.json in step with
//      package.json (scripts/sync-jsr-versions.mjs --check).
// Exits non-zero listing every failure; prints one summary line per package.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { manifestProblems } from "./release/manifest-problems.mjs";
import { packPackages } from "./release/pack-packages.mjs";
import { repoRoot } from "./release/repo-root.mjs";
import { run } from "./release/run.mjs";

const packsIndex = process.argv.indexOf("--packs");
const packs = packsIndex > 0 ? process.argv[packsIndex + 1] : join(repoRoot, ".tmp", "packs");
const bin = (name) => join(repoRoot, "node_modules", ".bin", name);

const started = Date.now();
const packed = packPackages(packs);
if (packed.length === 0) fail(["no publishable packages found under packages/"]);
const versions = new Set(packed.map((pkg) => pkg.version));
const failures = [];
const rootLicense = readFileSync(join(repoRoot, "LICENSE"), "utf8");

for (const pkg of packed) {
  const problems = [];
  const unpacked = mkdtempSync(join(tmpdir(), "extendkit-check-"));
  try {
    run("tar", ["-xzf", pkg.tarball, "-C", unpacked]);
    const root = join(unpacked, "package");
    const files = listFiles(root).map((file) => relative(root, file).split("\\").join("/"));
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    problems.push(
      ...manifestProblems(manifest, files, {
        dirName: basename(pkg.dir),
        version: [...versions].length === 1 ? pkg.version : "one version for the fixed group",
      }),
    );
    const license = join(root, "LICENSE");
    if (files.includes("LICENSE") && readFileSync(license, "utf8") !== rootLicense) {
      problems.push(
        "LICENSE differs from the repository's LICENSE (copy it: cp LICENSE packages/*/)",
      );
    }
    for (const file of files) {
      if (
        !file.endsWith(".map") &&
        readFileSync(join(root, file), "utf8").includes("__EXTENDKIT_VERSION__")
      ) {
        problems.push(`${file} still contains __EXTENDKIT_VERSION__ (tsdown define not applied)`);
      }
    }
    problems.push(...tool("publint", [bin("publint"), "run", pkg.tarball, "--strict"]));
    problems.push(
      ...tool("attw", [bin("attw"), pkg.tarball, "--profile", "strict", "--format", "ascii"]),
    );
    const kb = (statSync(pkg.tarball).size / 1024).toFixed(1);
    const status = problems.length === 0 ? "ok" : `${problems.length} problem(s)`;
    console.log(
      `check-packages: ${pkg.name}@${pkg.version} ${kb} KiB packed, ${files.length} files: ${status}`,
    );
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
  failures.push(...problems.map((problem) => `${pkg.name}: ${problem}`));
}

// JSR: packages with a jsr.json are also published there from source; the manifests must follow
// package.json, and `deno publish --dry-run` must accept them.
for (const pkg of packed) {
  if (!existsSync(join(pkg.dir, "jsr.json"))) continue;
  const denoEnv = { DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };
  const problems = tool(
    "deno publish --dry-run",
    [bin("deno"), "publish", "--dry-run", "--allow-dirty"],
    {
      cwd: pkg.dir,
      env: denoEnv,
    },
  );
  console.log(
    `check-packages: ${pkg.name} deno publish --dry-run: ${problems.length === 0 ? "ok" : "FAILED"}`,
  );
  failures.push(...problems.map((problem) => `${pkg.name}: ${problem}`));
}
failures.push(
  ...tool("sync-jsr-versions --check", [
    process.execPath,
    join(repoRoot, "scripts", "sync-jsr-versions.mjs"),
    "--check",
  ]),
);

if (failures.length > 0) fail(failures);
console.log(
  `check-packages: publint, attw and manifest rules clean for ${packed.length} package(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

function tool(label, [cmd, ...args], options = {}) {
  try {
    run(cmd, args, { ...options, capture: true });
    return [];
  } catch (error) {
    return [`${label} failed:\n${error.message}`];
  }
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function fail(messages) {
  console.error(`check-packages: FAILED\n- ${messages.join("\n- ")}`);
  process.exit(1);
}
