// waitFor(id, { until, signal, timeout, interval }) on every resource that can read a run.
import {
  AbortError,
  DEFAULT_WAIT_TIMEOUT,
  InvalidArgumentError,
  NotFoundError,
  RateLimitError,
  WaitTimeoutError,
} from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { expectNoCanary } from "./helpers/canary.ts";
import { makeClient } from "./helpers/make-client.ts";
import { errorReply } from "./helpers/scripted-fetch.ts";

const run = (status: string, id = "exr_1") => Response.json({ object: "extract_run", id, status });
const gaps = (hits: { at: number }[]) => hits.slice(1).map((h, i) => h.at - (hits[i]?.at ?? 0));

describe("waitFor", () => {
  it("polls until the status is final and returns that read; delays grow 1 s, 1.5 s, 2.25 s …", async () => {
    const { client, hits, settle } = makeClient([
      run("PENDING"),
      run("PROCESSING"),
      run("PROCESSING"),
      run("PROCESSED"),
    ]);
    const final = await settle(client.extractRuns.waitFor("exr_1"));
    expect(final).toEqual({ object: "extract_run", id: "exr_1", status: "PROCESSED" });
    expect(gaps(hits)).toEqual([1000, 1500, 2250]);
  });

  it("is on every resource with a retrieve or get, legacy and batch included", () => {
    const { client } = makeClient([]);
    const pollable = Object.entries(client).filter(
      ([, v]) => typeof (v as { waitFor?: unknown })?.waitFor === "function",
    );
    expect(pollable.map(([k]) => k).sort()).toEqual(
      [
        "batchProcessorRuns",
        "batchRuns",
        "classifyRuns",
        "editRuns",
        "evaluationSetRuns",
        "extractRuns",
        "formDetectionRuns",
        "parseRuns",
        "processorRuns",
        "runs",
        "splitRuns",
        "workflowRuns",
      ].sort(),
    );
  });

  it("reads the status inside the legacy wrappers", async () => {
    const legacy = (status: string) =>
      Response.json({ success: true, processorRun: { id: "exr_1", status } });
    const { client, settle } = makeClient([legacy("PROCESSING"), legacy("FAILED")]);
    await expect(settle(client.processorRuns.waitFor("exr_1"))).resolves.toMatchObject({
      processorRun: { status: "FAILED" },
    });
    const batch = (status: string) =>
      Response.json({ success: true, batchProcessorRun: { id: "batch_processor_run_1", status } });
    const b = makeClient([batch("PENDING"), batch("PROCESSED")]);
    await expect(
      b.settle(b.client.batchProcessorRuns.waitFor("batch_processor_run_1")),
    ).resolves.toMatchObject({
      batchProcessorRun: { status: "PROCESSED" },
    });
  });

  it("an unknown status counts as final (it is not PENDING, PROCESSING or CANCELLING)", async () => {
    const { client, settle } = makeClient([run("CANCELLING"), run("ARCHIVED")]);
    await expect(settle(client.extractRuns.waitFor("exr_1"))).resolves.toMatchObject({
      status: "ARCHIVED",
    });
  });

  it("until decides when to stop", async () => {
    const { client, hits, settle } = makeClient([
      run("PENDING"),
      run("PROCESSING"),
      run("PROCESSED"),
    ]);
    const started = await settle(
      client.extractRuns.waitFor("exr_1", { until: (r) => r.status !== "PENDING", interval: 200 }),
    );
    expect(started.status).toBe("PROCESSING");
    expect(gaps(hits)).toEqual([200]);
  });

  it("has a finite default deadline: gives up with WaitTimeoutError holding the last run", async () => {
    const { client, clock, logs, rejection } = makeClient([run("PROCESSING")]);
    const start = clock.now();
    const error = await rejection(client.extractRuns.waitFor("exr_1"));
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({
      id: "exr_1",
      timeoutMs: DEFAULT_WAIT_TIMEOUT,
      lastStatus: "PROCESSING",
    });
    expect(clock.now() - start).toBeLessThanOrEqual(DEFAULT_WAIT_TIMEOUT);
    expectNoCanary(error, logs);
  });

  it("timeout is honoured, and the signal aborts a sleep at once", async () => {
    const short = makeClient([run("PROCESSING")]);
    const start = short.clock.now();
    expect(
      await short.rejection(short.client.extractRuns.waitFor("exr_1", { timeout: 5000 })),
    ).toBeInstanceOf(WaitTimeoutError);
    expect(short.clock.now() - start).toBeLessThanOrEqual(5000);

    const controller = new AbortController();
    const { client, clock, hits, logs } = makeClient([run("PROCESSING")]);
    const call = client.extractRuns
      .waitFor("exr_1", { signal: controller.signal })
      .catch((e: unknown) => e);
    await clock.advance(500);
    controller.abort(new Error("stop"));
    const error = await call;
    expect(error).toBeInstanceOf(AbortError);
    expect(hits).toHaveLength(1);
    expect(clock.pending).toBe(0);
    expectNoCanary(error, logs);
  });

  it("respects 429 and Retry-After: no read comes before the advised time", async () => {
    const limited = errorReply(429, { retryable: true }, { "retry-after": "20" });
    const { client, hits, settle } = makeClient([run("PROCESSING"), limited, run("PROCESSED")], {
      maxRetries: 0,
    });
    await expect(settle(client.extractRuns.waitFor("exr_1"))).resolves.toMatchObject({
      status: "PROCESSED",
    });
    expect(gaps(hits)).toEqual([1000, 20_000]);
  });

  it("a 429 whose advised wait passes the deadline ends the wait with the RateLimitError", async () => {
    const limited = errorReply(429, { retryable: true }, { "retry-after": "50" });
    const { client, logs, rejection } = makeClient([limited], { maxRetries: 0 });
    const error = await rejection(client.extractRuns.waitFor("exr_1", { timeout: 30_000 }));
    expect(error).toBeInstanceOf(RateLimitError);
    expectNoCanary(error, logs);
  });

  it("other errors end the wait (a deleted run is a NotFoundError)", async () => {
    const { client, logs, rejection } = makeClient([errorReply(404, { code: "NOT_FOUND" })]);
    const error = await rejection(client.extractRuns.waitFor("exr_1"));
    expect(error).toBeInstanceOf(NotFoundError);
    expectNoCanary(error, logs);
  });

  it("rejects unknown or malformed options instead of ignoring them", async () => {
    const { client, hits, rejection } = makeClient([run("PROCESSED")]);
    const shapes = [
      { polling: { maxWait: 5 } },
      { deadline: 5 },
      { timeout: -1 },
      { interval: 0 },
      { until: "PROCESSED" },
    ];
    for (const options of shapes) {
      const error = await rejection(client.extractRuns.waitFor("exr_1", options as never));
      expect(error).toBeInstanceOf(InvalidArgumentError);
    }
    expect(hits).toHaveLength(0);
  });
});
