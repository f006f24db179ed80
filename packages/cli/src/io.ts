/** Where the CLI reads and writes. `main` takes one, so tests run it in-process. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  /** A TTY stream here (`isTTY`) turns the progress bar on. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Configuration: `EXTEND_API_KEY`, `EXTEND_BASE_URL`, `EXTEND_WORKSPACE_ID`, `EXTEND_API_VERSION`. */
  env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths (checkpoints, ID files) resolve against. */
  cwd: string;
  /** Aborted on Ctrl-C: the job stops, saves its checkpoint and exits 130. */
  signal: AbortSignal;
}
