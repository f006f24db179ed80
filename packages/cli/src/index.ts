/**
 * @module
 * The `extendkit` command line as a function, for scripts and tests: `await main(argv, io)`
 * resolves to the exit code. The bin (`extendkit`) calls it with the process's streams.
 */
export { EXIT_CODES, type ExitCode } from "./exit-codes.ts";
export type { CliIo } from "./io.ts";
export { main } from "./main.ts";
