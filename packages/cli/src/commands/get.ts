import { connect } from "../connect.ts";
import { EXIT_CODES, type ExitCode } from "../exit-codes.ts";
import type { CliIo } from "../io.ts";
import { readIds } from "../read-ids.ts";
import { describeError } from "../reporter.ts";

export interface GetOptions {
  file?: string;
  json?: boolean;
  emulator?: boolean;
  verbose?: boolean;
}

/**
 * `runs get`: reads each run (`client.runs.retrieve`, routed by ID prefix) and prints it as JSON —
 * indented, or one line per run with `--json`. Exit 1 when any could not be read.
 */
export async function get(ids: string[], options: GetOptions, io: CliIo): Promise<ExitCode> {
  const source = readIds({ ids, ...(options.file !== undefined && { file: options.file }) }, io);
  const { client } = connect(options, io);
  let code: ExitCode = EXIT_CODES.ok;
  for await (const id of source) {
    try {
      const run = await client.runs.retrieve(id, { signal: io.signal });
      io.stdout.write(
        options.json ? `${JSON.stringify(run)}\n` : `${JSON.stringify(run, null, 2)}\n`,
      );
    } catch (error) {
      if (io.signal.aborted) return EXIT_CODES.interrupted;
      code = EXIT_CODES.failed;
      if (options.json) io.stdout.write(`${JSON.stringify({ id, error: describeError(error) })}\n`);
      else io.stderr.write(`extendkit: ${id}: ${describeError(error)}\n`);
    }
  }
  return code;
}
