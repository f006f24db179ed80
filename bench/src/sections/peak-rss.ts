import { spawn } from "node:child_process";
import { cachePath } from "../build-children.ts";
import { CHILD_ENV } from "../child-env.ts";
import { contenders } from "../contenders/index.ts";
import type { BulkReport } from "../contenders/types.ts";
import type { SectionResult } from "../section.ts";
import { fmt, fmtRatio, ratio } from "../stats.ts";
import { renderTable } from "../table.ts";

const GOAL_MB = 200;

interface RssReport extends BulkReport {
  afterImport: number;
  peak: number;
  seconds: number;
  helper: string;
  stubDeletes: number;
}

function runChild(name: string, count: number, concurrency: number): Promise<RssReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [cachePath("child/peak-rss.mjs"), name, String(count), String(concurrency)],
      { stdio: ["ignore", "pipe", "pipe"], env: CHILD_ENV },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    const timer = setTimeout(() => child.kill(), 120_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(out) as RssReport);
      else reject(new Error(`peak-rss child ${name} exited ${code}: ${err.slice(0, 500)}`));
    });
  });
}

/**
 * Section 6: peak RSS of a fresh process that streams `count` generated ids through a bulk delete
 * (concurrency `concurrency`) against the stub fetch, one process per contender, plus a baseline
 * whose delete does nothing. Memory is a property of one process, so one process each suffices.
 */
export async function peakRssSection(options: {
  count: number;
  concurrency: number;
}): Promise<SectionResult> {
  const started = performance.now();
  const names = ["noop", ...contenders.map((c) => c.name)];
  const results = new Map<string, RssReport>();
  for (const name of names)
    results.set(name, await runChild(name, options.count, options.concurrency));
  const base = results.get("noop");
  const label = (n: string) =>
    contenders.find((c) => c.name === n)?.label ?? "baseline (no client, no-op delete)";
  const rows = names.map((n) => {
    const r = results.get(n) as RssReport;
    return [
      label(n),
      r.helper,
      fmt(r.afterImport, 1),
      fmt(r.peak, 1),
      fmtRatio(ratio(r.peak, base?.peak ?? Number.NaN)),
      fmt(r.deleted),
      fmt(r.failed),
      fmt(r.seconds, 1),
    ];
  });
  const ours = results.get("extendkit");
  const notes = [...results.entries()]
    .filter(([n, r]) => n !== "noop" && (r.stubDeletes !== options.count || r.failed > 0))
    .map(([n, r]) => `${label(n)}: ${r.stubDeletes} deletes reached the stub, ${r.failed} failed`);
  return {
    id: "rss",
    title: `6. Peak RSS: ${fmt(options.count)} ids streamed through a bulk delete`,
    method: `One fresh \`node\` process per contender (\`bench/.cache/child/peak-rss.mjs\`, started without the \`NODE_*\` environment variables): ids are generated lazily, deleted at concurrency ${options.concurrency} against the in-process stub fetch (so only the client's memory is measured, not a server's), with the library's bulk helper where it has one, else the bench loop. Peak = \`process.resourceUsage().maxRSS\`.`,
    table: renderTable(
      [
        "contender",
        "bulk delete by",
        "RSS after import MB",
        "peak RSS MB",
        "vs baseline",
        "deleted",
        "failed",
        "s",
      ],
      rows,
    ),
    notes,
    goals: [
      {
        goal: `${fmt(options.count)} ids in < ${GOAL_MB} MB RSS`,
        measured: ours ? `${fmt(ours.peak, 1)} MB peak, ${fmt(ours.deleted)} deleted` : "n/a",
        met: ours ? ours.peak < GOAL_MB && ours.deleted === options.count : undefined,
      },
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
