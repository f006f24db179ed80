export type { ApiKeyConfig } from "./api-key-config.ts";
export { API_VERSION } from "./check-api-version.ts";
export { ConnectionResetError, isConnectionReset } from "./connection-errors.ts";
export { createEmulator } from "./create-emulator.ts";
export { createRng, type Rng } from "./create-rng.ts";
export { EMULATOR_API_KEY, EMULATOR_WORKSPACE_ID } from "./credentials.ts";
export type { Emulator } from "./emulator.ts";
export type { EmulatorClock } from "./emulator-clock.ts";
export type { EmulatorOptions } from "./emulator-options.ts";
export type {
  EffectCounts,
  EmulatorRecords,
  RequestRecord,
  SpecViolation,
} from "./emulator-records.ts";
export type { Fault, FaultRule, FaultType } from "./faults/fault.ts";
export {
  type FaultScenario,
  type FaultScenarioId,
  faultScenarios,
} from "./faults/fault-scenarios.ts";
export { OUTCOME_KEY } from "./handlers/create-run-record.ts";
export type { RateLimits } from "./rate-limits.ts";
export { DEFAULT_DURATIONS, type RunDurations } from "./run-durations.ts";
export { RUN_KINDS, type RunKind } from "./run-kinds.ts";
export type { SeedRunInput } from "./seed-run-input.ts";
export { SpecViolationError } from "./spec-violation-error.ts";
export { DEFAULT_SWITCHES, type Switches } from "./switches.ts";
export type { EmulatorWebhooks } from "./webhooks/emulator-webhooks.ts";
export { RUN_EVENT_TYPES, type RunEventType } from "./webhooks/run-event-types.ts";
export {
  type SignWebhookInput,
  signWebhook,
  type WebhookSignatureHeaders,
} from "./webhooks/sign-webhook.ts";
export type { WebhookDelivery } from "./webhooks/webhook-delivery.ts";
export type { WebhookEndpoint, WebhookOptions } from "./webhooks/webhook-options.ts";
