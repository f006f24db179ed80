import { build } from "esbuild";
import { gzipSync } from "node:zlib";
const r = await build({ entryPoints: [process.argv[2]], bundle: true, write: false, format: "esm", platform: "neutral", target: "es2022", conditions: ["workerd", "worker", "browser", "import"], mainFields: ["module", "main"], minify: true, logLevel: "error" });
const code = r.outputFiles[0].contents;
console.error(code.length, gzipSync(code, { level: 9 }).length);
process.stdout.write(Buffer.from(code).toString());
