import { execFile } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const N = 100_000;
let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("bulk memory", () => {
  it("CC7: 100,000 IDs streamed from a file stay under 200 MB RSS and are read lazily", async () => {
    dir = await mkdtemp(join(tmpdir(), "extendkit-cc7-"));
    const path = join(dir, "ids.txt");
    const out = createWriteStream(path);
    for (let i = 0; i < N; i++) {
      if (!out.write(`exr_${String(i).padStart(12, "0")}\n`)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    // Its own process: the RSS measured is the job's, not the test runner's; the old space is
    // capped so that memory the job kept per ID would fail it rather than grow the heap.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--max-old-space-size=96", join(import.meta.dirname, "fixtures", "stream-ids.mjs"), path],
      { cwd: import.meta.dirname },
    );
    const result = JSON.parse(stdout.trim()) as {
      counts: { deleted: number };
      peakRss: number;
      maxAhead: number;
    };
    console.log(
      `CC7: ${N} IDs, peak RSS ${Math.round(result.peakRss / 1e6)} MB, read ahead ≤ ${result.maxAhead}`,
    );
    expect(result.counts.deleted).toBe(N);
    expect(result.peakRss).toBeLessThan(200e6);
    expect(result.maxAhead).toBeLessThanOrEqual(17);
  }, 300_000);
});
