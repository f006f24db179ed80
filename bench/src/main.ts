// `pnpm bench`: runs every section, prints each table, and writes bench/RESULTS.md.
// Options: --only=bundle,overhead,cold,loopback,bulk,rss,webhook   --no-write (print only)
//          --render-only: rewrite RESULTS.md from the last run's numbers (bench/.cache/results.json)
//                         and the current bench/analysis.md, without measuring anything.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { buildChildren } from "./build-children.ts";
import { SETTINGS } from "./config.ts";
import { machineInfo } from "./machine.ts";
import { type ResultsInput, renderResults } from "./render-results.ts";
import { BENCH_DIR, type SectionResult } from "./section.ts";
import { bulkDeleteSection } from "./sections/bulk-delete.ts";
import { bundleSizeSection } from "./sections/bundle-size.ts";
import { callOverheadSection } from "./sections/call-overhead.ts";
import { coldStartSection } from "./sections/cold-start.ts";
import { loopbackSection } from "./sections/loopback.ts";
import { peakRssSection } from "./sections/peak-rss.ts";
import { webhookVerifySection } from "./sections/webhook-verify.ts";

const SECTIONS: Record<string, () => Promise<SectionResult>> = {
  bundle: () => bundleSizeSection(),
  overhead: () => callOverheadSection(SETTINGS.overhead),
  cold: () => coldStartSection(SETTINGS.cold),
  loopback: () => loopbackSection(SETTINGS.loopback),
  bulk: () => bulkDeleteSection(SETTINGS.bulk),
  rss: () => peakRssSection(SETTINGS.rss),
  webhook: () => webhookVerifySection(SETTINGS.webhook),
};

const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const write = !args.includes("--no-write");
const selected = Object.keys(SECTIONS).filter((id) => only === undefined || only.includes(id));

const RAW = new URL(".cache/results.json", BENCH_DIR);

function writeResults(run: Omit<ResultsInput, "analysis">): void {
  const analysisUrl = new URL("analysis.md", BENCH_DIR);
  const analysis = existsSync(analysisUrl) ? readFileSync(analysisUrl, "utf8") : "";
  const out = new URL("RESULTS.md", BENCH_DIR);
  writeFileSync(out, renderResults({ ...run, analysis }));
  console.log(`wrote ${out.pathname}`);
}

if (args.includes("--render-only")) {
  writeResults(JSON.parse(readFileSync(RAW, "utf8")) as Omit<ResultsInput, "analysis">);
  process.exit(0);
}

const started = performance.now();
const machine = machineInfo();
console.log(
  `extendkit bench — ${machine.node}, ${machine.cores}× ${machine.cpu}, load ${machine.loadAtStart}`,
);
await buildChildren();
const results: SectionResult[] = [];
for (const id of selected) {
  const run = SECTIONS[id];
  if (run === undefined) continue;
  console.log(`\n▶ ${id} …`);
  const result = await run();
  results.push(result);
  console.log(`\n## ${result.title}  (${result.seconds.toFixed(1)} s)\n\n${result.table}`);
  for (const note of result.notes) console.log(`  note: ${note}`);
}
const seconds = (performance.now() - started) / 1000;
const goals = results.flatMap((r) => r.goals);
console.log("\n## Goals\n");
for (const g of goals) {
  console.log(
    `${g.met === true ? "met   " : g.met === false ? "MISSED" : "n/a   "}  ${g.goal}: ${g.measured}`,
  );
}
console.log(
  `\nTotal ${seconds.toFixed(1)} s, load at end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);

const run = {
  machine,
  results,
  seconds,
  args,
  loadAtEnd: loadavg(),
  finishedAt: new Date().toISOString(),
};
// Only a run that writes RESULTS.md replaces the numbers `--render-only` renders: a `--no-write`
// or partial rerun must not leave them holding a single section.
if (write) {
  writeFileSync(RAW, JSON.stringify(run));
  writeResults(run);
}
