import type { Rng } from "../create-rng.ts";
import type { Fault, FaultRule } from "./fault.ts";

interface Installed {
  rule: FaultRule & { id: string };
  matchers: RegExp[];
  installedAt: number;
  seen: number;
  fired: number;
}

/** The faults chosen for one request, grouped by when they act. */
export interface FaultDecision {
  /** Types of every fault that fired, for the request log. */
  fired: string[];
  latencyMs: number;
  /** Answer instead of handling (error, html, resetBeforeCommit). */
  replace: Fault | null;
  /** Change state before handling (outsideDelete, raceCompletion). */
  before: Fault[];
  /** Shape a list answer (emptyPage, repeatPage). */
  list: Fault | null;
  /** Rewrite the JSON body (unknownFields). */
  body: Fault | null;
  /** Break the transport after handling (reset after commit, mid-body, truncation, slow, stall, drip). */
  transport: Fault | null;
}

const GROUP: Record<
  Fault["type"],
  "latency" | "replace" | "before" | "list" | "body" | "transport"
> = {
  latency: "latency",
  error: "replace",
  html: "replace",
  resetBeforeCommit: "replace",
  outsideDelete: "before",
  raceCompletion: "before",
  emptyPage: "list",
  repeatPage: "list",
  unknownFields: "body",
  resetAfterCommit: "transport",
  resetMidBody: "transport",
  truncatedJson: "transport",
  slowBody: "transport",
  stall: "transport",
  dripHeaders: "transport",
};

const toMatcher = (glob: string) =>
  new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*")}$`);

/** Holds the fault rules and decides, with its own seeded random stream, which fire. */
export class FaultEngine {
  #rules: Installed[] = [];
  #next = 1;
  readonly #rng: () => Rng;
  #random: Rng;

  constructor(rng: () => Rng) {
    this.#rng = rng;
    this.#random = rng();
  }

  add(rule: FaultRule, now: number): string {
    const id = rule.id ?? `fault_${this.#next++}`;
    const routes = rule.routes === undefined ? ["*"] : [rule.routes].flat();
    this.#rules.push({
      rule: { ...rule, id },
      matchers: routes.map(toMatcher),
      installedAt: now,
      seen: 0,
      fired: 0,
    });
    return id;
  }

  remove(id: string): boolean {
    const before = this.#rules.length;
    this.#rules = this.#rules.filter((r) => r.rule.id !== id);
    return this.#rules.length !== before;
  }

  /** Removes every rule and restarts the random stream (same seed, same draws). */
  clear(): void {
    this.#rules = [];
    this.#next = 1;
    this.#random = this.#rng();
  }

  list(): Array<FaultRule & { id: string; fired: number }> {
    return this.#rules.map((r) => ({ ...r.rule, fired: r.fired }));
  }

  decide(operationId: string, now: number): FaultDecision {
    const d: FaultDecision = {
      fired: [],
      latencyMs: 0,
      replace: null,
      before: [],
      list: null,
      body: null,
      transport: null,
    };
    for (const r of this.#rules) {
      if (!r.matchers.some((m) => m.test(operationId))) continue;
      r.seen++;
      const { rule } = r;
      if (r.seen <= (rule.skip ?? 0)) continue;
      if (rule.count !== undefined && r.fired >= rule.count) continue;
      if (rule.window && !inWindow(rule.window, now - r.installedAt)) continue;
      const p = rule.probability ?? 1;
      if (p < 1 && this.#random.next() >= p) continue;
      r.fired++;
      this.#apply(d, rule.fault);
    }
    return d;
  }

  #apply(d: FaultDecision, fault: Fault): void {
    const group = GROUP[fault.type];
    if (group === "latency" && fault.type === "latency") {
      const jitter = fault.jitterMs ? (this.#random.next() * 2 - 1) * fault.jitterMs : 0;
      d.latencyMs = Math.max(d.latencyMs, Math.max(0, Math.round(fault.ms + jitter)));
    } else if (group === "before") d.before.push(fault);
    else if (group !== "latency" && d[group] === null) d[group] = fault;
    else return; // a second fault of a one-per-request group does not fire
    d.fired.push(fault.type);
  }
}

function inWindow(w: NonNullable<FaultRule["window"]>, sinceInstall: number): boolean {
  let t = sinceInstall - (w.startMs ?? 0);
  if (t < 0) return false;
  if (w.everyMs) t %= w.everyMs;
  return w.durationMs === undefined || t < w.durationMs;
}
