import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT_CODES } from "@extendkit/cli";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./helpers.ts";
import { PURGE, servedEmulator } from "./served.ts";

let dir: string;
let close: (() => Promise<void>) | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "extendkit-cli-"));
});
afterEach(async () => {
  await close?.();
  close = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function setup(n: number, faults: Parameters<typeof servedEmulator>[1] = []) {
  const s = await servedEmulator(n, faults);
  close = () => s.served.close();
  return s;
}

describe("runs purge against the emulator served on 127.0.0.1", () => {
  it("--dry-run lists exactly the matching runs and changes nothing", async () => {
    const { emulator, env, targets, bystanders } = await setup(60);
    const { code, lines } = await runCli([...PURGE, "--dry-run", "--json"], { env, cwd: dir });
    expect(code).toBe(EXIT_CODES.ok);
    const listed = lines.filter((l) => l.wouldDelete).map((l) => l.id);
    expect(new Set(listed)).toEqual(new Set(targets));
    expect(lines.at(-1)).toMatchObject({ summary: { dryRun: true, wouldDelete: 60 } });
    expect(emulator.records.requests.filter((r) => r.method !== "GET")).toHaveLength(0);
    for (const id of [...targets, ...bystanders]) expect(emulator.getRun(id)).toBeDefined();
    expect(await readdirNames(dir)).toEqual([]);
  });

  it("--yes deletes exactly the matching runs, once each, and reports them", async () => {
    const { emulator, env, targets, bystanders } = await setup(60);
    const { code, lines } = await runCli([...PURGE, "--yes", "--json"], { env, cwd: dir });
    expect(code).toBe(EXIT_CODES.ok);
    expect(lines.at(-1)).toMatchObject({
      summary: { total: 60, deleted: 60, failed: 0, exitCode: 0 },
    });
    for (const id of targets) expect(emulator.records.effects(id).deleted).toBe(1);
    for (const id of bystanders) expect(emulator.getRun(id)).toBeDefined();
    // A default checkpoint was kept, marked complete: the next run of this purge starts afresh.
    const [file] = await readdirNames(dir);
    expect(file).toMatch(/^extendkit-purge-[0-9a-f]{12}\.jsonl$/);
    expect(await readFile(join(dir, file as string), "utf8")).toMatch(/"kind":"complete"/);
  });

  it("exit 1 when some deletes fail; the same command again retries only those", async () => {
    const fault = {
      routes: "*.delete",
      fault: { type: "error" as const, status: 500, retryable: false },
      count: 3,
    };
    const { emulator, env, targets, deletes } = await setup(40, [fault]);
    // One pass: no second listing to pick the failures up again (it would, by default).
    const args = [...PURGE, "--yes", "--json", "--max-passes", "1"];
    const first = await runCli(args, { env, cwd: dir });
    expect(first.code).toBe(EXIT_CODES.failed);
    expect(first.lines.at(-1)).toMatchObject({ summary: { deleted: 37, failed: 3, exitCode: 1 } });
    const before = deletes().length;
    const second = await runCli(args, { env, cwd: dir });
    expect(second.code).toBe(EXIT_CODES.ok);
    expect(deletes().length - before).toBe(3);
    for (const id of targets) expect(emulator.records.effects(id).deleted).toBe(1);
  });

  it("exit 4 when the API asks to wait longer than --max-retry-after; a re-run waits its turn", async () => {
    const fault = {
      routes: "*.delete",
      fault: { type: "error" as const, status: 429, retryable: true, retryAfter: 2 },
      skip: 10,
      count: 1,
    };
    const { emulator, env, targets } = await setup(40, [fault]);
    const args = [...PURGE, "--yes", "--json", "--concurrency", "1", "--max-retry-after", "1"];
    const first = await runCli(args, { env, cwd: dir });
    expect(first.code).toBe(EXIT_CODES.incomplete);
    expect(first.lines.at(-1)).toMatchObject({ summary: { deleted: 10, exitCode: 4 } });
    // Within its --max-retry-after the re-run sleeps until the advised time, then finishes.
    const second = await runCli([...PURGE, "--yes", "--json", "--concurrency", "1"], {
      env,
      cwd: dir,
    });
    expect(second.code).toBe(EXIT_CODES.ok);
    expect(emulator.records.retryAfterViolations).toBe(0);
    for (const id of targets) expect(emulator.records.effects(id).deleted).toBe(1);
  });

  it("exit 3 when the API refuses the key, after one request", async () => {
    const { emulator, env } = await setup(20);
    const { code, stderr } = await runCli([...PURGE, "--yes", "--no-checkpoint"], {
      env: { ...env, EXTEND_API_KEY: "sk_test_wrong_canary" },
      cwd: dir,
    });
    expect(code).toBe(EXIT_CODES.config);
    expect(stderr).toMatch(/401|UNAUTHORIZED|refused/i);
    expect(stderr).not.toContain("sk_test_wrong_canary");
    expect(emulator.records.requests.length).toBe(1);
  });
});

describe("runs delete, cancel and get", () => {
  it("delete reads IDs from a file (lines and JSON lines) and from stdin", async () => {
    const { emulator, env, targets } = await setup(30);
    const file = join(dir, "ids.txt");
    await writeFile(
      file,
      `# to delete\n${targets.slice(0, 10).join("\n")}\n\n${targets
        .slice(10, 20)
        .map((id) => JSON.stringify({ id }))
        .join("\n")}\n`,
    );
    const fromFile = await runCli(["runs", "delete", "--file", file, "--json"], { env, cwd: dir });
    expect(fromFile.code).toBe(0);
    expect(fromFile.lines.filter((l) => l.outcome === "deleted")).toHaveLength(20);
    const fromStdin = await runCli(["runs", "delete", "--json", ...targets.slice(20, 22)], {
      env,
      stdin: targets.slice(22),
      cwd: dir,
    });
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.lines.at(-1)).toMatchObject({ summary: { deleted: 2 } });
    const piped = await runCli(["runs", "delete", "--json", "--file", "-"], {
      env,
      stdin: targets.slice(22),
      cwd: dir,
    });
    expect(piped.lines.at(-1)).toMatchObject({ summary: { deleted: 8 } });
    for (const id of targets) expect(emulator.records.effects(id).deleted).toBe(1);
    // Deleting again: every ID is not found, which is not a failure.
    const again = await runCli(["runs", "delete", ...targets.slice(0, 3)], { env, cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/not found 3/);
  });

  it("cancel settles running runs; get prints them; unknown IDs make get exit 1", async () => {
    const { emulator, env } = await setup(0);
    const running = ["extractRuns", "workflowRuns", "classifyRuns"].map((kind) =>
      String(emulator.seedRun({ kind: kind as "extractRuns", status: "PROCESSING" }).id),
    );
    const cancelled = await runCli(["runs", "cancel", "--json", ...running], { env, cwd: dir });
    expect(cancelled.code).toBe(0);
    expect(cancelled.lines.at(-1)).toMatchObject({ summary: { cancelled: 3 } });
    const got = await runCli(["runs", "get", "--json", ...running], { env, cwd: dir });
    expect(got.code).toBe(0);
    expect(got.lines.map((l) => l.status)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
    const missing = await runCli(["runs", "get", "exr_missing"], { env, cwd: dir });
    expect(missing.code).toBe(EXIT_CODES.failed);
    expect(missing.stderr).toMatch(/exr_missing: NotFoundError/);
  });
});

async function readdirNames(path: string): Promise<string[]> {
  const { readdir } = await import("node:fs/promises");
  return (await readdir(path)).sort();
}
