import { PassThrough, Readable } from "node:stream";
import { type CliIo, main } from "@extendkit/cli";

/** Runs `main` in-process with captured output; `stdin` lines are piped when given. */
export async function runCli(
  argv: string[],
  options: {
    env?: Record<string, string>;
    stdin?: string[];
    cwd?: string;
    signal?: AbortSignal;
    /** Called with each piece of stderr as it is written (for commands that run until aborted). */
    onStderr?: (text: string) => void;
  } = {},
): Promise<{ code: number; stdout: string; stderr: string; lines: Record<string, unknown>[] }> {
  let stdout = "";
  let stderr = "";
  const err = new PassThrough();
  err.on("data", (chunk) => {
    stderr += String(chunk);
    options.onStderr?.(stderr);
  });
  const stdin =
    options.stdin === undefined
      ? Object.assign(Readable.from([]), { isTTY: true })
      : Readable.from(options.stdin.map((line) => `${line}\n`));
  const io: CliIo = {
    stdout: {
      write: (chunk: string) => {
        stdout += chunk;
        return true;
      },
    },
    stderr: err,
    stdin,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    signal: options.signal ?? new AbortController().signal,
  };
  const code = await main(argv, io);
  await new Promise((resolve) => setImmediate(resolve));
  const lines = stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, stdout, stderr, lines };
}
