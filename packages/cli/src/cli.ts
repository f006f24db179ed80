#!/usr/bin/env node
import { main } from "./main.ts";

// Ctrl-C once: the job stops starting requests, aborts those in flight, saves its checkpoint and
// exits 130. Ctrl-C twice: exit at once (the checkpoint is still consistent: every line is
// written before the job goes on).
const controller = new AbortController();
const stop = (signal: NodeJS.Signals) => {
  if (controller.signal.aborted) process.exit(130);
  process.stderr.write(`\nextendkit: ${signal}: stopping (again to quit at once)…\n`);
  controller.abort(new Error(`interrupted by ${signal}`));
};
process.on("SIGINT", stop);
// A reader that goes away (`extendkit runs list | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
process.on("SIGTERM", stop);

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
