import { Listr } from "listr2";
import { describeError } from "../api-failure.ts";
import type { RunResource } from "../run-resource.ts";
import { stepNames } from "../step-result.ts";
import { formatMs } from "./format-table.ts";
import { launchers } from "./launch.ts";
import type { Target } from "./read-target.ts";
import type { RuntimeName } from "./runtime-name.ts";
import { mismatchCount, type RuntimeReport } from "./runtime-report.ts";

export interface RunRuntimesOptions {
  runtimes: readonly RuntimeName[];
  target: Target;
  only: readonly RunResource[];
  /** Show live progress (listr2: a task per runtime, redrawn on a TTY, line by line otherwise). */
  progress: boolean;
}

/**
 * Runs the sample in each runtime with live progress, and returns one report per runtime in the
 * order asked. Node goes first, alone: it runs in this process, and the served emulators and
 * runtime launches of the others would otherwise slow it down and skew its time. The others then
 * run all at once. A runtime that fails or reports fewer steps than expected gets
 * `fatal`; this function itself does not throw for either.
 */
export async function runRuntimes(options: RunRuntimesOptions): Promise<RuntimeReport[]> {
  const expected = options.only.length * stepNames.length;
  const reports = options.runtimes.map(
    (runtime): RuntimeReport => ({ runtime, results: [], ms: 0 }),
  );
  let nodeDone = () => {};
  const nodeFirst = options.runtimes.includes("node")
    ? new Promise<void>((resolve) => (nodeDone = resolve))
    : Promise.resolve();
  const tasks = new Listr(
    reports.map((report) => ({
      title: `${report.runtime}: ${report.runtime === "node" ? "starting" : "waiting"}`,
      task: async (_: unknown, task: { title: string; output: string }) => {
        if (report.runtime !== "node") await nodeFirst;
        task.title = `${report.runtime}: starting`;
        const started = performance.now();
        let done = 0;
        try {
          const launch = await launchers[report.runtime]();
          await launch({
            target: options.target,
            only: options.only,
            emit(result) {
              report.results.push(result);
              if (result.step !== "gone") return;
              // One progress line per finished run type (a full line per step floods a CI log).
              const steps = report.results.filter((r) => r.runType === result.runType);
              const bad = steps.filter((r) => r.outcome === "mismatch").length;
              task.output = `${bad ? "✗" : "✓"} ${result.runType}${bad ? ` (${mismatchCount(bad)})` : ""}`;
              done++;
              task.title = `${report.runtime}: ${done}/${options.only.length} run types`;
            },
          });
          if (report.results.length < expected) {
            throw new Error(`reported ${report.results.length} of ${expected} steps`);
          }
        } catch (error) {
          report.fatal = describeError(error);
        } finally {
          report.ms = Math.round(performance.now() - started);
          if (report.runtime === "node") nodeDone();
        }
        const bad = report.results.filter((r) => r.outcome === "mismatch").length;
        task.title = `${report.runtime}: ${report.results.length} steps, ${mismatchCount(bad)} (${formatMs(report.ms)})`;
        if (report.fatal) throw new Error("the runtime failed");
        if (bad > 0) throw new Error(mismatchCount(bad));
      },
    })),
    {
      concurrent: true,
      exitOnError: false,
      renderer: options.progress ? "default" : "silent",
      fallbackRenderer: options.progress ? "simple" : "silent",
      rendererOptions: { collapseErrors: false },
    },
  );
  await tasks.run();
  return reports;
}
