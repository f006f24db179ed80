import { type App, bad, type Guard, json } from "./control-kit.ts";
import type { Emulator } from "./emulator.ts";
import type { FaultRule } from "./faults/fault.ts";
import { type FaultScenarioId, faultScenarios } from "./faults/fault-scenarios.ts";
import type { SeedRunInput } from "./seed-run-input.ts";
import { registerWebhookControlRoutes } from "./webhooks/webhook-control-routes.ts";

async function bodyOf(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (!text) return {};
  const value = JSON.parse(text) as unknown;
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new Error("expected a JSON object");
  return value as Record<string, unknown>;
}

/**
 * The control endpoint: the emulator's test controls over HTTP, for clients in another process or
 * runtime. Not part of Extend's API, never faulted, needs no key. Routes (under `base`):
 *   GET    /                       clock time, run count, switches, faults
 *   POST   /clock/advance          {ms}
 *   POST   /reset
 *   POST   /runs                   SeedRunInput → the run;   GET /runs/:id → the run
 *   GET    /records                request log, in-flight, effects by run id, violations
 *   DELETE /records
 *   GET    /faults;  POST /faults  FaultRule → {id};  DELETE /faults;  DELETE /faults/:id
 *   POST   /scenarios/:id          install F01…F20 → {ids}
 *   GET    /switches;  PATCH /switches  Partial<Switches>
 *   PUT    /rate-limits            RateLimits or false
 *   /webhooks/…                     deliveries, idle, redeliver, endpoints (webhook-control-routes.ts)
 */
export function registerControlRoutes(app: App, base: string, emu: Emulator): void {
  const at = (path: string) => `${base}${path}`;
  const guard: Guard = (fn) => async (c) => {
    c.env.exchange.record.operationId = "control";
    try {
      const response = await fn(c.req.raw, c.req.param());
      c.env.exchange.record.status = response.status;
      return response;
    } catch (e) {
      c.env.exchange.record.status = 400;
      return bad(e instanceof Error ? e.message : String(e));
    }
  };
  app.get(
    at("/"),
    guard(() =>
      json({
        now: new Date(emu.clock.now()).toISOString(),
        clock: emu.clock.kind,
        runs: emu.runIds().length,
        switches: emu.switches,
        faults: emu.faults(),
      }),
    ),
  );
  app.post(
    at("/clock/advance"),
    guard(async (r) => {
      const { ms } = await bodyOf(r);
      if (typeof ms !== "number" || !(ms >= 0)) return bad("ms must be a number >= 0");
      await emu.clock.advance(ms);
      return json({ now: new Date(emu.clock.now()).toISOString() });
    }),
  );
  app.post(
    at("/reset"),
    guard(() => {
      emu.reset();
      return json({ ok: true });
    }),
  );
  app.post(
    at("/runs"),
    guard(async (r) => json(emu.seedRun((await bodyOf(r)) as unknown as SeedRunInput))),
  );
  app.get(
    at("/runs/:id"),
    guard((_r, p) => {
      const run = emu.getRun(p.id ?? "");
      return run
        ? json(run)
        : json({ code: "NOT_FOUND", message: "Run not found.", retryable: false }, 404);
    }),
  );
  app.get(
    at("/records"),
    guard(() => {
      const r = emu.records;
      return json({
        requests: r.requests,
        inFlight: r.inFlight,
        maxInFlight: r.maxInFlight,
        effects: Object.fromEntries(r.allEffects()),
        violations: r.violations,
        retryAfterViolations: r.retryAfterViolations,
      });
    }),
  );
  app.delete(
    at("/records"),
    guard(() => {
      emu.records.clear();
      return json({ ok: true });
    }),
  );
  app.get(
    at("/faults"),
    guard(() => json(emu.faults())),
  );
  app.post(
    at("/faults"),
    guard(async (r) => {
      const rule = (await bodyOf(r)) as unknown as FaultRule;
      if (!rule.fault || typeof rule.fault !== "object") return bad("a fault rule needs `fault`");
      return json({ id: emu.addFault(rule) });
    }),
  );
  app.delete(
    at("/faults"),
    guard(() => {
      emu.clearFaults();
      return json({ ok: true });
    }),
  );
  app.delete(
    at("/faults/:id"),
    guard((_r, p) => json({ removed: emu.removeFault(p.id ?? "") })),
  );
  app.post(
    at("/scenarios/:id"),
    guard((_r, p) => {
      const id = p.id as FaultScenarioId;
      if (!(id in faultScenarios)) return bad(`unknown scenario ${id}; use F01 … F20`);
      return json({ ids: emu.installScenario(id) });
    }),
  );
  app.get(
    at("/switches"),
    guard(() => json(emu.switches)),
  );
  app.patch(
    at("/switches"),
    guard(async (r) => {
      emu.setSwitches(await bodyOf(r));
      return json(emu.switches);
    }),
  );
  app.put(
    at("/rate-limits"),
    guard(async (r) => {
      const text = await r.text();
      const limits = JSON.parse(text || "false");
      emu.setRateLimits(limits);
      return json({ ok: true });
    }),
  );
  registerWebhookControlRoutes(app, at, guard, emu);
}
