import { accessSync, constants, createReadStream } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import type { CliIo } from "./io.ts";
import { UsageError } from "./usage-error.ts";

/** Where the IDs of `runs get | cancel | delete` come from. */
export interface IdSources {
  ids: string[];
  /** A file of IDs, or `-` for stdin. */
  file?: string;
}

/**
 * Yields the IDs to work on, lazily (a file of 100,000 IDs is never held in memory): the
 * arguments, then the lines of `--file` (or stdin for `--file -`, or when stdin is piped and no ID
 * was given). A line is an ID, or a JSON object with an `id` (what `runs list --json` prints);
 * blank lines and `#` comments are skipped. Throws `UsageError` when there is no source at all.
 */
export function readIds(sources: IdSources, io: CliIo): AsyncIterable<string> {
  const fromStdin =
    sources.file === "-" ||
    (sources.file === undefined && sources.ids.length === 0 && !io.stdin.isTTY);
  if (sources.ids.length === 0 && sources.file === undefined && !fromStdin) {
    throw new UsageError(
      "no run IDs: give them as arguments, with --file <path>, or on stdin (--file -)",
    );
  }
  if (sources.file !== undefined && sources.file !== "-") {
    try {
      accessSync(resolve(io.cwd, sources.file), constants.R_OK);
    } catch {
      throw new UsageError(`cannot read the ID file ${JSON.stringify(sources.file)}`);
    }
  }
  return (async function* () {
    yield* sources.ids;
    if (sources.file === undefined && !fromStdin) return;
    const input = fromStdin ? io.stdin : createReadStream(resolve(io.cwd, sources.file as string));
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    try {
      for await (const raw of lines) {
        const line = raw.trim();
        if (line === "" || line.startsWith("#")) continue;
        yield line.startsWith("{") ? idOf(line) : line;
      }
    } finally {
      lines.close();
    }
  })();
}

function idOf(line: string): string {
  try {
    const value = JSON.parse(line) as { id?: unknown };
    if (typeof value.id === "string") return value.id;
  } catch {
    // Not JSON after all: the line itself is the ID (and will fail validation if it is not one).
  }
  return line;
}
