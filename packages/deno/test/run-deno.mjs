// Runs the Deno suites (conformance direct and through @extendkit/browser's proxy, Deno.env, webhook
// receiving) with the deno binary of the `deno` npm package. Permissions: env for the
// four EXTEND_* variables only, net for 127.0.0.1, read for the workspace (node_modules).
// Outside CI a missing deno binary skips loudly; under CI=true it fails.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const deno = fileURLToPath(new URL("../node_modules/.bin/deno", import.meta.url));
if (!existsSync(deno)) {
  const message = "deno binary missing (npm package `deno`); run pnpm install";
  if (process.env.CI === "true") throw new Error(message);
  console.warn(`\n!!! SKIPPING the Deno suites: ${message}\n`);
  process.exit(0);
}
const run = (args) => {
  const result = spawnSync(deno, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NO_COLOR: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run([
  "test",
  "--config=test/deno.json",
  // Type-checked: sloppy imports let deno check follow the `./chunk.js` imports in the d.ts files of
  // the private workspace packages (conformance, emulator) to their `./chunk.d.ts`.
  "--unstable-sloppy-imports",
  "--allow-env=EXTEND_API_KEY,EXTEND_WORKSPACE_ID,EXTEND_BASE_URL,EXTEND_API_VERSION",
  "--allow-net=127.0.0.1",
  "--allow-read=../..",
  "test/conformance.deno.ts",
  "test/create-client.deno.ts",
  "test/proxy.deno.ts",
  "test/proxy-attacks.deno.ts",
  "test/webhooks.deno.ts",
]);
run(["publish", "--dry-run", "--allow-dirty"]);
