// A Cloudflare Worker that keeps Extend runs no longer than a retention period.
//
// Cron Trigger → `scheduled`: enqueues one scan message per run type (the cutoff fixed now).
// Queue consumer → `queue`: a scan message lists one page and enqueues a delete message per
// expired run, then the next page; delete messages are deleted in batches with
// `client.runs.deleteMany`, acked, retried with a delay, or dead-lettered. The dead-letter queue's
// consumer records what could not be deleted. See README.md for wrangler.toml and operations.
import { createClient } from "@extendkit/workers";
import { type RetentionEnv, readConfig } from "./config.ts";
import { deleteBatch } from "./delete-batch.ts";
import { describe } from "./describe.ts";
import type { DeadLetter, DeleteMessage, RetentionMessage, ScanMessage } from "./messages.ts";
import type { Message, MessageBatch } from "./queue-types.ts";
import { recordDeadLetters } from "./record-dead-letters.ts";
import { scanPage } from "./scan-page.ts";
import { startPurge } from "./start-purge.ts";

export type { RetentionEnv } from "./config.ts";

export default {
  async scheduled(controller: { scheduledTime: number }, env: RetentionEnv): Promise<void> {
    await startPurge(env, readConfig(env), controller.scheduledTime || Date.now());
  },

  async queue(
    batch: MessageBatch<RetentionMessage | DeadLetter>,
    env: RetentionEnv,
  ): Promise<void> {
    const config = readConfig(env);
    if (batch.queue === config.dlqName) {
      await recordDeadLetters(batch as MessageBatch<DeadLetter>, env);
      return;
    }
    const client = createClient(env);
    const deletes: Message<DeleteMessage>[] = [];
    for (const message of batch.messages as readonly Message<RetentionMessage>[]) {
      if (message.body.kind === "delete") {
        deletes.push(message as Message<DeleteMessage>);
        continue;
      }
      try {
        await scanPage(message.body as ScanMessage, env, config, client);
        message.ack();
      } catch (error) {
        console.error(
          JSON.stringify({
            retention: "scan-failed",
            type: (message.body as ScanMessage).type,
            error: describe(error),
          }),
        );
        message.retry({ delaySeconds: Math.min(300, 2 ** Math.min(message.attempts, 8)) });
      }
    }
    if (deletes.length > 0) await deleteBatch(deletes, env, client);
  },

  /** `POST /purge` starts a purge now; `GET /dead` lists dead letters. Bearer RETENTION_ADMIN_TOKEN. */
  async fetch(request: Request, env: RetentionEnv): Promise<Response> {
    const token = env.RETENTION_ADMIN_TOKEN;
    if (!token) return new Response("not found", { status: 404 });
    if (request.headers.get("authorization") !== `Bearer ${token}`) {
      return Response.json({ error: "unauthorized" }, { status: 401 });
    }
    const { pathname } = new URL(request.url);
    if (request.method === "POST" && pathname === "/purge") {
      const scans = await startPurge(env, readConfig(env), Date.now());
      return Response.json({ started: scans.length, cutoff: scans[0]?.cutoff }, { status: 202 });
    }
    if (request.method === "GET" && pathname === "/dead") {
      const listed = (await env.RETENTION_DEAD?.list({ prefix: "dead:" })) ?? { keys: [] };
      return Response.json({ dead: listed.keys.map((k) => k.name.slice("dead:".length)) });
    }
    return Response.json({ error: "not found" }, { status: 404 });
  },
};
