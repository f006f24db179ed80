// Contract: `await runAsync(cmd, args, options?)` → captured stdout; rejects with an Error naming the
// command and holding its output on a non-zero exit or after `timeoutMs` (the child is killed).
// Asynchronous so that servers in the calling process (the smoke target) keep answering meanwhile.
import { spawn } from "node:child_process";

export function runAsync(cmd, args, { cwd, env, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: env ? { ...process.env, ...env } : process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.stderr.on("data", (chunk) => {
      out += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} ${args.join(" ")}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else {
        const why =
          signal === "SIGKILL"
            ? `timed out after ${timeoutMs} ms`
            : `exited with ${code ?? signal}`;
        reject(new Error(`${cmd} ${args.join(" ")} ${why}\n${out.slice(-3000)}`));
      }
    });
  });
}
