import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { type BuildFailure, build, type Message } from "esbuild";
import { contenders } from "../contenders/index.ts";
import { BENCH_DIR, type SectionResult } from "../section.ts";
import { fmtKb, fmtRatio, ratio } from "../stats.ts";
import { renderTable } from "../table.ts";

const GOAL_GZIP_BYTES = 6_000;

export interface BundleSize {
  name: string;
  /** True when esbuild bundled it as a Worker (platform browser, worker conditions) with no Node built-in. */
  workerOk: boolean;
  /** Modules esbuild could not resolve as a Worker (Node built-ins, typically). */
  unresolved: string[];
  /** Sizes of the Worker bundle, or of the platform=node fallback when `workerOk` is false. */
  min: number;
  gzip: number;
  brotli: number;
}

/** The esbuild options wrangler uses for a Worker without nodejs_compat. */
function workerOptions(entry: string, platform: "browser" | "node") {
  return {
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm" as const,
    target: "es2022",
    platform,
    conditions: platform === "browser" ? ["workerd", "worker", "browser"] : [],
    write: false,
    logLevel: "silent" as const,
    absWorkingDir: fileURLToPath(BENCH_DIR),
  };
}

export async function measureBundle(name: string): Promise<BundleSize> {
  const entry = fileURLToPath(new URL(`src/workers/${name}.ts`, BENCH_DIR));
  let unresolved: string[] = [];
  let code: Uint8Array | undefined;
  try {
    const out = await build(workerOptions(entry, "browser"));
    code = out.outputFiles?.[0]?.contents;
  } catch (error) {
    unresolved = unresolvedModules((error as BuildFailure).errors ?? []);
    const out = await build(workerOptions(entry, "node"));
    code = out.outputFiles?.[0]?.contents;
  }
  if (code === undefined) throw new Error(`esbuild produced no output for ${name}`);
  return {
    name,
    workerOk: unresolved.length === 0,
    unresolved,
    min: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).byteLength,
  };
}

function unresolvedModules(errors: readonly Message[]): string[] {
  const names = errors
    .map((e) => /Could not resolve "([^"]+)"/.exec(e.text)?.[1] ?? e.text)
    .filter((n): n is string => n !== undefined);
  return [...new Set(names)].sort();
}

/** Section 1: a minimal Worker that cancels and deletes, bundled per contender. */
export async function bundleSizeSection(): Promise<SectionResult> {
  const started = performance.now();
  const sizes: BundleSize[] = [];
  for (const c of contenders) sizes.push(await measureBundle(c.name));
  // Not contenders: the same Worker with the lite and the full client, for what their extras cost.
  sizes.push(await measureBundle("extendkit-lite"));
  sizes.push(await measureBundle("extendkit-full"));
  const raw = sizes.find((s) => s.name === "raw-fetch");
  const ours = sizes.find((s) => s.name === "extendkit");
  // The extendkit Worker uses the Workers adapter, as a Worker author would.
  const label = (name: string) =>
    name === "extendkit"
      ? "@extendkit/workers (createTinyClient)"
      : name === "extendkit-lite"
        ? "(reference) @extendkit/workers createLiteClient, not a contender"
        : name === "extendkit-full"
          ? "(reference) @extendkit/workers createClient, not a contender"
          : (contenders.find((c) => c.name === name)?.label ?? name);
  const rows = sizes.map((s) => [
    label(s.name),
    s.workerOk ? "yes" : `no (${s.unresolved.join(", ")})`,
    `${fmtKb(s.min)}${s.workerOk ? "" : " †"}`,
    `${fmtKb(s.gzip)}${s.workerOk ? "" : " †"}`,
    `${fmtKb(s.brotli)}${s.workerOk ? "" : " †"}`,
    fmtRatio(ratio(s.gzip, raw?.gzip ?? Number.NaN)),
  ]);
  const notes = sizes.some((s) => !s.workerOk)
    ? [
        "† did not bundle as a Worker without Node built-ins; the size shown is esbuild's platform=node bundle of the same entry (it would need nodejs_compat).",
      ]
    : [];
  return {
    id: "bundle",
    title: "1. Worker bundle: cancel + delete (esbuild, minified ESM)",
    method:
      "esbuild 0.28.2, `bundle`, `minify`, `format: esm`, `platform: browser`, conditions `workerd, worker, browser` (as wrangler without nodejs_compat); gzip level 9, brotli quality 11. Entries: `bench/src/workers/*.ts`. Sizes are deterministic, so one build each.",
    table: renderTable(
      ["contender", "bundles w/o Node built-ins", "min", "gzip", "brotli", "gzip vs raw"],
      rows,
    ),
    notes,
    goals: [
      {
        goal: "Worker bundle ≤ 6 KB gzip",
        measured: ours
          ? `${fmtKb(ours.gzip)} gzip (${ours.workerOk ? "no Node built-ins" : "needs Node built-ins"})`
          : "n/a",
        met: ours ? ours.workerOk && ours.gzip <= GOAL_GZIP_BYTES : undefined,
      },
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
