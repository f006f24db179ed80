import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { BENCH_DIR } from "./section.ts";

const require = createRequire(new URL("package.json", BENCH_DIR));

/** Version of an installed package, read from its package.json as bench resolves it. */
export function packageVersion(name: string): string {
  try {
    const main = require.resolve(`${name}/package.json`);
    return (JSON.parse(readFileSync(main, "utf8")) as { version: string }).version;
  } catch {
    // Packages whose exports map hides package.json: walk up from the resolved entry.
    try {
      let dir = require.resolve(name);
      for (let i = 0; i < 6; i++) {
        dir = dir.slice(0, dir.lastIndexOf("/"));
        const pkg = JSON.parse(readFileSync(`${dir}/package.json`, "utf8")) as {
          name?: string;
          version: string;
        };
        if (pkg.name === name) return pkg.version;
      }
    } catch {}
    return "not installed";
  }
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: fileURLToPath(BENCH_DIR), encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

export interface MachineInfo {
  node: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  loadAtStart: string;
  commit: string;
  branch: string;
  versions: Record<string, string>;
}

export function machineInfo(): MachineInfo {
  const cpuList = cpus();
  return {
    node: process.version,
    cpu: cpuList[0]?.model ?? "unknown",
    cores: cpuList.length,
    memoryGb: Math.round(totalmem() / 1e9),
    loadAtStart: loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
    commit: `${git(["rev-parse", "--short", "HEAD"])}${git(["status", "--porcelain"]) === "" ? "" : " (with uncommitted changes)"}`,
    branch: git(["rev-parse", "--abbrev-ref", "HEAD"]),
    versions: Object.fromEntries(
      [
        "@extendkit/core",
        "@extendkit/emulator",
        "@extendkit/workers",
        "openapi-fetch",
        "extend-ai",
        "esbuild",
        "mitata",
      ].map((n) => [n, packageVersion(n)]),
    ),
  };
}
