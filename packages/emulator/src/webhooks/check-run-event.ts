import type { RecordsWriter } from "../create-records.ts";
import type { SpecValidator } from "../spec-validator.ts";
import { SpecViolationError } from "../spec-violation-error.ts";
import type { RunEvent } from "./run-event.ts";

/**
 * Checks what one endpoint is sent (and, when that is a signed data URL envelope, the full event
 * it stands for) against the spec's `RunWebhookEvent`. A mismatch is an emulator bug: it is
 * recorded in `records.violations` (operation `webhooks.runEvent`, status 0) and returned.
 */
export function checkRunEvent(
  validator: SpecValidator,
  records: RecordsWriter,
  event: RunEvent,
  sent: RunEvent,
): SpecViolationError | null {
  const problems = [
    ...validator.schema("RunWebhookEvent", sent),
    ...(sent === event ? [] : validator.schema("RunWebhookEvent", event)),
  ];
  if (problems.length === 0) return null;
  const message = problems.join("; ");
  records.violation({
    requestId: event.eventId,
    operationId: "webhooks.runEvent",
    status: 0,
    message,
  });
  return new SpecViolationError(
    "webhooks.runEvent",
    0,
    message,
    `webhook event ${event.eventId} (${event.eventType})`,
  );
}
