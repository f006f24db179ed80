#!/usr/bin/env node
// Runs the Deno suite (test/runtimes/deno) with the `deno` binary from the `deno` npm package,
// against the built dist/. Contract: exits with deno's exit code. If the binary is missing it fails
// under CI=true (no runtime suite may skip in CI) and skips with a message otherwise.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const pkg = fileURLToPath(new URL("../../", import.meta.url));
const deno = fileURLToPath(new URL("../../node_modules/.bin/deno", import.meta.url));
const dir = fileURLToPath(new URL("./deno/", import.meta.url));

if (!existsSync(deno) || spawnSync(deno, ["--version"]).status !== 0) {
  const message = "run-deno: the deno binary (npm package `deno`) is not installed or does not run";
  if (process.env.CI === "true") {
    console.error(`${message}; CI=true forbids skipping the Deno suite.`);
    process.exit(1);
  }
  console.warn(`${message}; skipping the Deno suite.`);
  process.exit(0);
}
if (!existsSync(new URL("../../dist/index.js", import.meta.url))) {
  console.error("run-deno: dist/index.js is missing; run `pnpm build` first.");
  process.exit(1);
}

const started = Date.now();
const r = spawnSync(
  deno,
  [
    "test",
    "--config",
    `${dir}deno.json`,
    "--allow-read",
    "--allow-net=127.0.0.1",
    "--no-prompt",
    dir,
  ],
  { cwd: pkg, stdio: "inherit", env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" } },
);
console.log(`run-deno: deno test finished in ${Date.now() - started} ms (exit ${r.status})`);
process.exit(r.status ?? 1);
