import { CommanderError } from "commander";
import { buildProgram } from "./build-program.ts";
import { ConfigError } from "./connect.ts";
import { EXIT_CODES, type ExitCode } from "./exit-codes.ts";
import type { CliIo } from "./io.ts";
import { UsageError } from "./usage-error.ts";

/**
 * Runs the `extendkit` command line on `argv` (without `node` and the script) and resolves to its
 * exit code. Never throws: bad arguments are 2, a missing or refused configuration 3, anything
 * unexpected 1 — each with a one-line message on stderr that never holds the API key.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT_CODES.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`extendkit: error: ${error.message}\n(run with --help for usage)\n`);
      return EXIT_CODES.usage;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`extendkit: error: ${error.message}\n(or try any command with --emulator)\n`);
      return EXIT_CODES.config;
    }
    if (io.signal.aborted) return EXIT_CODES.interrupted;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr.write(`extendkit: error: ${text}\n`);
    return EXIT_CODES.failed;
  }
}
