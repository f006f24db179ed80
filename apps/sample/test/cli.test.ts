import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createEmulator, EMULATOR_API_KEY, EMULATOR_WORKSPACE_ID } from "@extendkit/emulator";
import { serve } from "@extendkit/emulator/serve";
import { describe, expect, it } from "vitest";
import type { RuntimeReport } from "../src/host/runtime-report.ts";
import { runResources } from "../src/run-resource.ts";

// The built command line (dist/main.js), as `npm run sample` starts it. The first test is the CI
// check of the issue: every run type on all four runtimes against the emulator, no mismatch.
// Under CI=true nothing here may skip: without Chromium the browser runtime fails instead.

const main = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const canRunBrowser = existsSync(chromium) || process.env.CI === "true";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `env` replacing every EXTEND_* variable of this process. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("EXTEND_")),
  );
  const child = spawn(process.execPath, [main, ...args], {
    env: { ...base, ...env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

interface JsonReport {
  target: string;
  mismatches: number;
  runtimes: RuntimeReport[];
}

describe("extendkit-sample", () => {
  it.skipIf(!canRunBrowser)(
    "--runtime all --json: every run type on Node, Deno, workerd and Chromium, no mismatch",
    async () => {
      const run = await cli(["--runtime", "all", "--json"]);
      const report = JSON.parse(run.stdout) as JsonReport;
      const failures = report.runtimes.flatMap((r) => [
        ...(r.fatal ? [`${r.runtime}: ${r.fatal}`] : []),
        ...r.results
          .filter((s) => s.outcome === "mismatch")
          .map((s) => `${r.runtime} ${s.runType} ${s.step}: ${s.summary} ${s.detail}`),
      ]);
      expect(failures).toEqual([]);
      expect(run.code).toBe(0);
      expect(report).toMatchObject({ target: "emulator", mismatches: 0 });
      expect(report.runtimes.map((r) => r.runtime)).toEqual(["node", "deno", "workers", "browser"]);
      for (const runtime of report.runtimes) {
        expect(new Set(runtime.results.map((s) => s.runType)), runtime.runtime).toEqual(
          new Set(runResources),
        );
        expect(runtime.results.filter((s) => s.outcome === "skipped")).toEqual([]);
      }
    },
    300_000,
  );

  it("prints the table on Node by default and exits 0", async () => {
    const run = await cli([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/runtime +run type +create +cancel +let finish/);
    for (const runType of runResources) expect(run.stdout).toMatch(new RegExp(`node +${runType} `));
    expect(run.stdout).toContain("Emulator: 0 mismatches");
    expect(run.stdout).toContain("--runtime all");
    expect(run.stdout + run.stderr).not.toContain("LIVE");
  });

  it("rejects unknown arguments with exit code 2", async () => {
    expect((await cli(["--only", "nopeRuns"])).code).toBe(2);
    expect((await cli(["--runtime", "bun"])).code).toBe(2);
  });

  it("exits 1 and lists each mismatch when the API refuses the sample", async () => {
    // A key the (served) emulator does not know: every create is a 401.
    const server = await serve(createEmulator(), { port: 0, hostname: "127.0.0.1" });
    try {
      const run = await cli(["--only", "parseRuns", "--no-progress"], {
        EXTEND_API_KEY: "sk_test_not_this_one",
        EXTEND_BASE_URL: server.url,
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/node +parseRuns +✗ error/);
      expect(run.stdout).toMatch(/✗ node parseRuns create: error — .*401/);
      expect(run.stdout).toContain("Live API: 2 mismatches"); // create A and create B
      expect(run.stdout + run.stderr).not.toContain("sk_test_not_this_one");
    } finally {
      await server.close();
    }
  });

  it("with EXTEND_API_KEY: says it targets the live API first, and touches only its own runs", async () => {
    // The "live API" here is an emulator served on 127.0.0.1 (no network in tests).
    const emulator = createEmulator({ clock: "real", durations: { processingMs: 1500 } });
    const bystander = String(emulator.seedRun({ kind: "extractRuns", status: "PROCESSING" }).id);
    const server = await serve(emulator, { port: 0, hostname: "127.0.0.1" });
    try {
      const run = await cli(["--only", "extractRuns,workflowRuns", "--json"], {
        EXTEND_API_KEY: EMULATOR_API_KEY,
        EXTEND_BASE_URL: server.url,
        EXTEND_WORKSPACE_ID: EMULATOR_WORKSPACE_ID,
      });
      expect(run.stderr).toMatch(/^EXTEND_API_KEY is set: this run targets the LIVE Extend API/);
      expect(run.stderr).toContain(server.url);
      expect(run.stderr + run.stdout).not.toContain(EMULATOR_API_KEY);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report).toMatchObject({ target: "live", mismatches: 0 });
      const [node] = report.runtimes;
      const steps = (runType: string) => node?.results.filter((s) => s.runType === runType) ?? [];
      expect(steps("extractRuns").map((s) => s.outcome)).toEqual([
        "ok",
        "ok",
        "ok",
        "refused",
        "ok",
        "ok",
      ]);
      // No workflow id given (EXTEND_SAMPLE_WORKFLOW_ID): skipped, nothing sent.
      expect(steps("workflowRuns").every((s) => s.outcome === "skipped")).toBe(true);
      expect(steps("workflowRuns")[0]?.summary).toBe("needs workflowId");
      expect(emulator.records.requests.some((r) => r.path.includes("workflow_runs"))).toBe(false);
      // The run that was there before is untouched: never read, cancelled or deleted.
      expect(emulator.records.requests.some((r) => r.path.includes(bystander))).toBe(false);
      expect(emulator.getRun(bystander)).toBeDefined();
      expect(run.code).toBe(0);
    } finally {
      await server.close();
    }
  }, 120_000);
});
