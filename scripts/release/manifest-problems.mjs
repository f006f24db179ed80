// Contract: `manifestProblems(manifest, files, expected)` → a list of human-readable problems (empty
// when the package follows the pattern in RELEASING.md). `manifest` is the package.json as packed,
// `files` the paths inside the tarball (without the `package/` prefix), `expected` is
// `{ dirName, version }`: the folder under packages/ and the fixed group's version.
// publint and attw check that the exports resolve; these are the rules they do not know about.

const REPOSITORY = "git+https://github.com/extendkit/extendkit.git";
const ALWAYS_ALLOWED = new Set(["package.json", "README.md", "CHANGELOG.md", "LICENSE"]);

export function manifestProblems(manifest, files, expected) {
  const problems = [];
  const need = (ok, message) => {
    if (!ok) problems.push(message);
  };
  const has = (path) => files.includes(path.replace(/^\.\//, ""));

  need(
    manifest.version === expected.version,
    `version ${manifest.version} is not the fixed group's ${expected.version}`,
  );
  need(manifest.license === "MIT", `license must be "MIT", is ${JSON.stringify(manifest.license)}`);
  need(has("LICENSE"), "LICENSE file missing from the tarball");
  need(has("README.md"), "README.md missing from the tarball");
  need(manifest.type === "module", 'type must be "module"');
  need(manifest.sideEffects === false, "sideEffects must be false");
  need(typeof manifest.engines?.node === "string", "engines.node missing");
  need(
    typeof manifest.description === "string" && manifest.description.length > 0,
    "description missing",
  );
  need(manifest.repository?.url === REPOSITORY, `repository.url must be ${REPOSITORY}`);
  need(
    manifest.repository?.directory === `packages/${expected.dirName}`,
    `repository.directory must be packages/${expected.dirName}`,
  );
  need(typeof manifest.homepage === "string", "homepage missing");
  need(typeof manifest.bugs?.url === "string", "bugs.url missing");
  need(manifest.publishConfig?.access === "public", "publishConfig.access must be public");
  need(Array.isArray(manifest.files), "files whitelist missing");

  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      need(!/^(workspace|catalog|link|file):/.test(range), `${field}.${dep} is still ${range}`);
    }
  }

  // Only what `files` whitelists, and never sources, tests or build caches.
  for (const file of files) {
    need(
      !/(^|\/)(src|test|tests|size|node_modules)\//.test(file),
      `${file} should not be published`,
    );
    need(!/\.tsbuildinfo$|\.tgz$/.test(file), `${file} should not be published`);
  }

  // Node 10 fallbacks point at the CommonJS build.
  need(manifest.main?.endsWith(".cjs") && has(manifest.main), "main must name a packed .cjs file");
  need(
    manifest.types?.endsWith(".d.cts") && has(manifest.types),
    "types must name a packed .d.cts file",
  );

  const exportsMap = manifest.exports;
  need(exportsMap && typeof exportsMap === "object", "exports map missing");
  need(exportsMap?.["./package.json"] === "./package.json", 'exports must expose "./package.json"');
  for (const [subpath, target] of Object.entries(exportsMap ?? {})) {
    if (subpath === "./package.json") continue;
    const conditions = Object.keys(target ?? {});
    need(
      conditions.includes("import") && conditions.includes("require"),
      `exports["${subpath}"] needs both "import" and "require"`,
    );
    for (const [condition, js, dts] of [
      ["import", ".js", ".d.ts"],
      ["require", ".cjs", ".d.cts"],
    ]) {
      const entry = target?.[condition];
      if (!entry) continue;
      need(
        Object.keys(entry)[0] === "types",
        `exports["${subpath}"].${condition}: "types" must come first`,
      );
      need(
        entry.types?.endsWith(dts) && has(entry.types),
        `exports["${subpath}"].${condition}.types must be a packed ${dts}`,
      );
      need(
        entry.default?.endsWith(js) && has(entry.default),
        `exports["${subpath}"].${condition}.default must be a packed ${js}`,
      );
    }
  }

  for (const file of files) {
    if (!ALWAYS_ALLOWED.has(file) && !file.startsWith("dist/")) {
      need(manifest.files?.includes(file), `${file} is packed but is not dist/ or a standard file`);
    }
  }
  return problems;
}
