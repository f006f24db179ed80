import type { RetentionEnv } from "./config.ts";
import { describe } from "./describe.ts";
import type { DeadLetter } from "./messages.ts";
import type { MessageBatch } from "./queue-types.ts";

/**
 * The dead-letter queue's consumer: logs each message that could not be handled and, when the
 * `RETENTION_DEAD` KV namespace is bound, records it as `dead:<run id>` (or `dead:scan:<type>`)
 * so `GET /dead` can list them. Everything is acked: a person decides what to do next.
 */
export async function recordDeadLetters(
  batch: MessageBatch<DeadLetter>,
  env: RetentionEnv,
): Promise<void> {
  for (const message of batch.messages) {
    const body = message.body;
    const key = body.kind === "scan" ? `dead:scan:${body.type}` : `dead:${body.id}`;
    const value = JSON.stringify({
      ...body,
      ...(body.kind !== "dead" && { error: `gave up after ${message.attempts} deliveries` }),
    });
    console.error(JSON.stringify({ retention: "dead-letter", key, value }));
    try {
      await env.RETENTION_DEAD?.put(key, value);
    } catch (error) {
      console.error(
        JSON.stringify({ retention: "dead-letter-not-recorded", key, error: describe(error) }),
      );
    }
    message.ack();
  }
}
