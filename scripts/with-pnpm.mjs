#!/usr/bin/env node
// Contract: `node scripts/with-pnpm.mjs <script> [args...]`
//
// Lets the README's `npm test` / `npm run sample` work on a machine that has only Node and npm.
// 1. Finds pnpm at the exact version pinned in package.json's "packageManager": the `pnpm` on
//    PATH if `pnpm --version` prints that version, else `npm exec --yes pnpm@<version> --`
//    (npm's cache makes the second call fast).
// 2. Runs `pnpm install --frozen-lockfile --prefer-offline` (quick when already up to date; fails
//    rather than silently changing pnpm-lock.yaml).
// 3. Runs `pnpm run <script> [args...]` and exits with its exit code.
// Plain Node ESM with no dependencies: it runs before anything is installed.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [script, ...rest] = process.argv.slice(2);

if (!script || script === "--help" || script === "-h") {
  console.log("usage: node scripts/with-pnpm.mjs <script> [args...]");
  console.log("Installs the workspace with the pinned pnpm, then runs `pnpm run <script>`.");
  process.exit(script ? 0 : 2);
}

const pinned = /^pnpm@(\d+\.\d+\.\d+)/.exec(
  JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager ?? "",
)?.[1];
if (!pinned) fail('package.json has no "packageManager": "pnpm@x.y.z"');

// On Windows, pnpm and npm are .cmd shims that only a shell can start.
const shell = process.platform === "win32";

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", shell });
  if (r.error) return { code: 127, error: r.error };
  return { code: r.status ?? (r.signal ? 128 + signalNumber(r.signal) : 1) };
}

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 0;
}

function fail(message, code = 1) {
  console.error(`with-pnpm: ${message}`);
  process.exit(code);
}

function findPnpm() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell });
  if (probe.status === 0 && probe.stdout.trim() === pinned) return ["pnpm", []];
  return ["npm", ["exec", "--yes", `pnpm@${pinned}`, "--"]];
}

const [cmd, prefix] = findPnpm();
const shown = [cmd, ...prefix].join(" ");

const install = run(cmd, [...prefix, "install", "--frozen-lockfile", "--prefer-offline"]);
if (install.code !== 0) {
  fail(
    `\`${shown} install --frozen-lockfile\` failed (exit ${install.code})` +
      (install.error ? `: ${install.error.message}` : "") +
      ". If you changed a package.json, run `pnpm install` and commit pnpm-lock.yaml.",
    install.code,
  );
}

const result = run(cmd, [...prefix, "run", script, ...rest]);
if (result.code !== 0) {
  fail(
    `\`pnpm run ${script}\` failed (exit ${result.code})` +
      (result.error ? `: ${result.error.message}` : ""),
    result.code,
  );
}
