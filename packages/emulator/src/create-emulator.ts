import type { ApiKeyConfig } from "./api-key-config.ts";
import { buildApp } from "./build-app.ts";
import { createRealClock } from "./create-real-clock.ts";
import { createRecords } from "./create-records.ts";
import { createRng } from "./create-rng.ts";
import { createVirtualClock } from "./create-virtual-clock.ts";
import { EMULATOR_API_KEY, EMULATOR_WORKSPACE_ID } from "./credentials.ts";
import type { Emulator } from "./emulator.ts";
import type { EmulatorClock } from "./emulator-clock.ts";
import type { EmulatorOptions } from "./emulator-options.ts";
import type { EmulatorState } from "./emulator-state.ts";
import type { Exchange } from "./exchange.ts";
import { FaultEngine } from "./faults/fault-engine.ts";
import { faultScenarios } from "./faults/fault-scenarios.ts";
import { WIRE_FETCH } from "./faults/wire-fault.ts";
import { makeId } from "./make-id.ts";
import { raceAbort } from "./race-abort.ts";
import { RateLimiter } from "./rate-limiter.ts";
import { renderRun } from "./render/render-run.ts";
import { DEFAULT_DURATIONS } from "./run-durations.ts";
import { RunStore } from "./run-store.ts";
import { seedRun } from "./seed-run.ts";
import { settleRun } from "./settle-run.ts";
import { sharedSpec } from "./shared-spec.ts";
import { DEFAULT_SWITCHES, type Switches } from "./switches.ts";
import { createWebhookHub } from "./webhooks/create-webhook-hub.ts";
import { resolveWebhookOptions } from "./webhooks/resolve-webhook-options.ts";

const DEFAULT_START = "2026-03-01T00:00:00.000Z";
const DEFAULT_KEYS: readonly ApiKeyConfig[] = [
  { key: EMULATOR_API_KEY, scope: "workspace", workspaceId: EMULATOR_WORKSPACE_ID },
];

/**
 * A stateful, spec-validated stand-in for Extend's API (version 2026-02-09). Web standards only:
 * the same object works in Node, Deno and workerd. See `EmulatorOptions` for every option.
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const seed = options.seed ?? 1;
  const start =
    typeof options.startTime === "number"
      ? options.startTime
      : Date.parse(options.startTime ?? DEFAULT_START);
  if (Number.isNaN(start))
    throw new TypeError(`createEmulator: invalid startTime ${options.startTime}`);
  const keys = options.keys ?? DEFAULT_KEYS;
  if (keys.length === 0) throw new TypeError("createEmulator: `keys` must hold at least one key");
  const webhookConfig = resolveWebhookOptions(options.webhooks);
  const { ops, validator } = sharedSpec();
  const streams = () => ({
    ids: createRng(seed),
    requestIds: createRng(seed ^ 0x5eed0001),
    faultBodies: createRng(seed ^ 0x5eed0002),
    webhooks: createRng(seed ^ 0x5eed0004),
    stepRuns: createRng(seed ^ 0x5eed0005),
  });
  const baseSwitches = (): Switches => ({ ...DEFAULT_SWITCHES, ...options.switches });
  const baseClock =
    typeof options.clock === "object"
      ? { ...bindClock(options.clock), reset: () => {} }
      : options.clock === "real"
        ? createRealClock()
        : createVirtualClock(start);
  // After an advance, runs due by then fire their webhook events (on the real clock, a pending
  // wake timer would otherwise fire late).
  const clock = {
    ...baseClock,
    async advance(ms: number) {
      await baseClock.advance(ms);
      state.webhooks.afterAdvance();
    },
  };
  const store = new RunStore();
  const records = createRecords();
  const strict = options.strict ?? true;
  const state: EmulatorState = {
    ops,
    validator,
    store,
    clock,
    records,
    switches: baseSwitches(),
    durations: { ...DEFAULT_DURATIONS, ...options.durations },
    outcomes: { ...options.outcomes },
    keys,
    strict,
    faults: new FaultEngine(() => createRng(seed ^ 0x5eed0003)),
    rateLimiter: new RateLimiter(options.rateLimits ?? false),
    rng: streams(),
    idempotency: new Map(),
    notBefore: new Map(),
    webhooks: createWebhookHub(webhookConfig, {
      store,
      clock,
      rng: () => state.rng.webhooks,
      validator,
      strict,
      records,
    }),
  };

  const installScenario = (id: keyof typeof faultScenarios): string[] => {
    const scenario = faultScenarios[id];
    if (!scenario) throw new TypeError(`unknown fault scenario ${id}`);
    if (scenario.switches) Object.assign(state.switches, scenario.switches);
    return scenario.faults.map((rule) => state.faults.add(rule, state.clock.now()));
  };
  const installOptions = () => {
    for (const rule of options.faults ?? []) state.faults.add(rule, state.clock.now());
    for (const id of options.scenarios ?? []) installScenario(id);
  };

  async function handle(request: Request, wire: boolean): Promise<Response> {
    if (request.signal?.aborted) throw request.signal.reason;
    const url = new URL(request.url);
    state.webhooks.noteOrigin(url.origin);
    const record = state.records.start({
      requestId: makeId("req_", state.rng.requestIds),
      method: request.method,
      path: url.pathname + url.search,
      operationId: null,
      status: null,
      fault: null,
      at: state.clock.now(),
      keyIndex: null,
      workspaceId: null,
    });
    let ended = false;
    const end = () => {
      if (!ended) {
        ended = true;
        state.records.finish();
      }
    };
    const exchange: Exchange = { record, wire, streaming: { value: false }, onStreamEnd: end };
    try {
      // Status changes the request made become webhook events before its answer is returned
      // (delivering them is asynchronous), even when the caller aborted.
      const handled = Promise.resolve(app.fetch(request, { exchange })).finally(() =>
        state.webhooks.sweep(),
      );
      const response = await raceAbort(handled, request.signal);
      if (exchange.error !== undefined) throw exchange.error;
      if (!exchange.streaming.value) end();
      return response;
    } catch (error) {
      end();
      throw error;
    }
  }

  const emulator: Emulator & { [WIRE_FETCH]: (request: Request) => Promise<Response> } = {
    fetch: (input, init) =>
      handle(
        input instanceof Request && init === undefined ? input : new Request(input, init),
        false,
      ),
    [WIRE_FETCH]: (request: Request) => handle(request, true),
    clock: state.clock,
    records: state.records,
    get switches() {
      return state.switches;
    },
    setSwitches(patch) {
      Object.assign(state.switches, patch);
    },
    setRateLimits(limits) {
      state.rateLimiter.limits = limits;
      state.rateLimiter.reset();
    },
    reset() {
      state.store.clear();
      state.records.clear();
      state.clock.reset();
      state.rng = streams();
      state.switches = baseSwitches();
      state.idempotency.clear();
      state.notBefore.clear();
      state.rateLimiter.limits = options.rateLimits ?? false;
      state.rateLimiter.reset();
      state.faults.clear();
      state.webhooks.reset();
      installOptions();
    },
    seedRun: (input) => state.webhooks.seeding(() => seedRun(state, input)),
    getRun(id) {
      const run = state.store.peek(id);
      if (!run) return undefined;
      const now = state.clock.now();
      settleRun(run, now);
      return renderRun(run, { now, store: state.store });
    },
    runIds(filter = {}) {
      const ids: string[] = [];
      for (const run of state.store.all())
        if (
          (!filter.kind || run.kind === filter.kind) &&
          (!filter.workspaceId || run.workspaceId === filter.workspaceId)
        )
          ids.push(run.id);
      return ids;
    },
    addFault: (rule) => state.faults.add(rule, state.clock.now()),
    removeFault: (id) => state.faults.remove(id),
    clearFaults: () => state.faults.clear(),
    faults: () => state.faults.list(),
    installScenario,
    webhooks: state.webhooks.api,
  };
  const app = buildApp(state, emulator, options.controlPath ?? "/_emulator");
  installOptions();
  return emulator;
}

/** A given clock's methods, bound to it (the emulator calls them detached); checked first. */
function bindClock(clock: EmulatorClock): EmulatorClock {
  const methods = ["now", "advance", "sleep"] as const;
  if (
    (clock.kind !== "virtual" && clock.kind !== "real") ||
    methods.some((name) => typeof clock[name] !== "function")
  ) {
    throw new TypeError(
      'createEmulator: clock must be "virtual", "real" or { kind, now(), advance(ms), sleep(ms, signal?) }',
    );
  }
  return {
    kind: clock.kind,
    now: () => clock.now(),
    advance: (ms) => clock.advance(ms),
    sleep: (ms, signal) => clock.sleep(ms, signal),
  };
}
