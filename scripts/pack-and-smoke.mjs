#!/usr/bin/env node
// Contract: `node scripts/pack-and-smoke.mjs [--only a,b] [--keep]` — packs every publishable
// package (pnpm pack, as published), installs the tarballs with npm into a scratch project under
// the OS temp dir (third-party dependencies come from the registry), and uses them for real:
//   node-esm, node-cjs          @extendkit/node under Node, by import / require (env-configured)
//   types-node16, types-bundler tsc --noEmit of typical usage of every package (skipLibCheck false)
//   deno                        @extendkit/deno by npm: specifier: `deno check` + `deno run`
//   workerd                     @extendkit/workers: esbuild bundle with worker conditions, run in
//                               workerd (miniflare), no nodejs_compat
//   browser                     @extendkit/browser: esbuild browser bundle in headless Chromium,
//                               through @extendkit/browser/proxy mounted with @extendkit/node
// The server is the packed @extendkit/emulator (loaded with require(), served with its `serve` on
// 127.0.0.1) behind a header recorder. Each consumer that talks HTTP cancels and deletes one fresh
// PROCESSING run of every run type; the harness then checks the emulator (runs gone, exactly one
// cancel and one delete each) and the headers (`x-extendkit-version` = the packed version,
// `User-Agent: extendkit/<version>`, which the browser cannot set but its server-side proxy does).
// Builds must exist (`turbo run build`). Under CI=true a missing runtime fails the run; otherwise
// it is reported as skipped. Exit code 0 only if all passed.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packPackages } from "./release/pack-packages.mjs";
import { repoRoot } from "./release/repo-root.mjs";
import { run } from "./release/run.mjs";
import { runAsync } from "./release/run-async.mjs";
import { RUN_TYPES } from "./smoke/run-types.mjs";
import { serveBrowserPage } from "./smoke/serve-browser-page.mjs";
import { startEmulatorTarget } from "./smoke/start-emulator-target.mjs";

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
let version;

try {
  const packed = packPackages(join(scratch, "packs"));
  version = packed.find((pkg) => pkg.name === "@extendkit/core")?.version;
  if (!version) throw new Error("@extendkit/core is not among the packed packages");
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
    join(repoRoot, "packages", "workers", "size", "cancel-delete-worker.ts"),
    join(project, "worker.ts"),
  );
  const installStarted = Date.now();
  const tarballs = packed.map((pkg) => pkg.tarball);
  const install = ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];
  run("npm", [...install, "@types/node@20.19.43", ...tarballs], { cwd: project, capture: true });
  log(`npm install of ${packed.length} tarball(s) in ${seconds(installStarted)}`);

  target = await startEmulatorTarget(project);
  log(`target: ${target.kind}, recorded at ${target.url}`);
  // Adapters read their configuration from the environment, as in production.
  const env = { EXTEND_API_KEY: target.apiKey, EXTEND_BASE_URL: target.url };

  const consumers = {
    "node-esm": { http: true, run: (runs) => node("node-esm.mjs", runs, env, ".js") },
    "node-cjs": { http: true, run: (runs) => node("node-cjs.cjs", runs, env, ".cjs") },
    "types-node16": { run: () => tsc("types/tsconfig.node16.json") },
    "types-bundler": { run: () => tsc("types/tsconfig.bundler.json") },
    deno: { http: true, run: (runs) => deno(runs, env) },
    workerd: { http: true, run: (runs) => workerd(runs, env) },
    browser: {
      http: true,
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
        seconds: "0.0s",
        note: `SKIPPED: ${consumer.missing} not installed`,
      });
      continue;
    }
    const runs = consumer.http ? RUN_TYPES.map((type) => ({ ...type, id: target.seed(type) })) : [];
    const firstRequest = target.requests.length;
    try {
      const note = await consumer.run(runs);
      if (consumer.http) checkServerSide(runs, target.requests.slice(firstRequest));
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

/** What the emulator and the recorder saw of one consumer: every run cancelled and deleted once, headers right. */
function checkServerSide(runs, requests) {
  for (const runInfo of runs) {
    if (target.exists(runInfo.id))
      throw new Error(`${runInfo.resource} ${runInfo.id} still exists`);
    const effects = target.effects(runInfo.id);
    const cancels = runInfo.cancel ? 1 : 0;
    if (effects.deleted !== 1 || effects.cancelled !== cancels) {
      throw new Error(
        `${runInfo.id}: cancelled ${effects.cancelled}× and deleted ${effects.deleted}×`,
      );
    }
  }
  if (requests.length === 0) throw new Error("the emulator received no request");
  checkVersionHeaders(requests, true);
}

/** Every request carries the packed version; `userAgent` says whether it must be extendkit's too. */
function checkVersionHeaders(requests, userAgent) {
  for (const { method, path, headers } of requests) {
    const sent = headers["x-extendkit-version"];
    if (sent !== version)
      throw new Error(`${method} ${path}: x-extendkit-version ${sent}, expected ${version}`);
    const agent = headers["user-agent"] ?? "";
    if (userAgent && agent !== `extendkit/${version}`) {
      throw new Error(
        `${method} ${path}: User-Agent ${JSON.stringify(agent)}, expected extendkit/${version}`,
      );
    }
  }
}

function smokeConfig(runs, webhook) {
  return JSON.stringify({
    runs: runs.map(({ resource, id, cancel, retrieve }) => ({ resource, id, cancel, retrieve })),
    webhook,
  });
}

async function node(file, runs, env, extension) {
  const config = smokeConfig(runs, await target.delivery());
  const out = await runAsync(process.execPath, [file, config], { cwd: project, env });
  const result = parseResult(out);
  checkWebhookSteps(result.steps);
  for (const [index, name] of ["node", "core"].entries()) {
    const resolved = result.resolved[index].replace(/\\/g, "/");
    if (
      !resolved.includes(`/node_modules/@extendkit/${name}/dist/`) ||
      !resolved.endsWith(extension)
    ) {
      throw new Error(`resolved ${resolved}, expected the installed tarball's dist/*${extension}`);
    }
  }
  return `${result.steps.length} steps (webhook verified), @extendkit/node → core dist/*${extension}`;
}

async function tsc(tsconfig) {
  const compiler = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
  await runAsync(process.execPath, [compiler, "-p", tsconfig], { cwd: project });
  return `tsc -p ${tsconfig.replace(/^types\//, "")}: every package`;
}

async function deno(runs, env) {
  const denoEnv = {
    ...env,
    DENO_DIR: join(scratch, "deno-dir"),
    DENO_NO_UPDATE_CHECK: "1",
    NO_COLOR: "1",
  };
  await runAsync(bin("deno"), ["check", "deno.ts"], { cwd: project, env: denoEnv });
  const permissions = [
    "--allow-env=EXTEND_API_KEY,EXTEND_WORKSPACE_ID,EXTEND_BASE_URL,EXTEND_API_VERSION",
    "--allow-net=127.0.0.1",
    `--allow-read=${project}`,
  ];
  const config = smokeConfig(runs, await target.delivery());
  const out = await runAsync(bin("deno"), ["run", ...permissions, "deno.ts", config], {
    cwd: project,
    env: denoEnv,
  });
  const { steps } = parseResult(out);
  checkWebhookSteps(steps);
  return `npm:@extendkit/deno, deno check + run, ${steps.length} steps (webhook verified)`;
}

/** The consumer verified the emulator-signed delivery and refused it altered. */
function checkWebhookSteps(steps) {
  if (!steps.includes("webhook event_smoke verified") || !steps.includes("altered webhook refused"))
    throw new Error(`no webhook check in the consumer's steps: ${steps.slice(-3).join(", ")}`);
}

async function workerd(runs, env) {
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
    bindings: env,
  });
  try {
    const ids = Object.fromEntries(runs.map((runInfo) => [runInfo.resource, runInfo.id]));
    const response = await mf.dispatchFetch("http://worker.smoke/", {
      method: "POST",
      body: JSON.stringify(ids),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`worker answered ${response.status}: ${text.slice(0, 500)}`);
    return `@extendkit/workers, ${JSON.parse(text).done.length} run types, no nodejs_compat`;
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
  const page = await serveBrowserPage({
    project,
    bundle,
    runs: JSON.parse(smokeConfig(runs)).runs,
    target,
  });
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
    // The browser leg: the version header, no credentials, and Chromium's own User-Agent.
    checkVersionHeaders(page.requests, false);
    for (const { path, headers } of page.requests) {
      if (headers.authorization !== undefined)
        throw new Error(`${path}: the browser sent credentials`);
      if ((headers["user-agent"] ?? "").startsWith("extendkit/")) {
        throw new Error(
          `${path}: Chromium sent User-Agent ${headers["user-agent"]}; it was expected to forbid it`,
        );
      }
    }
    return `${result.steps.length} steps via the proxy, Chromium ${instance.version()}`;
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
