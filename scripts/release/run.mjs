// Contract: `run(cmd, args, options?)` runs a command to completion with inherited output (or
// captured, with `{ capture: true }`) and throws an Error naming the command on a non-zero exit.
// Never goes through a shell, so arguments are passed verbatim.
import { spawnSync } from "node:child_process";

export function run(cmd, args, { cwd, env, capture = false, timeoutMs = 300_000 } = {}) {
  const result = spawnSync(cmd, args, {
    cwd,
    env: env ? { ...process.env, ...env } : process.env,
    stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
    timeout: timeoutMs,
  });
  if (result.error) throw new Error(`${cmd} ${args.join(" ")}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = capture ? `\n${result.stdout}${result.stderr}` : "";
    throw new Error(
      `${cmd} ${args.join(" ")} exited with ${result.status ?? result.signal}${output}`,
    );
  }
  return result.stdout ?? "";
}
