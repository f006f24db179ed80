#!/usr/bin/env node
// Contract: `node scripts/pack-and-smoke.mjs [--only a,b] [--keep]` — packs every publishable
// package (pnpm pack, as published), installs the tarballs with npm into a scratch project under
// the OS temp dir (third-party dependencies come from the registry), and uses them for real:
//   node-esm, node-cjs          run the cancel-and-delete scenario under Node (import / require)
//   types-node16, types-bundler tsc --noEmit of typical TypeScript usage (skipLibCheck false)
//   deno                        `deno check` + `deno run` through an npm: specifier
//   workerd                     esbuild bundle with worker conditions, run in workerd (miniflare),
//                               no nodejs_compat
//   browser                     esbuild browser bundle in headless Chromium, via a same-origin proxy
// Each consumer that talks HTTP cancels and deletes one fresh run of every run type against a
// server on 127.0.0.1, and the harness then checks that server: runs gone, cancel before delete,
// `x-extendkit-version` = the packed version, `User-Agent: extendkit/<version>` except in the
// browser (which forbids it). Builds must exist (`turbo run build`). Under CI=true a runtime that is
// missing fails the run; otherwise it is reported as skipped. Exit code 0 only if all passed.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packPackages } from "./release/pack-packages.mjs";
import { repoRoot } from "./release/repo-root.mjs";
import { run } from "./release/run.mjs";
import { runAsync } from "./release/run-async.mjs";
import { RUN_TYPES } from "./smoke/run-types.mjs";
import { serveBrowserPage } from "./smoke/serve-browser-page.mjs";
import { startStubTarget } from "./smoke/start-stub-target.mjs";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
];
const ci = process.env.CI === "true";
const keep = process.argv.includes("--keep");
const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex > 0 ? new Set(process.argv[onlyIndex + 1].split(",")) : undefined;
const bin = (name) => join(repoRoot, "node_modules", ".bin", name);
const smokeDir = join(repoRoot, "scripts", "smoke");

const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), "extendkit-smoke-"));
const project = join(scratch, "project");
const results = [];
let target;

try {
  const packed = packPackages(join(scratch, "packs"));
  const core = packed.find((pkg) => pkg.name === "@extendkit/core");
  if (!core) throw new Error("@extendkit/core is not among the packed packages");
  const version = core.version;
  log(`packed ${packed.map((pkg) => `${pkg.name}@${pkg.version}`).join(", ")}`);

  mkdirSync(project, { recursive: true });
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "extendkit-smoke", private: true }),
  );
  writeFileSync(join(project, "deno.json"), JSON.stringify({ nodeModulesDir: "manual" }));
  cpSync(join(smokeDir, "consumers"), project, { recursive: true });
  cpSync(join(smokeDir, "types"), join(project, "types"), { recursive: true });
  cpSync(
    join(repoRoot, "packages", "core", "size", "cancel-delete-worker.ts"),
    join(project, "worker.ts"),
  );
  const installStarted = Date.now();
  run(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      "--loglevel=error",
      "@types/node@20.19.43",
      ...packed.map((pkg) => pkg.tarball),
    ],
    { cwd: project, capture: true },
  );
  log(`npm install of ${packed.length} tarball(s) in ${seconds(installStarted)}`);

  target = await startStubTarget(); // TODO(emulator, issue #4): serve the packed @extendkit/emulator
  log(`target: ${target.kind} at ${target.url}`);

  const config = (runs, clientOptions = { apiKey: target.apiKey, baseUrl: target.url }) =>
    JSON.stringify({ clientOptions, runs });
  const consumers = {
    "node-esm": {
      http: "extendkit",
      run: (runs) => node("node-esm.mjs", config(runs), "dist/index.js"),
    },
    "node-cjs": {
      http: "extendkit",
      run: (runs) => node("node-cjs.cjs", config(runs), "dist/index.cjs"),
    },
    "types-node16": { run: () => tsc("types/tsconfig.node16.json") },
    "types-bundler": { run: () => tsc("types/tsconfig.bundler.json") },
    deno: { http: "extendkit", run: (runs) => deno(config(runs)) },
    workerd: { http: "extendkit", run: (runs) => workerd(runs) },
    browser: {
      http: "browser",
      missing: !existsSync(CHROMIUM) && CHROMIUM,
      run: (runs) => browser(runs),
    },
  };

  for (const [name, consumer] of Object.entries(consumers)) {
    if (only && !only.has(name)) continue;
    const consumerStarted = Date.now();
    if (consumer.missing) {
      results.push({
        name,
        ok: !ci,
        seconds: 0,
        note: `SKIPPED: ${consumer.missing} not installed`,
      });
      continue;
    }
    const runs = consumer.http ? RUN_TYPES.map((type) => ({ ...type, id: target.seed(type) })) : [];
    const firstRequest = target.requests.length;
    try {
      const note = (await consumer.run(runs)) ?? "";
      if (consumer.http) verify(runs, target.requests.slice(firstRequest), version, consumer.http);
      results.push({ name, ok: true, seconds: seconds(consumerStarted), note });
    } catch (error) {
      results.push({ name, ok: false, seconds: seconds(consumerStarted), note: error.message });
    }
  }
} catch (error) {
  results.push({
    name: "setup",
    ok: false,
    seconds: seconds(started),
    note: error.stack ?? String(error),
  });
} finally {
  await target?.close();
  if (keep) log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

for (const result of results) {
  const status = result.ok ? (result.note.startsWith("SKIPPED") ? "skip" : "ok  ") : "FAIL";
  log(`${status} ${result.name.padEnd(14)} ${result.seconds.padStart(6)}  ${result.note}`);
}
const failed = results.filter((result) => !result.ok);
log(`${results.length - failed.length}/${results.length} consumers passed in ${seconds(started)}`);
process.exit(failed.length === 0 && results.length > 0 ? 0 : 1);

/** Checks the target's view of one consumer's requests and runs. */
function verify(runs, requests, version, userAgent) {
  for (const runInfo of runs) {
    if (target.exists(runInfo, runInfo.id))
      throw new Error(`${runInfo.resource} ${runInfo.id} still exists`);
    const own = requests.filter((request) => request.path.includes(`/${runInfo.id}`));
    const cancel = own.findIndex((r) => r.method === "POST" && r.path.endsWith("/cancel"));
    const remove = own.findIndex((r) => r.method === "DELETE");
    if (remove < 0) throw new Error(`no DELETE for ${runInfo.id}`);
    if (runInfo.cancel && !(cancel >= 0 && cancel < remove))
      throw new Error(`no cancel before delete for ${runInfo.id}`);
  }
  if (requests.length === 0) throw new Error("the target received no request");
  for (const request of requests) {
    const sent = request.headers["x-extendkit-version"];
    if (sent !== version) throw new Error(`x-extendkit-version was ${sent}, expected ${version}`);
    const agent = request.headers["user-agent"] ?? "";
    if (userAgent === "extendkit" && agent !== `extendkit/${version}`) {
      throw new Error(`User-Agent was ${JSON.stringify(agent)}, expected extendkit/${version}`);
    }
    if (userAgent === "browser" && agent.startsWith("extendkit/")) {
      throw new Error(`the browser sent User-Agent ${agent}; browsers were expected to forbid it`);
    }
  }
}

async function node(file, smokeConfig, expectedEntry) {
  const out = await runAsync(process.execPath, [file, smokeConfig], { cwd: project });
  const result = parseResult(out);
  const resolved = result.resolved.replace(/\\/g, "/");
  if (!resolved.includes(`/node_modules/@extendkit/core/${expectedEntry}`)) {
    throw new Error(`resolved ${resolved}, expected the installed tarball's ${expectedEntry}`);
  }
  return `${result.steps.length} steps, ${expectedEntry}`;
}

async function tsc(tsconfig) {
  await runAsync(
    process.execPath,
    [join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", tsconfig],
    {
      cwd: project,
    },
  );
  return tsconfig.replace(/^types\/tsconfig\.|\.json$/g, "");
}

async function deno(smokeConfig) {
  const env = {
    DENO_DIR: join(scratch, "deno-dir"),
    DENO_NO_UPDATE_CHECK: "1",
    NO_COLOR: "1",
  };
  await runAsync(bin("deno"), ["check", "deno.ts"], { cwd: project, env });
  const out = await runAsync(
    bin("deno"),
    ["run", "--allow-net=127.0.0.1", `--allow-read=${project}`, "deno.ts", smokeConfig],
    { cwd: project, env },
  );
  return `deno check + run, ${parseResult(out).steps.length} steps`;
}

async function workerd(runs) {
  const { build } = await import("esbuild");
  const outfile = join(scratch, "worker.js");
  await build({
    entryPoints: [join(project, "worker.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    minify: true,
    outfile,
    logLevel: "error",
  });
  const { Miniflare } = await import("miniflare");
  const mf = new Miniflare({
    modules: true,
    scriptPath: outfile,
    modulesRoot: scratch,
    compatibilityDate: "2026-03-01",
    compatibilityFlags: [],
    bindings: { EXTEND_API_KEY: target.apiKey, EXTEND_BASE_URL: target.url },
  });
  try {
    const ids = Object.fromEntries(runs.map((runInfo) => [runInfo.resource, runInfo.id]));
    const response = await mf.dispatchFetch("http://worker.smoke/", {
      method: "POST",
      body: JSON.stringify(ids),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`worker answered ${response.status}: ${text.slice(0, 500)}`);
    return `${JSON.parse(text).done.length} run types, no nodejs_compat`;
  } finally {
    await mf.dispose();
  }
}

async function browser(runs) {
  const { build } = await import("esbuild");
  const bundle = join(scratch, "browser.js");
  await build({
    entryPoints: [join(project, "browser.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile: bundle,
    logLevel: "error",
  });
  const page = await serveBrowserPage({ bundle, runs, target });
  const { chromium } = await import("playwright-core");
  const instance = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  try {
    const tab = await instance.newPage();
    const errors = [];
    tab.on("pageerror", (error) => errors.push(error.message));
    await tab.goto(page.url);
    const result = await tab
      .evaluate(() => window.smoke)
      .catch((error) => {
        throw new Error(`${error.message} ${errors.join("; ")}`);
      });
    return `${result.steps.length} steps, Chromium ${instance.version()}`;
  } finally {
    await instance.close();
    await page.close();
  }
}

function parseResult(out) {
  const line = out.split("\n").find((l) => l.startsWith("SMOKE-RESULT "));
  if (!line) throw new Error(`no SMOKE-RESULT line in output:\n${out.slice(0, 2000)}`);
  return JSON.parse(line.slice("SMOKE-RESULT ".length));
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

function log(message) {
  console.log(`pack-and-smoke: ${message}`);
}
