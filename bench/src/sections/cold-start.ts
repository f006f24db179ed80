import { spawnSync } from "node:child_process";
import { cachePath } from "../build-children.ts";
import { CHILD_ENV } from "../child-env.ts";
import { contenders } from "../contenders/index.ts";
import { roundOrder } from "../interleave.ts";
import type { SectionResult } from "../section.ts";
import { fmt, fmtRatio, median, pairedRatio } from "../stats.ts";
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
function runChild(name: string, mode: "create" | "call"): { wallMs: number; marks: Marks } {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [cachePath("child/cold-start.mjs"), name, mode], {
    encoding: "utf8",
    timeout: 30_000,
    env: CHILD_ENV,
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
 * Section 3: fresh processes that import a client and create it ("cold start"), and processes that
 * also make the first call (a cancel against the in-process stub fetch), against the same script
 * doing nothing ("no-op"). One process of each kind per round, order rotated; `processes` rounds.
 */
export async function coldStartSection(options: { processes: number }): Promise<SectionResult> {
  const started = performance.now();
  const jobs = [
    { key: "noop", name: "noop", mode: "create" as const },
    ...contenders.flatMap((c) => [
      { key: `${c.name}:create`, name: c.name, mode: "create" as const },
      { key: `${c.name}:call`, name: c.name, mode: "call" as const },
    ]),
  ];
  const walls = new Map<string, number[]>(jobs.map((j) => [j.key, []]));
  const cpus = new Map<string, number[]>(jobs.map((j) => [j.key, []]));
  runChild("noop", "create"); // warm the file-system cache once; not counted
  for (let round = 0; round < options.processes; round++) {
    for (const job of roundOrder(jobs, round)) {
      const { wallMs, marks } = runChild(job.name, job.mode);
      walls.get(job.key)?.push(wallMs);
      cpus.get(job.key)?.push(marks.cpu);
    }
  }
  const wall = (k: string) => median(walls.get(k) ?? []);
  const cpu = (k: string) => median(cpus.get(k) ?? []);
  const noop = wall("noop");
  // Against the no-op process of the same round (rounds hold one process of each kind).
  const vs = (map: Map<string, number[]>, k: string) =>
    pairedRatio(map.get(k) ?? [], map.get("noop") ?? []);
  const rows = [
    ["no-op script", fmt(noop, 1), "1.00×", fmt(cpu("noop"), 1), "1.00×", "–", "–"],
    ...contenders.map((c) => [
      c.label,
      fmt(wall(`${c.name}:create`), 1),
      fmtRatio(vs(walls, `${c.name}:create`)),
      fmt(cpu(`${c.name}:create`), 1),
      fmtRatio(vs(cpus, `${c.name}:create`)),
      fmt(wall(`${c.name}:call`), 1),
      fmtRatio(vs(walls, `${c.name}:call`)),
    ]),
  ];
  const ours = vs(walls, "extendkit:create");
  return {
    id: "cold",
    title: "3. Cold start: fresh process, import + create, and time to the first call",
    method: `${options.processes} rounds; each round starts one fresh \`node\` process of every kind, order rotated (${jobs.length * options.processes} processes in all): the no-op script, and per contender one that imports its module and creates the client (“cold start”) and one that also sends the first call (a cancel to an in-process stub fetch). Child: \`bench/.cache/child/cold-start.mjs\`, started without the \`NODE_*\` environment variables, which would change the baseline itself (\`NODE_EXTRA_CA_CERTS\` doubles a bare start here). Wall = spawn to exit as the parent sees it (median); CPU = the child's own user + system time at exit (median), steadier under contention. Ratios are medians of per-round ratios, each against the no-op process of the same round. The goal is judged on the wall time of import + create.`,
    table: renderTable(
      [
        "contender",
        "import+create wall ms",
        "vs no-op",
        "import+create CPU ms",
        "CPU vs no-op",
        "+ first call wall ms",
        "vs no-op",
      ],
      rows,
    ),
    notes: [
      "The first call constructs the first Request/Response, which makes Node 20 load its bundled undici (~35–40 ms here on a quiet moment) — a cost every fetch-based client pays once, raw fetch included.",
    ],
    goals: [
      {
        goal: `Cold start (import + create) ≤ ${GOAL_RATIO}× a no-op script`,
        measured: fmtRatio(ours),
        met: Number.isFinite(ours) ? ours <= GOAL_RATIO : undefined,
      },
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
