import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill("SIGTERM");
  child = undefined;
});

/** Starts the CLI and resolves with the URL it prints (bounded by a 10 s guard). */
function start(args: string[]): Promise<string> {
  child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error("CLI did not start")), 10_000);
    let out = "";
    child?.stdout?.on("data", (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(guard);
        resolve(m[1]);
      }
    });
    child?.once("exit", (code) => reject(new Error(`CLI exited with ${code}`)));
  });
}

describe("extendkit-emulator CLI", () => {
  it("--help prints the options", () => {
    const r = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--port");
    expect(r.stdout).toContain("--scenario");
  });

  it("bad arguments exit 2 with a message", () => {
    const r = spawnSync(process.execPath, [cli, "--clock", "sundial"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--clock");
    expect(spawnSync(process.execPath, [cli, "--bogus"], { encoding: "utf8" }).status).toBe(2);
  });

  it("serves on 127.0.0.1 with keys, switches and durations from the command line", async () => {
    const url = await start([
      "--port",
      "0",
      "--key",
      "sk_test_cli:ws_cli",
      "--processing-ms",
      "1000",
      "--clock",
      "virtual",
      "--switch",
      "repeatDelete=200",
    ]);
    const headers = { authorization: "Bearer sk_test_cli", "content-type": "application/json" };
    const run = await (
      await fetch(`${url}/parse_runs`, {
        method: "POST",
        headers,
        body: JSON.stringify({ file: { id: "file_1" } }),
      })
    ).json();
    expect(run.status).toBe("PROCESSING");
    await fetch(`${url}/_emulator/clock/advance`, {
      method: "POST",
      body: JSON.stringify({ ms: 1000 }),
    });
    expect((await (await fetch(`${url}/parse_runs/${run.id}`, { headers })).json()).status).toBe(
      "PROCESSED",
    );
    await fetch(`${url}/parse_runs/${run.id}`, { method: "DELETE", headers });
    expect((await fetch(`${url}/parse_runs/${run.id}`, { method: "DELETE", headers })).status).toBe(
      200,
    );
    const records = await (await fetch(`${url}/_emulator/records`)).json();
    expect(JSON.stringify(records)).not.toContain("sk_test_cli");
  });
});
