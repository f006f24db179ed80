import type { ExtendClient } from "@extendkit/workers";
import type { RetentionEnv } from "./config.ts";
import { describe } from "./describe.ts";
import type { DeleteMessage } from "./messages.ts";
import type { Message } from "./queue-types.ts";

/** Longest delay a Queues message may be given (12 hours). */
const MAX_DELAY_SECONDS = 43_200;

/**
 * Deletes the runs of a batch of delete messages with `client.runs.deleteMany` (at most 6 at a
 * time on Workers, one rate limiter and retry budget for the batch), then settles each message:
 * - deleted, already absent or not found: `ack`;
 * - failed but retryable, or not attempted: `retry` with a delay (the API's Retry-After when it
 *   stopped the batch, else exponential by delivery attempt); Cloudflare moves a message to the
 *   dead-letter queue after `max_retries`;
 * - failed for good (a 4xx other than 404/429, an answer naming another run): sent to the
 *   dead-letter queue at once when `RETENTION_DLQ` is bound, and acked.
 * A message delivered before (`attempts > 1`) may have deleted its run already, so its 404 counts
 * as already absent.
 */
export async function deleteBatch(
  messages: readonly Message<DeleteMessage>[],
  env: RetentionEnv,
  client: ExtendClient,
): Promise<void> {
  const byId = new Map<string, Message<DeleteMessage>[]>();
  for (const message of messages) {
    const same = byId.get(message.body.id) ?? [];
    same.push(message);
    byId.set(message.body.id, same);
  }
  const report = await client.runs.deleteMany(
    [...byId.entries()].map(([id, same]) =>
      same.some((m) => m.attempts > 1) ? { id, attempted: true } : id,
    ),
  );
  const each = (id: string, settle: (m: Message<DeleteMessage>) => void) => {
    for (const message of byId.get(id) ?? []) settle(message);
  };
  for (const id of [...report.deleted, ...report.alreadyAbsent, ...report.notFound]) {
    each(id, (m) => m.ack());
  }
  const stoppedUntil =
    report.stopped?.reason === "rate-limited" ? report.stopped.resumeAt : undefined;
  const delay = (m: Message<DeleteMessage>) =>
    Math.min(
      MAX_DELAY_SECONDS,
      stoppedUntil !== undefined
        ? Math.ceil((stoppedUntil - Date.now()) / 1000)
        : Math.min(300, 2 ** Math.min(m.attempts, 8)),
    );
  for (const id of report.notAttempted) each(id, (m) => m.retry({ delaySeconds: delay(m) }));
  for (const failure of report.failed) {
    if (failure.retryable || env.RETENTION_DLQ === undefined) {
      each(failure.id, (m) => m.retry({ delaySeconds: delay(m) }));
      continue;
    }
    await env.RETENTION_DLQ.send({ kind: "dead", id: failure.id, error: describe(failure.error) });
    each(failure.id, (m) => m.ack());
  }
  console.log(JSON.stringify({ retention: "deleted", ...report.counts }));
}
