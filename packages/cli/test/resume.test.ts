import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT_CODES } from "@extendkit/cli";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PURGE, servedEmulator } from "./served.ts";

const BIN = join(import.meta.dirname, "..", "dist", "cli.js");
let dir: string;
let close: (() => Promise<void>) | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "extendkit-resume-"));
});
afterEach(async () => {
  await close?.();
  close = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Starts the real `extendkit` bin; resolves its exit code (or signal) and output. */
function start(args: string[], env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (c) => {
    stdout += String(c);
  });
  child.stderr?.on("data", (c) => {
    stderr += String(c);
  });
  const exited = once(child, "exit").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as string | null,
    stdout,
    stderr,
  }));
  return { child, exited };
}

async function until(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("an interrupted purge resumed from its checkpoint deletes every matching run exactly once", () => {
  it.each([
    ["Ctrl-C (SIGINT)", "SIGINT"],
    ["a crash (SIGKILL)", "SIGKILL"],
  ] as const)("after %s", async (_name, signal) => {
    const latency = { routes: "*.delete", fault: { type: "latency" as const, ms: 25 } };
    const { emulator, served, env, targets, bystanders, deletes } = await servedEmulator(400, [
      latency,
    ]);
    close = () => served.close();
    const args = [...PURGE, "--yes", "--json", "--concurrency", "4", "--checkpoint", "purge.jsonl"];

    const first = start(args, env);
    await until(() => deletes().length >= 120, "120 deletes");
    first.child.kill(signal);
    const interrupted = await first.exited;
    if (signal === "SIGINT") {
      expect(interrupted.code).toBe(EXIT_CODES.interrupted);
      expect(interrupted.stderr).toMatch(/run the same command again to resume/);
    } else {
      expect(interrupted.signal).toBe("SIGKILL");
    }
    const goneAfterFirst = new Set(targets.filter((id) => emulator.getRun(id) === undefined));
    expect(goneAfterFirst.size).toBeGreaterThanOrEqual(100);
    expect(goneAfterFirst.size).toBeLessThan(400);
    const checkpoint = await readFile(join(dir, "purge.jsonl"), "utf8");
    expect(checkpoint).not.toMatch(/"kind":"complete"/);
    const sentFirst = deletes().length;

    const second = start(args, env);
    const resumed = await second.exited;
    expect(resumed.code).toBe(EXIT_CODES.ok);
    const summary = JSON.parse(resumed.stdout.trim().split("\n").at(-1) as string).summary;
    expect(summary).toMatchObject({ total: 400, failed: 0, notAttempted: 0, exitCode: 0 });
    expect(summary.deleted + summary.alreadyAbsent).toBe(400);

    // Exactly once: every matching run deleted by exactly one request; nothing else touched.
    for (const id of targets) expect(emulator.records.effects(id).deleted).toBe(1);
    for (const id of bystanders) expect(emulator.getRun(id)).toBeDefined();
    // No repeated work: the second run sent one DELETE for each run not yet gone, and re-sent
    // one only for runs whose request was in flight when the first stopped (it then read 404).
    const secondIds = deletes()
      .slice(sentFirst)
      .map((r) => r.path.split("/")[2] as string);
    expect(new Set(secondIds).size).toBe(secondIds.length);
    for (const id of targets) {
      if (!goneAfterFirst.has(id)) expect(secondIds).toContain(id);
    }
    expect(secondIds.filter((id) => goneAfterFirst.has(id)).length).toBeLessThanOrEqual(4);
    expect(await readFile(join(dir, "purge.jsonl"), "utf8")).toMatch(/"kind":"complete"/);
  });
});
