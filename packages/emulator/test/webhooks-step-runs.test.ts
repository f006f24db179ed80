import { createEmulator, createRng, type WebhookEndpoint } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { api, CREATE } from "./helpers.ts";
import { recordingFetch, runWebhookEventProblems, verifies } from "./webhook-helpers.ts";

// `workflow_run.step_run.processed` (REFERENCE §6.2: one `StepRun` per event): fired for each step
// a workflow run finished PROCESSED, before the run's own `workflow_run.*` event; never for a run
// cancelled or deleted before its outcome. Received by a recording fetch, checked independently
// (node:crypto for signatures, spec/openapi.yaml for bodies).

const SECRET = "wss_steps_secret";
const HOOK = "https://hooks.example.test/steps";
const WF = "/workflow_runs";
const STEP = "workflow_run.step_run.processed";

function setupHooks(endpoints: WebhookEndpoint[] = [{ url: HOOK, secret: SECRET }], seed = 1) {
  const receiver = recordingFetch();
  const emu = createEmulator({
    seed,
    webhooks: { endpoints, fetch: receiver.fetch, timestamps: "emulator" },
  });
  return { emu, call: api(emu), received: receiver.received };
}

const withOutcome = (outcome: string) => ({
  ...(CREATE[WF] as object),
  metadata: { "emulator:outcome": outcome },
});

describe("workflow step run webhooks", () => {
  it("each step fires once, signed and spec-valid, in step order, before workflow_run.completed", async () => {
    const { emu, call, received } = setupHooks();
    const created = (await call("POST", WF, CREATE[WF])).body;
    await emu.clock.advance(1999);
    await emu.webhooks.idle();
    expect(received).toEqual([]); // nothing before the outcome
    await emu.clock.advance(1);
    await emu.webhooks.idle();
    const run = (await call("GET", `${WF}/${created.id}`)).body;
    expect(received.map((r) => r.event.eventType)).toEqual([STEP, STEP, "workflow_run.completed"]);
    // Queued (and so started) in that order: deliveries() lists them so.
    expect(emu.webhooks.deliveries().map((d) => [d.eventType, d.state])).toEqual([
      [STEP, "delivered"],
      [STEP, "delivered"],
      ["workflow_run.completed", "delivered"],
    ]);
    for (const r of received) {
      expect(verifies(SECRET, r.headers, r.body)).toBe(true);
      expect(runWebhookEventProblems(r.event)).toEqual([]);
    }
    // Each payload is the step run as GET shows it in stepRuns; the last one is the run itself.
    expect(received.slice(0, 2).map((r) => r.event.payload)).toEqual(run.stepRuns);
    expect(received[2]?.event.payload).toEqual(run);
    expect(new Set(received.map((r) => r.event.eventId)).size).toBe(3);
    // Exactly once: nothing more happens to a finished run.
    await emu.clock.advance(60_000);
    await call("GET", `${WF}/${created.id}`);
    await emu.webhooks.idle();
    expect(received).toHaveLength(3);
  });

  it.each([
    ["FAILED", ["PARSE"], "workflow_run.failed"],
    ["NEEDS_REVIEW", ["PARSE", "EXTRACT"], "workflow_run.needs_review"],
    ["REJECTED", ["PARSE", "EXTRACT"], "workflow_run.rejected"],
  ])(
    "a run ending %s fires step events for %o, then %s (a FAILED step fires none)",
    async (outcome, steps, last) => {
      const { emu, call, received } = setupHooks();
      await call("POST", WF, withOutcome(outcome));
      await emu.clock.advance(2000);
      await emu.webhooks.idle();
      expect(received.map((r) => r.event.eventType)).toEqual([...steps.map(() => STEP), last]);
      expect(received.slice(0, -1).map((r) => r.event.payload.stepType)).toEqual(steps);
      for (const r of received) expect(runWebhookEventProblems(r.event)).toEqual([]);
    },
  );

  it("a cancelled run fires only workflow_run.cancelled; a run deleted while PROCESSING fires nothing", async () => {
    const { emu, call, received } = setupHooks();
    const cancelled = (await call("POST", WF, CREATE[WF])).body;
    const deleted = (await call("POST", WF, CREATE[WF])).body;
    await call("POST", `${WF}/${cancelled.id}/cancel`);
    expect((await call("DELETE", `${WF}/${deleted.id}`)).status).toBe(200);
    await emu.clock.advance(10_000);
    await emu.webhooks.idle();
    expect(received.map((r) => [r.event.eventType, r.event.payload.id])).toEqual([
      ["workflow_run.cancelled", cancelled.id],
    ]);
  });

  it("the events filter: an endpoint can take step events only, or none of them", async () => {
    const { emu, call, received } = setupHooks([
      { url: HOOK, secret: SECRET, events: [STEP] },
      {
        url: "https://runs-only.example.test/in",
        secret: SECRET,
        events: ["workflow_run.completed"],
      },
    ]);
    await call("POST", WF, CREATE[WF]);
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    expect(received.map((r) => [r.url, r.event.eventType])).toEqual([
      [HOOK, STEP],
      [HOOK, STEP],
      ["https://runs-only.example.test/in", "workflow_run.completed"],
    ]);
  });

  it("redeliver re-sends a step event: same eventId and body, fresh signature, attempt 2", async () => {
    const { emu, call, received } = setupHooks();
    await call("POST", WF, CREATE[WF]);
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    const [first] = received;
    if (!first) throw new Error("a step event expected");
    await emu.clock.advance(5000);
    const again = await emu.webhooks.redeliver(first.event.eventId);
    expect(again).toEqual([
      expect.objectContaining({ eventId: first.event.eventId, eventType: STEP, attempt: 2 }),
    ]);
    expect(again[0]?.state).toBe("delivered");
    const resent = received[3];
    if (!resent) throw new Error("the redelivery expected");
    expect(resent.body).toBe(first.body);
    expect(resent.headers.get("x-extend-request-signature")).not.toBe(
      first.headers.get("x-extend-request-signature"),
    );
    expect(verifies(SECRET, resent.headers, resent.body)).toBe(true);
    expect(emu.webhooks.deliveries().filter((d) => d.eventId === first.event.eventId)).toHaveLength(
      2,
    );
  });

  it("payloadFormat url: a step event carries a signed data URL that serves the StepRun", async () => {
    const { emu, call, received } = setupHooks([
      { url: HOOK, secret: SECRET, payloadFormat: "url", events: [STEP] },
    ]);
    const created = (await call("POST", WF, CREATE[WF])).body;
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    const run = (await call("GET", `${WF}/${created.id}`)).body;
    expect(received).toHaveLength(2);
    for (const [i, r] of received.entries()) {
      expect(runWebhookEventProblems(r.event)).toEqual([]);
      expect(r.event.payload).toEqual({
        object: "signed_data_url",
        id: run.stepRuns[i].id,
        data: expect.stringContaining("/__emulator/webhook-payloads/"),
      });
      const served = await emu.fetch(r.event.payload.data);
      expect(await served.json()).toEqual(run.stepRuns[i]);
    }
  });

  it("is deterministic: the same seed gives the same event bodies", async () => {
    const bodies = async (seed: number) => {
      const { emu, call, received } = setupHooks([{ url: HOOK, secret: SECRET }], seed);
      await call("POST", WF, CREATE[WF]);
      await call("POST", WF, withOutcome("FAILED"));
      await emu.clock.advance(2000);
      await emu.webhooks.idle();
      return received.map((r) => r.body);
    };
    const first = await bodies(3);
    expect(first).toHaveLength(5);
    expect(await bodies(3)).toEqual(first);
    expect(await bodies(4)).not.toEqual(first);
  });

  // The many-runs check of webhooks-many-runs.test.ts, for workflow runs: created over time,
  // cancelled or deleted at random (seeded). Each run that reached its outcome while it existed
  // fires one event per step, each once, before its own completed event; a cancelled run fires
  // only `workflow_run.cancelled`; a run deleted before its outcome (or before its cancel
  // completed) fires nothing.
  it("over many runs: every finished run fires each step once, before its own event", async () => {
    for (const seed of [1, 2]) {
      const { emu, call, received } = setupHooks();
      const rng = createRng(seed);
      const fate = new Map<string, "finishes" | "cancelled" | "deleted early">();
      const live: string[] = [];
      for (let i = 0; i < 400; i++) {
        const run = (await call("POST", WF, CREATE[WF])).body as { id: string };
        fate.set(run.id, "finishes");
        live.push(run.id);
        if (i % 10 === 9) await emu.clock.advance(150 + rng.int(300)); // runs take 2,000 ms
        if (rng.next() < 0.15) {
          const id = live[rng.int(live.length)] as string;
          const { status } = (await call("GET", `${WF}/${id}`)).body as { status: string };
          if (status === "PROCESSING" && rng.next() < 0.5) {
            await call("POST", `${WF}/${id}/cancel`);
            fate.set(id, "cancelled");
          } else if ((await call("DELETE", `${WF}/${id}`)).status === 200) {
            // Deleted before its event (still PROCESSING, or CANCELLING after a cancel): none.
            if (status === "PROCESSING" || status === "CANCELLING") fate.set(id, "deleted early");
            live.splice(live.indexOf(id), 1);
          }
        }
      }
      await emu.clock.advance(10_000);
      await emu.webhooks.idle();
      const byRun = new Map<string, string[]>();
      const stepIds: string[] = [];
      for (const { event } of received) {
        const runId = event.eventType === STEP ? event.payload.workflowRunId : event.payload.id;
        if (event.eventType === STEP) stepIds.push(event.payload.id);
        byRun.set(runId, [...(byRun.get(runId) ?? []), event.eventType]);
      }
      expect(new Set(stepIds).size, `seed ${seed}: no step event twice`).toBe(stepIds.length);
      for (const [id, f] of fate) {
        const want =
          f === "finishes"
            ? [STEP, STEP, "workflow_run.completed"]
            : f === "cancelled"
              ? ["workflow_run.cancelled"]
              : undefined;
        expect(byRun.get(id), `seed ${seed}: ${id} (${f})`).toEqual(want);
      }
      expect(stepIds.length).toBeGreaterThan(400);
    }
  });
});
