import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { verifies } from "./webhook-helpers.ts";

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

  it("--webhook delivers signed run events to a receiver; bad webhook flags exit 2", async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    try {
      const args = ["--port", "0", "--clock", "virtual", "--webhook", hook];
      const url = await start([...args, "--webhook-secret", "wss_cli_secret"]);
      const headers = {
        authorization: "Bearer sk_test_emulator",
        "content-type": "application/json",
      };
      const created = await fetch(`${url}/parse_runs`, {
        method: "POST",
        headers,
        body: JSON.stringify({ file: { id: "file_1" } }),
      });
      const run = (await created.json()) as { id: string };
      await fetch(`${url}/_emulator/clock/advance`, {
        method: "POST",
        body: JSON.stringify({ ms: 5000 }),
      });
      expect((await fetch(`${url}/_emulator/webhooks/idle`, { method: "POST" })).status).toBe(200);
      expect(received).toHaveLength(1);
      const [delivery] = received;
      const event = JSON.parse(delivery?.body ?? "{}");
      expect([event.eventType, event.payload.id]).toEqual(["parse_run.processed", run.id]);
      const signed = new Headers(delivery?.headers as Record<string, string>);
      expect(verifies("wss_cli_secret", signed, delivery?.body ?? "")).toBe(true);
      expect(verifies("wss_other", signed, delivery?.body ?? "")).toBe(false);
    } finally {
      receiver.close();
    }
    for (const bad of [
      ["--webhook", hook],
      ["--webhook-secret", "wss_x"],
      ["--webhook", "/relative", "--webhook-secret", "wss_x"],
    ]) {
      const r = spawnSync(process.execPath, [cli, "--port", "0", ...bad], { encoding: "utf8" });
      expect([r.status, r.stderr]).toEqual([2, expect.stringContaining("webhook")]);
    }
  });
});
