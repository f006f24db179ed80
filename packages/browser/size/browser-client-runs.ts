// Size guard fixture (.size-limit.js): the same page with `withRuns`, cancelling and deleting a
// run of any type by id (the prefix table and router come with it).
import { createBrowserClient, withRuns } from "@extendkit/browser";

const client = createBrowserClient({ proxyUrl: "/api/extend" }, withRuns);

export async function cancelAndDelete(id: string): Promise<void> {
  await client.runs.cancel(id);
  await client.runs.delete(id);
}
