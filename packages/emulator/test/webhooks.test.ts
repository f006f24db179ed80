import {
  createEmulator,
  EMULATOR_API_KEY,
  type EmulatorOptions,
  RUN_EVENT_TYPES,
  type RunKind,
  SpecViolationError,
  type WebhookEndpoint,
} from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { api, BASE, BATCH, CREATE, FILE } from "./helpers.ts";
import {
  deferred,
  recordingFetch,
  runWebhookEventProblems,
  specRunEventTypes,
  verifies,
} from "./webhook-helpers.ts";

// Run events (REFERENCE §6.2) delivered by the emulator, received by a recording fetch and checked
// independently: node:crypto for signatures, spec/openapi.yaml for the bodies.

const SECRET = "wss_test_secret_1";
const HOOK = "https://hooks.example.test/extend";
const START_S = Date.parse("2026-03-01T00:00:00.000Z") / 1000;

function setupHooks(
  endpoints: WebhookEndpoint[] = [{ url: HOOK, secret: SECRET }],
  options: EmulatorOptions = {},
  answer?: Parameters<typeof recordingFetch>[0],
) {
  const receiver = recordingFetch(answer);
  // Emulator-clock timestamps, so the assertions below are exact (the default is wall time).
  const webhooks = { endpoints, fetch: receiver.fetch, timestamps: "emulator" as const };
  const emu = createEmulator({ ...options, webhooks });
  return { emu, call: api(emu), received: receiver.received };
}

const PATH_OF: Partial<Record<RunKind, string>> = {
  workflowRuns: "/workflow_runs",
  extractRuns: "/extract_runs",
  classifyRuns: "/classify_runs",
  splitRuns: "/split_runs",
  parseRuns: "/parse_runs",
  editRuns: "/edit_runs",
};

describe("webhook deliveries", () => {
  it("a run settling sends one signed, spec-valid delivery per subscribed endpoint", async () => {
    const other = "wss_other";
    const { emu, call, received } = setupHooks([
      { url: HOOK, secret: SECRET },
      { url: "https://second.example.test/in", secret: other },
      { url: "https://parse-only.example.test/in", secret: "wss_p", events: ["parse_run.failed"] },
    ]);
    const run = (await call("POST", "/extract_runs", CREATE["/extract_runs"])).body;
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    expect(received.map((r) => r.url)).toEqual([HOOK, "https://second.example.test/in"]);
    const [first, second] = received;
    if (!first || !second) throw new Error("two deliveries expected");
    expect(verifies(SECRET, first.headers, first.body)).toBe(true);
    expect(verifies(other, second.headers, second.body)).toBe(true);
    expect(verifies(other, first.headers, first.body)).toBe(false);
    expect(first.headers.get("content-type")).toBe("application/json");
    expect(first.headers.get("x-extend-request-timestamp")).toBe(String(START_S + 2));
    expect(runWebhookEventProblems(first.event)).toEqual([]);
    expect(first.event).toEqual({
      eventId: expect.stringMatching(/^event_[A-Za-z0-9]{22}$/),
      eventType: "extract_run.processed",
      payload: (await call("GET", `/extract_runs/${run.id}`)).body,
    });
    expect(second.body).toBe(first.body);
    expect(emu.webhooks.deliveries()).toEqual([
      {
        eventId: first.event.eventId,
        eventType: "extract_run.processed",
        url: HOOK,
        attempt: 1,
        timestamp: START_S + 2,
        state: "delivered",
        status: 200,
        error: null,
      },
      expect.objectContaining({ url: "https://second.example.test/in", state: "delivered" }),
    ]);
    // Nothing more happens to a finished run: no second event.
    await emu.clock.advance(60_000);
    await call("GET", `/extract_runs/${run.id}`);
    await emu.webhooks.idle();
    expect(received).toHaveLength(2);
  });

  const OUTCOMES: Array<[RunKind, string, string]> = [
    ["workflowRuns", "PROCESSED", "workflow_run.completed"],
    ["workflowRuns", "FAILED", "workflow_run.failed"],
    ["workflowRuns", "NEEDS_REVIEW", "workflow_run.needs_review"],
    ["workflowRuns", "REJECTED", "workflow_run.rejected"],
    ["extractRuns", "PROCESSED", "extract_run.processed"],
    ["extractRuns", "FAILED", "extract_run.failed"],
    ["classifyRuns", "PROCESSED", "classify_run.processed"],
    ["classifyRuns", "FAILED", "classify_run.failed"],
    ["splitRuns", "PROCESSED", "split_run.processed"],
    ["splitRuns", "FAILED", "split_run.failed"],
    ["parseRuns", "PROCESSED", "parse_run.processed"],
    ["parseRuns", "FAILED", "parse_run.failed"],
    ["editRuns", "PROCESSED", "edit_run.processed"],
    ["editRuns", "FAILED", "edit_run.failed"],
  ];

  it.each(OUTCOMES)("%s ending %s fires %s with a spec-valid body", async (kind, outcome, type) => {
    const { emu, call, received } = setupHooks([{ url: HOOK, secret: SECRET }], {
      outcomes: { [kind]: outcome },
    });
    const path = PATH_OF[kind] as string;
    const run = (await call("POST", path, CREATE[path])).body;
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    // A workflow run's finished steps fire `workflow_run.step_run.processed` first; those are
    // checked in webhooks-step-runs.test.ts. Here: the run's own event, exactly once.
    const own = received.filter((r) => r.event.eventType !== "workflow_run.step_run.processed");
    expect(own.map((r) => r.event.eventType)).toEqual([type]);
    const event = own[0]?.event;
    expect(runWebhookEventProblems(event)).toEqual([]);
    expect(event.payload.id).toBe(run.id);
    expect(event.payload.status).toBe(outcome);
    if (kind === "parseRuns")
      expect(Object.keys(event.payload).sort()).toEqual(
        ["failureMessage", "failureReason", "id", "metadata", "object", "status"].sort(),
      );
    if (kind === "parseRuns") expect(event.payload.object).toBe("parse_run_status");
    else expect(event.payload).toEqual((await call("GET", `${path}/${run.id}`)).body);
  });

  it("a cancelled workflow run fires workflow_run.cancelled once it is CANCELLED", async () => {
    const { emu, call, received } = setupHooks();
    const run = (await call("POST", "/workflow_runs", CREATE["/workflow_runs"])).body;
    expect((await call("POST", `/workflow_runs/${run.id}/cancel`)).body.status).toBe("CANCELLING");
    await emu.webhooks.idle();
    expect(received).toHaveLength(0);
    await emu.clock.advance(500);
    await emu.webhooks.idle();
    expect(received.map((r) => r.event.eventType)).toEqual(["workflow_run.cancelled"]);
    expect(received[0]?.event.payload.status).toBe("CANCELLED");
    expect(runWebhookEventProblems(received[0]?.event)).toEqual([]);
  });

  it.each<[string, { parseCancel?: "FAILED" }]>([
    ["/extract_runs", {}],
    ["/classify_runs", {}],
    ["/split_runs", {}],
    ["/parse_runs", {}],
    ["/parse_runs", { parseCancel: "FAILED" }],
  ])("no event for a cancelled run of %s (switches %o), nor for deleting it", async (path, sw) => {
    const { emu, call, received } = setupHooks([{ url: HOOK, secret: SECRET }], { switches: sw });
    const run = (await call("POST", path, CREATE[path])).body;
    const cancelled = await call("POST", `${path}/${run.id}/cancel`);
    expect(cancelled.body.status).toBe(sw.parseCancel ?? "CANCELLED");
    expect((await call("DELETE", `${path}/${run.id}`)).status).toBe(200);
    await emu.clock.advance(10_000);
    await emu.webhooks.idle();
    expect(received).toEqual([]);
    expect(emu.webhooks.deliveries()).toEqual([]);
  });

  it("form detection and evaluation set runs fire nothing; a run deleted while PROCESSING neither", async () => {
    const { emu, call, received } = setupHooks();
    await call("POST", "/form_detection_runs", CREATE["/form_detection_runs"]);
    emu.seedRun({ kind: "evaluationSetRuns", status: "PROCESSING" });
    const doomed = (await call("POST", "/extract_runs", CREATE["/extract_runs"])).body;
    await call("DELETE", `/extract_runs/${doomed.id}`);
    await emu.clock.advance(5000);
    await emu.webhooks.idle();
    expect(received).toEqual([]);
  });

  it.each([
    ["/extract_runs/batch", "extract_run.processed", "batch_processor_run.processed"],
    ["/classify_runs/batch", "classify_run.processed", "batch_processor_run.processed"],
    ["/parse_runs/batch", "parse_run.processed", "batch_parse_run.processed"],
  ])("%s: each member fires %s, then the batch fires %s", async (path, member, batchType) => {
    const { emu, call, received } = setupHooks();
    const batch = (await call("POST", path, BATCH[path])).body;
    await emu.clock.advance(1000); // PENDING → PROCESSING: no events
    await emu.webhooks.idle();
    expect(received).toEqual([]);
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    expect(received.map((r) => r.event.eventType)).toEqual([member, member, batchType]);
    for (const r of received) expect(runWebhookEventProblems(r.event)).toEqual([]);
    expect(received[2]?.event.payload).toEqual({
      object: "batch_run",
      id: batch.id,
      status: "PROCESSED",
      runCount: 2,
      createdAt: batch.createdAt,
    });
  });

  it("a batch whose members all fail fires batch_processor_run.failed", async () => {
    const { emu, call, received } = setupHooks([{ url: HOOK, secret: SECRET }], {
      outcomes: { splitRuns: "FAILED" },
    });
    await call("POST", "/split_runs/batch", BATCH["/split_runs/batch"]);
    await emu.clock.advance(3000);
    await emu.webhooks.idle();
    expect(received.map((r) => r.event.eventType)).toEqual([
      "split_run.failed",
      "split_run.failed",
      "batch_processor_run.failed",
    ]);
  });

  it("synchronous endpoints fire at once: POST /extract sends extract_run.processed", async () => {
    const { emu, call, received } = setupHooks();
    const res = await call("POST", "/extract", CREATE["/extract_runs"]);
    expect(res.status).toBe(200);
    await emu.webhooks.idle();
    expect(received.map((r) => r.event.eventType)).toEqual(["extract_run.processed"]);
    expect(received[0]?.event.payload).toEqual(res.body);
    expect(received[0]?.headers.get("x-extend-request-timestamp")).toBe(String(START_S));
  });

  it("the events filter: an endpoint gets only the types it lists", async () => {
    const { emu, call, received } = setupHooks([
      { url: HOOK, secret: SECRET, events: ["workflow_run.failed", "parse_run.processed"] },
    ]);
    await call("POST", "/workflow_runs", CREATE["/workflow_runs"]); // completes: not subscribed
    await call("POST", "/workflow_runs", {
      ...(CREATE["/workflow_runs"] as object),
      metadata: { "emulator:outcome": "FAILED" },
    });
    await call("POST", "/parse_runs", CREATE["/parse_runs"]);
    await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    expect(received.map((r) => r.event.eventType)).toEqual([
      "workflow_run.failed",
      "parse_run.processed",
    ]);
  });

  it("the timestamp is when the run changed, even when the clock jumps further", async () => {
    const { emu, call, received } = setupHooks();
    await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    await emu.clock.advance(10 * 60_000);
    await emu.webhooks.idle();
    expect(received[0]?.headers.get("x-extend-request-timestamp")).toBe(String(START_S + 2));
  });

  it("seeded statuses fire nothing; a seeded PROCESSING run fires when it finishes", async () => {
    const { emu, received } = setupHooks();
    emu.seedRun({ kind: "extractRuns", status: "PROCESSED" });
    emu.seedRun({ kind: "batchRuns", status: "PROCESSED", memberCount: 2 });
    emu.seedRun({ kind: "workflowRuns", status: "PROCESSED" }); // its step runs fire nothing either
    const moving = emu.seedRun({ kind: "workflowRuns", status: "PROCESSING" });
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    // Step events name their workflow run in `workflowRunId` (their `id` is the step run's).
    expect(
      received.map((r) => [r.event.eventType, r.event.payload.workflowRunId ?? r.event.payload.id]),
    ).toEqual([
      ["workflow_run.step_run.processed", moving.id],
      ["workflow_run.step_run.processed", moving.id],
      ["workflow_run.completed", moving.id],
    ]);
  });

  it("deliveries never delay the API answer: a receiver that has not answered yet", async () => {
    const arrived = deferred();
    const gate = deferred();
    const { emu, call, received } = setupHooks([{ url: HOOK, secret: SECRET }], {}, async () => {
      arrived.resolve();
      await gate.promise;
      return new Response("ok");
    });
    const sync = await emu.fetch(`${BASE}/parse`, {
      method: "POST",
      headers: { authorization: `Bearer ${EMULATOR_API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify(CREATE["/parse_runs"]),
    });
    // The answer comes first: the event is queued, not yet signed or sent.
    expect(sync.status).toBe(200);
    expect(received).toHaveLength(0);
    expect(emu.webhooks.deliveries().map((d) => d.state)).toEqual(["pending"]);
    const listed = await call("GET", "/parse_runs");
    expect(listed.status).toBe(200);
    let idle = false;
    const waiting = emu.webhooks.idle().then(() => {
      idle = true;
    });
    await arrived.promise; // sent, not answered
    expect(received).toHaveLength(1);
    expect(emu.webhooks.deliveries().map((d) => d.state)).toEqual(["pending"]);
    expect(idle).toBe(false);
    gate.resolve();
    await waiting;
    expect(emu.webhooks.deliveries().map((d) => d.state)).toEqual(["delivered"]);
  });

  it("a receiver answering 500 is a failed delivery; redeliver re-signs the same body", async () => {
    let status = 500;
    const { emu, call, received } = setupHooks(
      [{ url: HOOK, secret: SECRET }],
      {},
      () => new Response("no", { status }),
    );
    await call("POST", "/classify_runs", CREATE["/classify_runs"]);
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    const [failed] = emu.webhooks.deliveries();
    expect(failed).toMatchObject({ state: "failed", status: 500, attempt: 1, error: null });
    const eventId = failed?.eventId as string;

    status = 200;
    await emu.clock.advance(30_000);
    const again = await emu.webhooks.redeliver(eventId);
    expect(again).toEqual([
      {
        eventId,
        eventType: "classify_run.processed",
        url: HOOK,
        attempt: 2,
        timestamp: START_S + 32,
        state: "delivered",
        status: 200,
        error: null,
      },
    ]);
    const [first, second] = received;
    if (!first || !second) throw new Error("two POSTs expected");
    expect(second.body).toBe(first.body);
    expect(second.event.eventId).toBe(eventId);
    expect(second.headers.get("x-extend-request-timestamp")).toBe(String(START_S + 32));
    expect(second.headers.get("x-extend-request-signature")).not.toBe(
      first.headers.get("x-extend-request-signature"),
    );
    expect(verifies(SECRET, second.headers, second.body)).toBe(true);
    expect(emu.webhooks.deliveries().map((d) => [d.attempt, d.state])).toEqual([
      [1, "failed"],
      [2, "delivered"],
    ]);
  });

  it("a fetch that rejects is a failed delivery with the error; unknown events cannot be redelivered", async () => {
    const { emu, call } = setupHooks([{ url: HOOK, secret: SECRET }], {}, () => {
      throw new TypeError("fetch failed: ECONNREFUSED");
    });
    await call("POST", "/split_runs", CREATE["/split_runs"]);
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    expect(emu.webhooks.deliveries()).toEqual([
      expect.objectContaining({
        state: "failed",
        status: null,
        error: "fetch failed: ECONNREFUSED",
      }),
    ]);
    await expect(emu.webhooks.redeliver("event_nope")).rejects.toThrow(/no event event_nope/);
  });

  it("reset() forgets events and deliveries and restarts event ids", async () => {
    const { emu, call, received } = setupHooks();
    await call("POST", "/extract", CREATE["/extract_runs"]);
    await emu.webhooks.idle();
    const firstId = received[0]?.event.eventId;
    emu.reset();
    expect(emu.webhooks.deliveries()).toEqual([]);
    await expect(emu.webhooks.redeliver(firstId)).rejects.toThrow(/no event/);
    await call("POST", "/extract", CREATE["/extract_runs"]);
    await emu.webhooks.idle();
    expect(received[1]?.event.eventId).toBe(firstId); // same seed, same requests, same ids
  });

  it("an event that breaks the spec is not sent: idle() rejects and records.violations has it", async () => {
    const { emu, received } = setupHooks();
    // Overrides are applied to every rendering, so the event payload breaks the spec too.
    emu.seedRun({ kind: "extractRuns", status: "PROCESSING", overrides: { reviewed: "no" } });
    await emu.clock.advance(2000);
    const error = await emu.webhooks.idle().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecViolationError);
    expect((error as Error).message).toMatch(/webhook event event_\w+ \(extract_run\.processed\)/);
    expect(received).toEqual([]);
    expect(emu.webhooks.deliveries()).toEqual([
      expect.objectContaining({ state: "failed", status: null, error: expect.any(String) }),
    ]);
    expect(emu.records.violations).toEqual([
      expect.objectContaining({ operationId: "webhooks.runEvent", status: 0 }),
    ]);
    await expect(emu.webhooks.idle()).resolves.toBeUndefined(); // reported once

    const lax = setupHooks([{ url: HOOK, secret: SECRET }], { strict: false });
    lax.emu.seedRun({ kind: "extractRuns", status: "PROCESSING", overrides: { reviewed: "no" } });
    await lax.emu.clock.advance(2000);
    await lax.emu.webhooks.idle();
    expect(lax.received.map((r) => r.event.payload.reviewed)).toEqual(["no"]);
  });

  it("a receiver that never answers fails after timeoutMs, so idle() ends", async () => {
    const endpoints = [{ url: HOOK, secret: SECRET }];
    const hang = () => new Promise<Response>(() => {}); // ignores its signal, too
    const emu = createEmulator({ webhooks: { endpoints, fetch: hang, timeoutMs: 50 } });
    emu.seedRun({ kind: "extractRuns", status: "PROCESSING" });
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    expect(emu.webhooks.deliveries()).toMatchObject([
      { state: "failed", status: null, error: "no answer within 50 ms (webhooks.timeoutMs)" },
    ]);
    expect(() => createEmulator({ webhooks: { timeoutMs: 0 } })).toThrow(/timeoutMs must be/);
  });

  it("signs with wall time by default, whatever the emulator clock says", async () => {
    const receiver = recordingFetch();
    const endpoints = [{ url: HOOK, secret: SECRET }];
    const emu = createEmulator({ webhooks: { endpoints, fetch: receiver.fetch } });
    emu.seedRun({ kind: "extractRuns", status: "PROCESSING" });
    const before = Math.floor(Date.now() / 1000);
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    const sent = Number(receiver.received[0]?.headers.get("x-extend-request-timestamp"));
    expect(sent).toBeGreaterThanOrEqual(before);
    expect(sent).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(emu.clock.now()).toBeLessThan(before * 1000); // the virtual clock is in March 2026
    expect(() => createEmulator({ webhooks: { timestamps: "virtual" as never } })).toThrow(
      /timestamps must be "wall" or "emulator"/,
    );
  });

  it("setEndpoints changes the receivers from now on; reset() restores the options'", async () => {
    const receiver = recordingFetch();
    const emu = createEmulator({ webhooks: { fetch: receiver.fetch } });
    const call = api(emu);
    await call("POST", "/extract", CREATE["/extract_runs"]);
    emu.webhooks.setEndpoints([{ url: HOOK, secret: SECRET }]);
    await call("POST", "/parse_runs", CREATE["/parse_runs"]);
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    expect(receiver.received.map((r) => r.event.eventType)).toEqual(["parse_run.processed"]);
    expect(() => emu.webhooks.setEndpoints([{ url: "/relative", secret: SECRET }])).toThrow(
      /absolute http\(s\) URL/,
    );
    emu.reset();
    await call("POST", "/extract", CREATE["/extract_runs"]);
    await emu.webhooks.idle();
    expect(receiver.received).toHaveLength(1);
  });

  it("RUN_EVENT_TYPES is exactly the spec's run event types", () => {
    expect([...RUN_EVENT_TYPES].sort()).toEqual(specRunEventTypes().sort());
  });
});

describe("webhook options are checked", () => {
  const make = (endpoint: Record<string, unknown>) => () =>
    createEmulator({ webhooks: { endpoints: [endpoint as unknown as WebhookEndpoint] } });
  it.each([
    [{ url: HOOK, secret: "" }, /endpoints\[0\]\.secret must be a non-empty string/],
    [{ url: HOOK }, /endpoints\[0\]\.secret/],
    [{ url: "/hooks", secret: SECRET }, /endpoints\[0\]\.url must be an absolute http\(s\) URL/],
    [{ url: "ftp://x.test/a", secret: SECRET }, /absolute http\(s\) URL/],
    [{ url: HOOK, secret: SECRET, events: ["extract_run.cancelled"] }, /unknown event type/],
    [{ url: HOOK, secret: SECRET, events: [] }, /events must list event types/],
    [{ url: HOOK, secret: SECRET, payloadFormat: "xml" }, /payloadFormat must be/],
    [{ url: HOOK, secret: SECRET, urlThresholdBytes: 10 }, /only with payloadFormat: "url"/],
    [
      { url: HOOK, secret: SECRET, payloadFormat: "url", urlThresholdBytes: -1 },
      /whole number >= 0/,
    ],
  ])("%o → %s", (endpoint, message) => {
    expect(make(endpoint)).toThrow(TypeError);
    expect(make(endpoint)).toThrow(message);
  });

  it("fetch must be a function and payloadBaseUrl an http(s) URL", () => {
    expect(() => createEmulator({ webhooks: { fetch: "nope" as never } })).toThrow(
      /webhooks\.fetch must be a function/,
    );
    expect(() => createEmulator({ webhooks: { payloadBaseUrl: "localhost:8787" } })).toThrow(
      /payloadBaseUrl must be an absolute http\(s\) URL/,
    );
  });

  it("without endpoints nothing is watched: no deliveries, idle() resolves at once", async () => {
    const emu = createEmulator();
    await api(emu)("POST", "/extract", { extractor: { id: "ex_1" }, file: FILE });
    await emu.webhooks.idle();
    expect(emu.webhooks.deliveries()).toEqual([]);
  });
});
