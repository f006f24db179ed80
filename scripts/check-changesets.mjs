#!/usr/bin/env node
// Contract: `node scripts/check-changesets.mjs` — proves the pending changesets will version cleanly:
//   1. every .changeset/*.md (but README.md) has YAML front matter of `"<publishable package>": patch|minor|major`
//      lines and a non-empty summary (a Markdown formatter once turned the front matter into a
//      heading, which breaks `changeset version`; biome.json now leaves .changeset/*.md alone),
//   2. `changeset version` runs in a scratch copy (manifests + .changeset only, never this checkout)
//      and every publishable package comes out at one new version (the fixed group) with a
//      CHANGELOG.md entry, while private packages keep their version.
// Exits non-zero naming every problem. With no pending changeset it checks (1) only.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { publishablePackages } from "./release/publishable-packages.mjs";
import { repoRoot } from "./release/repo-root.mjs";
import { run } from "./release/run.mjs";

const changesetDir = join(repoRoot, ".changeset");
const publishable = publishablePackages();
const names = new Set(publishable.map((pkg) => pkg.name));
const problems = [];

const files = readdirSync(changesetDir).filter((f) => f.endsWith(".md") && f !== "README.md");
for (const file of files) {
  const text = readFileSync(join(changesetDir, file), "utf8").replace(/\r\n/g, "\n");
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) {
    problems.push(
      `${file}: must start with front matter: ---, "@extendkit/<pkg>": patch|minor|major, ---`,
    );
    continue;
  }
  for (const line of match[1].split("\n").filter((l) => l.trim() !== "")) {
    const entry = /^["']?(@extendkit\/[a-z0-9-]+)["']?\s*:\s*(patch|minor|major)\s*$/.exec(line);
    if (!entry)
      problems.push(
        `${file}: front matter line ${JSON.stringify(line)} is not "<package>": <bump>`,
      );
    else if (!names.has(entry[1]))
      problems.push(`${file}: ${entry[1]} is not a publishable package`);
  }
  if (match[2].trim() === "") problems.push(`${file}: the summary (for users) is empty`);
}

if (problems.length === 0 && files.length > 0) problems.push(...simulateVersion());
if (problems.length > 0) {
  console.error(`check-changesets: FAILED\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(`check-changesets: ${files.length} pending changeset(s) valid`);

function simulateVersion() {
  const scratch = mkdtempSync(join(tmpdir(), "extendkit-changesets-"));
  try {
    for (const file of ["package.json", "pnpm-workspace.yaml"]) {
      cpSync(join(repoRoot, file), join(scratch, file));
    }
    cpSync(changesetDir, join(scratch, ".changeset"), { recursive: true });
    const workspaceDirs = ["packages", "apps"].flatMap((base) =>
      existsSync(join(repoRoot, base))
        ? readdirSync(join(repoRoot, base)).map((dir) => join(repoRoot, base, dir))
        : [],
    );
    if (existsSync(join(repoRoot, "bench"))) workspaceDirs.push(join(repoRoot, "bench"));
    const before = new Map();
    for (const dir of workspaceDirs) {
      for (const file of ["package.json", "CHANGELOG.md"]) {
        if (!existsSync(join(dir, file))) continue;
        mkdirSync(join(scratch, relative(repoRoot, dir)), { recursive: true });
        cpSync(join(dir, file), join(scratch, relative(repoRoot, dir), file));
      }
      if (existsSync(join(dir, "package.json"))) {
        const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
        before.set(relative(repoRoot, dir), manifest);
      }
    }
    run(
      process.execPath,
      [join(repoRoot, "node_modules", "@changesets", "cli", "bin.js"), "version"],
      {
        cwd: scratch,
        capture: true,
      },
    );
    const found = [];
    const versions = new Set();
    for (const [dir, old] of before) {
      const now = JSON.parse(readFileSync(join(scratch, dir, "package.json"), "utf8"));
      if (old.private) {
        if (now.version !== old.version) found.push(`${old.name} is private but was versioned`);
        continue;
      }
      versions.add(now.version);
      const changelog = join(scratch, dir, "CHANGELOG.md");
      if (
        !existsSync(changelog) ||
        !readFileSync(changelog, "utf8").includes(`## ${now.version}`)
      ) {
        found.push(`${old.name}: no CHANGELOG.md entry for ${now.version}`);
      }
    }
    if (versions.size !== 1)
      found.push(`the fixed group came out at several versions: ${[...versions]}`);
    else
      console.log(
        `check-changesets: \`changeset version\` would release ${publishable.length} package(s) at ${[...versions][0]}`,
      );
    return found;
  } catch (error) {
    return [`changeset version failed in a scratch copy: ${error.message}`];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
