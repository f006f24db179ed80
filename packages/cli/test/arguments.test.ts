import { EXIT_CODES } from "@extendkit/cli";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers.ts";

const KEY = { EXTEND_API_KEY: "sk_test_cli_canary", EXTEND_BASE_URL: "http://127.0.0.1:9" };

describe("bad arguments get a clear message and exit code 2, and send nothing", () => {
  it.each([
    [["runs", "purge", "--type", "all", "--yes"], /required option '--older-than <duration>'/],
    [["runs", "purge", "--older-than", "30d", "--yes"], /required option '--type <type>'/],
    [
      ["runs", "purge", "--type", "all", "--older-than", "30 days", "--yes"],
      /"30 days" is not a duration/,
    ],
    [["runs", "purge", "--type", "all", "--older-than", "0d", "--yes"], /"0d" is not a duration/],
    [
      ["runs", "purge", "--type", "edit", "--older-than", "30d", "--yes"],
      /"edit" is not a run type that can be listed/,
    ],
    [
      ["runs", "purge", "--type", "all", "--older-than", "30d"],
      /pass --dry-run to see what would be deleted, or --yes/,
    ],
    [
      ["runs", "purge", "--type", "all", "--older-than", "30d", "--dry-run", "--yes"],
      /exclude each other/,
    ],
    [
      ["runs", "purge", "--type", "all", "--older-than", "30d", "--metadata", "acme", "--yes"],
      /is not key=value/,
    ],
    [
      ["runs", "purge", "--type", "extract", "--workflow", "wf_1", "--older-than", "30d", "--yes"],
      /--workflow filters workflow runs/,
    ],
    [["runs", "delete", "exr_1", "--concurrency", "0"], /"0" is not a positive whole number/],
    [["runs", "delete"], /no run IDs/],
    [["runs", "delete", "--file", "does-not-exist.txt"], /cannot read the ID file/],
    [["runs", "frobnicate"], /unknown command 'frobnicate'/],
    [["runs", "list", "--bogus"], /unknown option '--bogus'/],
  ])("%j", async (argv, message) => {
    const { code, stderr, stdout } = await runCli(argv, { env: KEY });
    expect(code).toBe(EXIT_CODES.usage);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/--help/);
    expect(stdout).toBe("");
    expect(stderr).not.toContain(KEY.EXTEND_API_KEY);
  });

  it("a missing EXTEND_API_KEY is exit code 3 and names the variable", async () => {
    const { code, stderr } = await runCli(["runs", "delete", "exr_1"], { env: {} });
    expect(code).toBe(EXIT_CODES.config);
    expect(stderr).toMatch(/EXTEND_API_KEY is not set/);
    expect(stderr).toMatch(/--emulator/);
  });

  it("--help and --version exit 0", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes: 0 done, 1 some failed, 2 bad arguments/);
    const purgeHelp = await runCli(["runs", "purge", "--help"]);
    expect(purgeHelp.stdout).toMatch(/--older-than <duration>/);
    expect((await runCli(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("--emulator", () => {
  it("lists, previews and purges the seeded demo runs with no key at all", async () => {
    const listed = await runCli(["runs", "list", "--emulator", "--type", "extract", "--json"]);
    expect(listed.code).toBe(0);
    expect(listed.lines).toHaveLength(12);
    const dry = await runCli([
      "runs",
      "purge",
      "--emulator",
      "--type",
      "all",
      "--older-than",
      "60d",
      "--dry-run",
      "--json",
    ]);
    expect(dry.code).toBe(0);
    expect(dry.lines.at(-1)).toMatchObject({ summary: { dryRun: true, wouldDelete: 35 } });
    const purged = await runCli([
      "runs",
      "purge",
      "--emulator",
      "--type",
      "all",
      "--older-than",
      "60d",
      "--yes",
      "--json",
    ]);
    expect(purged.code).toBe(0);
    expect(purged.lines.at(-1)).toMatchObject({ summary: { deleted: 35, failed: 0, exitCode: 0 } });
  });
});
