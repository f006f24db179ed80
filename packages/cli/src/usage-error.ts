/** A command line the CLI will not run: printed with a hint, exit code 2, nothing sent. */
export class UsageError extends Error {
  override name = "UsageError";
}
