import { spawnSync } from "node:child_process";
import { cachePath } from "../build-children.ts";
import { contenders } from "../contenders/index.ts";
import { roundOrder } from "../interleave.ts";
import type { SectionResult } from "../section.ts";
import { fmt, fmtRatio, median, ratio } from "../stats.ts";
import { renderTable } from "../table.ts";

const GOAL_RATIO = 1.4;

interface Marks {
  imported?: number;
  created?: number;
  firstCall?: number;
  done: number;
  cpu: number;
}

/** One fresh `node` process; its wall time as the parent sees it, and the marks it printed. */
function runChild(name: string): { wallMs: number; marks: Marks } {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [cachePath("child/cold-start.mjs"), name], {
    encoding: "utf8",
    timeout: 30_000,
  });
  const wallMs = performance.now() - t0;
  if (child.status !== 0) {
    throw new Error(
      `cold start of ${name} failed (${child.status}): ${child.stderr.slice(0, 500)}`,
    );
  }
  return { wallMs, marks: JSON.parse(child.stdout) as Marks };
}

/**
 * Section 3: fresh processes that import a client, create it and make the first call (cancel,
 * against the stub fetch), against the same script doing nothing ("no-op"). Processes are
 * interleaved (one of each per round, order rotated), `processes` per contender.
 */
export async function coldStartSection(options: { processes: number }): Promise<SectionResult> {
  const started = performance.now();
  const names = ["noop", ...contenders.map((c) => c.name)];
  const walls = new Map<string, number[]>(names.map((n) => [n, []]));
  const firstCalls = new Map<string, number[]>(names.map((n) => [n, []]));
  const imports = new Map<string, number[]>(names.map((n) => [n, []]));
  const cpus = new Map<string, number[]>(names.map((n) => [n, []]));
  runChild("noop"); // warm the file-system cache once; not counted
  for (let round = 0; round < options.processes; round++) {
    for (const name of roundOrder(names, round)) {
      const { wallMs, marks } = runChild(name);
      walls.get(name)?.push(wallMs);
      firstCalls.get(name)?.push(marks.firstCall ?? marks.done);
      cpus.get(name)?.push(marks.cpu);
      if (marks.imported !== undefined) imports.get(name)?.push(marks.imported);
    }
  }
  const wall = (n: string) => median(walls.get(n) ?? []);
  const noop = wall("noop");
  const noopDone = median(firstCalls.get("noop") ?? []);
  const cpu = (n: string) => median(cpus.get(n) ?? []);
  const label = (n: string) => contenders.find((c) => c.name === n)?.label ?? "no-op script";
  const rows = names.map((n) => [
    label(n),
    fmt(wall(n), 1),
    fmtRatio(ratio(wall(n), noop)),
    fmt(cpu(n), 1),
    fmtRatio(ratio(cpu(n), cpu("noop"))),
    n === "noop" ? "–" : fmt(median(imports.get(n) ?? []) - noopDone, 1),
    n === "noop" ? "–" : fmt(median(firstCalls.get(n) ?? []), 1),
  ]);
  const ours = ratio(wall("extendkit"), noop);
  return {
    id: "cold",
    title: "3. Cold start: fresh process, import + create + first call",
    method: `${options.processes} fresh \`node\` processes per contender plus ${options.processes} of the no-op script, interleaved (${names.length * options.processes} in all). Each child (\`bench/.cache/child/cold-start.mjs\`) imports one contender module, creates the client and sends one cancel to an in-process stub fetch. Wall = spawn to exit as the parent sees it (median); CPU = the child's own user + system time at exit (median), steadier under contention. The goal is judged on wall time.`,
    table: renderTable(
      [
        "contender",
        "wall ms (median)",
        "vs no-op",
        "CPU ms (median)",
        "CPU vs no-op",
        "import done at ms, minus no-op's end",
        "first call done at ms",
      ],
      rows,
    ),
    notes: [
      "“first call done at” counts from the child's own time origin (process start), so it includes Node's bootstrap.",
    ],
    goals: [
      {
        goal: `Cold start ≤ ${GOAL_RATIO}× a no-op script`,
        measured: fmtRatio(ours),
        met: Number.isFinite(ours) ? ours <= GOAL_RATIO : undefined,
      },
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
