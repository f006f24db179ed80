import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { bundlePath } from "./bundle-path.ts";
import type { Launch } from "./launch.ts";
import { readEvents } from "./read-events.ts";
import { openUpstream, runtimeConfig } from "./upstream.ts";

/** Longest a Deno run may take before it is stopped (a live run waits for real processing). */
const DEADLINE_MS = 10 * 60_000;

/**
 * Runs `dist/deno.js` (the sample with `@extendkit/deno`) in the Deno binary of the `deno` npm
 * package, with permissions for exactly the upstream host and the variables it reads. The
 * credentials reach it as environment variables, never as arguments.
 */
export const launchDeno: Launch = async ({ target, only, emit }) => {
  const upstream = await openUpstream(target);
  try {
    const config = runtimeConfig(upstream, only);
    const env: Record<string, string | undefined> = {
      ...process.env,
      EXTEND_API_KEY: upstream.apiKey,
      EXTEND_BASE_URL: upstream.baseUrl,
      EXTEND_WORKSPACE_ID: upstream.workspaceId,
      EXTEND_API_VERSION: undefined,
      EXTENDKIT_SAMPLE_CONFIG: JSON.stringify(config),
      DENO_NO_UPDATE_CHECK: "1",
      NO_COLOR: "1",
    };
    for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
    const variables = [
      "EXTEND_API_KEY",
      "EXTEND_BASE_URL",
      "EXTEND_WORKSPACE_ID",
      "EXTEND_API_VERSION",
      "EXTENDKIT_SAMPLE_CONFIG",
    ];
    const child = spawn(
      denoExecutable(),
      [
        "run",
        "--no-prompt",
        "--no-config",
        `--allow-net=${new URL(upstream.baseUrl).host}`,
        `--allow-env=${variables.join(",")}`,
        bundlePath("deno.js"),
      ],
      { env, stdio: ["ignore", "pipe", "pipe"], timeout: DEADLINE_MS },
    );
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr = (stderr + text).slice(-4000);
    });
    const exited = new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code) => resolve(code));
    });
    try {
      await readEvents(child.stdout.setEncoding("utf8"), emit);
    } catch (error) {
      child.kill();
      const why = stderr.trim() ? `\n${stderr.trim()}` : "";
      throw new Error(`${(error as Error).message}${why}`);
    }
    const code = await exited;
    if (code !== 0) throw new Error(`deno exited with ${code}\n${stderr.trim()}`);
  } finally {
    await upstream.close();
  }
};

/** The Deno binary the `deno` npm package ships (through its platform package). */
function denoExecutable(): string {
  const require = createRequire(import.meta.url);
  const installer = require("deno/install_api.cjs") as { runInstall(): string };
  return installer.runInstall();
}
