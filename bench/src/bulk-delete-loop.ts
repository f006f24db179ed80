import type { BulkReport } from "./contenders/types.ts";

/**
 * The bench's own bulk delete, used for every contender that has no bulk helper of its own: at most
 * `concurrency` deletes in flight, ids pulled lazily from `ids` (so 100,000 ids are never all in
 * memory at once), each delete tried once through the contender — whatever retrying happens is the
 * contender's own. Never rejects: failures are counted.
 */
export async function bulkDeleteLoop(
  ids: AsyncIterable<string> | Iterable<string>,
  concurrency: number,
  deleteOne: (id: string) => Promise<unknown>,
): Promise<BulkReport> {
  const report: BulkReport = { deleted: 0, failed: 0, errors: [] };
  const iterator =
    Symbol.asyncIterator in ids ? ids[Symbol.asyncIterator]() : ids[Symbol.iterator]();
  // One shared iterator: `next()` calls are serialised so no id is handed out twice.
  let pulling: Promise<unknown> = Promise.resolve();
  const take = (): Promise<IteratorResult<string>> => {
    const next = pulling.then(() => iterator.next());
    pulling = next.catch(() => undefined);
    return next;
  };
  const worker = async (): Promise<void> => {
    for (;;) {
      const item = await take();
      if (item.done === true) return;
      try {
        await deleteOne(item.value);
        report.deleted++;
      } catch (error) {
        report.failed++;
        if (report.errors.length < 5)
          report.errors.push(String((error as Error)?.message ?? error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return report;
}

/** `count` ids `<prefix><n>` made one at a time: a stream, not an array. */
export async function* generateIds(count: number, prefix = "exr_bench"): AsyncGenerator<string> {
  for (let n = 0; n < count; n++) yield `${prefix}${n.toString().padStart(12, "0")}`;
}
