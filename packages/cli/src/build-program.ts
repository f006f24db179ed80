import { createRequire } from "node:module";
import { Command, Option } from "commander";
import { get } from "./commands/get.ts";
import { list } from "./commands/list.ts";
import { listen } from "./commands/listen.ts";
import { purge } from "./commands/purge.ts";
import { runIdsCommand } from "./commands/run-ids-command.ts";
import type { ExitCode } from "./exit-codes.ts";
import type { CliIo } from "./io.ts";
import {
  collect,
  durationOption,
  metadataOption,
  nonNegativeInteger,
  positiveInteger,
  positiveNumber,
  typeOption,
} from "./parse-options.ts";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

/**
 * The `extendkit` command line (commander). Each action resolves to an exit code, passed to
 * `done`. Output goes to `io`; commander's own errors are printed there too, and thrown (exit
 * override) for `main` to turn into exit code 2.
 */
export function buildProgram(io: CliIo, done: (code: ExitCode) => void): Command {
  const program = new Command("extendkit")
    .description("List, read, cancel, delete and purge runs of Extend's API.")
    .version(version)
    .option("--emulator", "use a built-in emulator seeded with demo runs (no key, no network)")
    .option("--json", "JSON lines on stdout: one per run, then a summary")
    .option("--no-progress", "no progress bar, even on a terminal")
    .option("--verbose", "log retries and give-ups to stderr")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Configuration (as @extendkit/node): EXTEND_API_KEY (required), EXTEND_BASE_URL,
EXTEND_WORKSPACE_ID, EXTEND_API_VERSION; \`webhooks listen\`: EXTEND_WEBHOOK_SECRET.
Exit codes: 0 done, 1 some failed, 2 bad arguments, 3 configuration or key refused,
4 stopped early (re-run to resume), 130 interrupted (re-run to resume).`,
    );
  const runs = program.command("runs").description("work with runs of any type");
  const globals = (command: Command) => command.optsWithGlobals();

  const filters = (command: Command) =>
    command
      .option("--status <status>", "only runs in this status (repeatable)", collect)
      .option("--workflow <id>", "only runs of this workflow (workflow runs)")
      .option("--batch <id>", "only runs of this batch")
      .option(
        "--metadata <key=value>",
        "only runs whose metadata has key=value (repeatable)",
        metadataOption,
      );
  const bulk = (command: Command) =>
    command
      .option("--concurrency <n>", "runs worked on at once", positiveInteger, 8)
      .option(
        "--max-rate <n>",
        "never more than n requests per second (e.g. your plan's limit)",
        positiveNumber,
      )
      .option(
        "--max-retry-after <seconds>",
        "stop (to resume later) when the API asks to wait longer than this",
        positiveNumber,
        60,
      );

  filters(
    runs
      .command("list")
      .description("list runs matching a filter")
      .addOption(
        new Option("--type <type>", "run type: workflow, extract, parse, classify, split or all")
          .default(["workflow", "extract", "parse", "classify", "split"], "all")
          .argParser(typeOption),
      )
      .option(
        "--older-than <duration>",
        "only runs created longer ago than this (30d, 12h, …)",
        durationOption,
      )
      .option("--limit <n>", "print at most n runs", positiveInteger, 100),
  ).action(async (_options, command: Command) => done(await list(globals(command) as never, io)));

  runs
    .command("get")
    .description("print runs as JSON (IDs from arguments, --file or stdin)")
    .argument("[ids...]", "run IDs")
    .option("--file <path>", "read IDs from a file, one per line (- for stdin)")
    .action(async (ids: string[], _options, command: Command) =>
      done(await get(ids, globals(command) as never, io)),
    );

  for (const verb of ["cancel", "delete"] as const) {
    bulk(
      runs
        .command(verb)
        .description(
          verb === "delete"
            ? "delete runs for good (IDs from arguments, --file or stdin)"
            : "cancel running runs (IDs from arguments, --file or stdin)",
        )
        .argument("[ids...]", "run IDs")
        .option(
          "--file <path>",
          "read IDs from a file, one per line or JSON lines with an id (- for stdin)",
        )
        .option(
          "--checkpoint <path>",
          "record progress here; running the same command again resumes",
        ),
    ).action(async (ids: string[], _options, command: Command) =>
      done(await runIdsCommand(verb, ids, globals(command) as never, io)),
    );
  }

  bulk(
    filters(
      runs
        .command("purge")
        .description(
          "delete every run older than a duration (after listing them: --dry-run, or --yes)",
        )
        .requiredOption(
          "--type <type>",
          "run type: workflow, extract, parse, classify, split or all",
          typeOption,
        )
        .requiredOption(
          "--older-than <duration>",
          "delete runs created longer ago than this (30d, 12h, 1d12h, …)",
          durationOption,
        ),
    )
      .option("--dry-run", "list what would be deleted; delete nothing")
      .option("--yes", "delete without asking")
      .option(
        "--checkpoint <path>",
        "progress file; a re-run of the same purge resumes from it (default: extendkit-purge-<hash>.jsonl)",
      )
      .option("--no-checkpoint", "keep no progress file")
      .option(
        "--max-passes <n>",
        "list again after deleting, up to n times, until nothing matches",
        positiveInteger,
        3,
      ),
  ).action(async (_options, command: Command) => done(await purge(globals(command) as never, io)));

  program
    .command("webhooks")
    .description("receive webhook deliveries")
    .command("listen")
    .description(
      "print each verified delivery (secret from EXTEND_WEBHOOK_SECRET) until Ctrl-C; for local development",
    )
    .option("--port <n>", "port to listen on (0: any free one)", nonNegativeInteger, 3000)
    .option("--host <address>", "interface to listen on", "127.0.0.1")
    .action(async (_options, command: Command) =>
      done(await listen(globals(command) as never, io)),
    );

  return program;
}
