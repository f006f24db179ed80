import {
  compileFilter,
  type ExtendClient,
  isOldEnough,
  LIST_ROUTES,
  listQuery,
  metadataMatches,
} from "@extendkit/workers";
import type { RetentionConfig, RetentionEnv } from "./config.ts";
import type { ScanMessage } from "./messages.ts";

interface Page {
  data: Record<string, unknown>[];
  nextPageToken?: string | null;
}

/**
 * Handles one scan message: lists one page of its run type (with retries, through the client),
 * enqueues a delete message for each expired run on it, then enqueues the scan of the next page.
 * At the end of a listing, a pass that found runs is followed by another (after
 * `RETENTION_RESCAN_DELAY`), until a pass finds none or `RETENTION_MAX_PASSES` is reached — pages
 * that shift while runs are deleted cannot hide any for good. Resolves to the runs enqueued.
 */
export async function scanPage(
  message: ScanMessage,
  env: RetentionEnv,
  config: RetentionConfig,
  client: ExtendClient,
): Promise<number> {
  const filter = compileFilter(
    {
      types: [message.type],
      createdBefore: message.cutoff,
      ...(message.status !== undefined && { status: [message.status] }),
      ...(config.workflowId !== undefined && { workflowId: config.workflowId }),
      ...(config.batchId !== undefined && { batchId: config.batchId }),
      metadata: config.metadata,
      maxPageSize: config.pageSize,
    },
    Date.now(),
  );
  const query = {
    ...listQuery(filter, message.type, message.status),
    ...(message.pageToken !== undefined && { nextPageToken: message.pageToken }),
  };
  const { resource, sortable } = LIST_ROUTES[message.type];
  const list = (client as unknown as Record<string, { list(q: unknown): PromiseLike<Page> }>)[
    resource
  ];
  const page = await (list as { list(q: unknown): PromiseLike<Page> }).list(query);
  const expired: string[] = [];
  let allTooNew = page.data.length > 0;
  for (const run of page.data) {
    if (typeof run.id !== "string" || !isOldEnough(run, filter)) continue;
    allTooNew = false;
    let matches = metadataMatches(run, filter);
    if (matches === undefined) {
      // Workflow-run summaries carry no metadata: read the run.
      matches =
        metadataMatches((await client.runs.retrieve(run.id)) as Record<string, unknown>, filter) ===
        true;
    }
    if (matches) expired.push(run.id);
  }
  if (config.dryRun) {
    console.log(JSON.stringify({ retention: "dry-run", type: message.type, wouldDelete: expired }));
  } else {
    for (let i = 0; i < expired.length; i += 100) {
      await env.RETENTION_QUEUE.sendBatch(
        expired.slice(i, i + 100).map((id) => ({ body: { kind: "delete" as const, id } })),
      );
    }
  }
  const found = message.found + expired.length;
  const next = page.nextPageToken;
  const listingGoesOn =
    typeof next === "string" &&
    next !== "" &&
    next !== message.pageToken &&
    !(sortable && allTooNew);
  if (listingGoesOn) {
    await env.RETENTION_QUEUE.send({ ...message, pageToken: next, found });
  } else if (found > 0 && message.pass < config.maxPasses && !config.dryRun) {
    const { pageToken: _, ...rest } = message;
    await env.RETENTION_QUEUE.send(
      { ...rest, pass: message.pass + 1, found: 0 },
      { delaySeconds: config.rescanDelaySeconds },
    );
  }
  return expired.length;
}
