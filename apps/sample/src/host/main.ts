#!/usr/bin/env node
/**
 * @module
 * The sample's command line: `extendkit-sample [--runtime node|deno|workers|browser|all]
 * [--only <types>] [--json]`. Exit code 0 when every step of every run type came out as
 * documented, 1 on any mismatch or runtime failure, 2 on bad arguments.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { type RunResource, runResources } from "../run-resource.ts";
import { formatMs, formatTable } from "./format-table.ts";
import { describeLiveTarget, readTarget } from "./read-target.ts";
import { runRuntimes } from "./run-runtimes.ts";
import { type RuntimeName, runtimeNames } from "./runtime-name.ts";
import { countMismatches, mismatchCount } from "./runtime-report.ts";

interface CliOptions {
  runtime: RuntimeName | "all";
  only?: RunResource[];
  json: boolean;
  progress: boolean;
  color: boolean;
}

const program = new Command("extendkit-sample")
  .description(
    "Create, cancel and delete a run of every Extend run type, on the embedded emulator (default)\n" +
      "or, with EXTEND_API_KEY set, on the live API.",
  )
  .addOption(
    new Option("-r, --runtime <name>", "where the client runs")
      .choices([...runtimeNames, "all"])
      .default("node"),
  )
  .option("--only <types>", "comma-separated run types (default: all)", parseRunTypes)
  .option("--json", "print the results as JSON on stdout (no table, no progress)", false)
  .option("--no-progress", "do not show live progress")
  .option("--no-color", "no colours in the table")
  .addHelpText(
    "after",
    `\nRun types: ${runResources.join(", ")}.\n` +
      "Live API: EXTEND_API_KEY (and optionally EXTEND_BASE_URL, EXTEND_WORKSPACE_ID, EXTEND_SAMPLE_*).",
  )
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
  // `pnpm start -- --json` passes the `--` on; npm drops it. Accept both.
  .parse(withoutLeadingSeparator(process.argv.slice(2)), { from: "user" });

const options = program.opts<CliOptions>();
const target = readTarget(process.env);
if (target.kind === "live") console.error(`${describeLiveTarget(target)}\n`);

const runtimes = options.runtime === "all" ? runtimeNames : [options.runtime];
const started = performance.now();
const reports = await runRuntimes({
  runtimes,
  target,
  only: options.only ?? runResources,
  progress: options.progress && !options.json,
});
const mismatches = countMismatches(reports);

if (options.json) {
  console.log(JSON.stringify({ target: target.kind, mismatches, runtimes: reports }, null, 2));
} else {
  const color = options.color && process.stdout.isTTY === true && !process.env.NO_COLOR;
  console.log(`\n${formatTable(reports, color)}\n`);
  for (const report of reports) {
    if (report.fatal) console.log(`✗ ${report.runtime} failed: ${report.fatal}`);
    for (const r of report.results.filter((s) => s.outcome === "mismatch")) {
      console.log(`✗ ${report.runtime} ${r.runType} ${r.step}: ${r.summary} — ${r.detail ?? ""}`);
    }
  }
  const times = reports.map((r) => `${r.runtime} ${formatMs(r.ms)}`).join(", ");
  console.log(
    `${target.kind === "live" ? "Live API" : "Emulator"}: ${mismatchCount(mismatches)} ` +
      `(${times}; total ${formatMs(performance.now() - started)}).`,
  );
  console.log(
    "Run A goes through client.<resource>.*, run B through client.runs.* where its id prefix routes.",
  );
  if (options.runtime === "node") {
    console.log("The same on Deno, workerd and headless Chromium: npm run sample -- --runtime all");
  }
}
process.exitCode = mismatches === 0 ? 0 : 1;

function parseRunTypes(value: string): RunResource[] {
  const names = value.split(",").map((s) => s.trim());
  for (const name of names) {
    if (!(runResources as readonly string[]).includes(name)) {
      throw new InvalidArgumentError(`unknown run type "${name}"`);
    }
  }
  return names as RunResource[];
}

function withoutLeadingSeparator(args: string[]): string[] {
  return args[0] === "--" ? args.slice(1) : args;
}
