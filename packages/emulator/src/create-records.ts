import type {
  EffectCounts,
  EmulatorRecords,
  RequestRecord,
  SpecViolation,
} from "./emulator-records.ts";

const zero = (): EffectCounts => ({
  created: 0,
  updated: 0,
  cancelled: 0,
  deleted: 0,
  deletedByOthers: 0,
  completedByRace: 0,
});

/** The writable side of the records; the emulator hands out the read-only view. */
export interface RecordsWriter extends EmulatorRecords {
  start(record: Omit<RequestRecord, "seq">): RequestRecord;
  finish(): void;
  effect(id: string, kind: keyof EffectCounts): void;
  violation(v: SpecViolation): void;
  retryAfterViolation(): void;
}

export function createRecords(): RecordsWriter {
  let requests: RequestRecord[] = [];
  let effects = new Map<string, EffectCounts>();
  let violations: SpecViolation[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let retryAfterViolations = 0;
  let seq = 0;
  return {
    get requests() {
      return requests;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get violations() {
      return violations;
    },
    get retryAfterViolations() {
      return retryAfterViolations;
    },
    effects: (id) => ({ ...(effects.get(id) ?? zero()) }),
    allEffects: () => new Map([...effects].map(([id, e]) => [id, { ...e }])),
    clear() {
      requests = [];
      effects = new Map();
      violations = [];
      maxInFlight = inFlight;
      retryAfterViolations = 0;
      seq = 0;
    },
    start(record) {
      const full = { seq: ++seq, ...record };
      requests.push(full);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return full;
    },
    finish() {
      inFlight = Math.max(0, inFlight - 1);
    },
    effect(id, kind) {
      const e = effects.get(id) ?? zero();
      e[kind]++;
      effects.set(id, e);
    },
    violation(v) {
      violations.push(v);
    },
    retryAfterViolation() {
      retryAfterViolations++;
    },
  };
}
