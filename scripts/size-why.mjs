#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
// Contract: `node scripts/size-why.mjs [entry]` (root script `size:why`) — what the bytes of a
// size budget are. Bundles `entry` (default: packages/workers/size/cancel-delete-worker.ts) the way
// .size-limit.js does (esbuild, worker conditions, minified), but from @extendkit/core's *source*
// (aliases below) so every module shows up, and prints per source file: minified bytes, and the gzip bytes the
// bundle loses without it (leave-one-out over the module-delimited, identifier-minified output;
// an estimate — gzip shares context between modules — that sums close to the total).
// Last, what the messages weigh: the gzip of the same bundle with every string literal that holds a
// space (error, validation and log messages, in practice) replaced by a one-letter string — the
// floor that shortening messages, however far, could reach.
// Needs no build. Measures only; budgets live in each package's .size-limit.js.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { repoRoot } from "./release/repo-root.mjs";

const entry = process.argv[2] ?? join(repoRoot, "packages/workers/size/cancel-delete-worker.ts");
const version = JSON.parse(
  readFileSync(join(repoRoot, "packages/core/package.json"), "utf8"),
).version;
const common = {
  entryPoints: [entry],
  bundle: true,
  write: false,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  conditions: ["workerd", "worker", "browser", "import"],
  mainFields: ["module", "main"],
  alias: {
    "@extendkit/core": join(repoRoot, "packages/core/src/index.ts"),
    "@extendkit/workers": join(repoRoot, "packages/workers/src/index.ts"),
    "@extendkit/browser": join(repoRoot, "packages/browser/src/index.ts"),
  },
  define: { __EXTENDKIT_VERSION__: JSON.stringify(version) },
  logLevel: "error",
};

const minified = await build({ ...common, minify: true, metafile: true });
const code = minified.outputFiles[0].contents;
const total = gzipSync(code, { level: 9 }).length;
const inputs = Object.values(minified.metafile.outputs)[0].inputs;

// Same bundle with whitespace kept, so esbuild's `// path` comments delimit each module's code.
const readable = await build({ ...common, minifySyntax: true, minifyIdentifiers: true });
const text = readable.outputFiles[0].text;
const segments = [];
const marker = /^\/\/ (.+\.(?:ts|mjs|js|cjs))$/gm;
let match = marker.exec(text);
while (match) {
  const next = marker.exec(text);
  segments.push({ path: match[1], start: match.index, end: next ? next.index : text.length });
  match = next;
}
const readableTotal = gzipSync(text, { level: 9 }).length;
const gzipShare = new Map(
  segments.map(({ path, start, end }) => [
    path,
    readableTotal - gzipSync(text.slice(0, start) + text.slice(end), { level: 9 }).length,
  ]),
);

const rows = Object.entries(inputs)
  .map(([path, { bytesInOutput }]) => ({
    path,
    min: bytesInOutput,
    gzip: gzipShare.get(path) ?? 0,
  }))
  .filter((row) => row.min > 0)
  .sort((a, b) => b.gzip - a.gzip || b.min - a.min);
console.log(`${relative(repoRoot, entry)}: ${code.length} B minified, ${total} B gzip (level 9)`);
console.log("   min B  ~gzip B  module");
for (const row of rows) {
  const name = row.path
    .replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, "")
    .replace(/^packages\/core\/src\//, "");
  console.log(`${String(row.min).padStart(8)} ${String(row.gzip).padStart(8)}  ${name}`);
}
const STRING = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g;
const withoutMessages = Buffer.from(code)
  .toString("utf8")
  .replace(STRING, (literal) => (literal.includes(" ") ? '"m"' : literal));
const floor = gzipSync(withoutMessages, { level: 9 }).length;
console.log(
  `messages: ${total - floor} B of the gzip; every message one letter: ${floor} B (the floor of shortening them)`,
);
