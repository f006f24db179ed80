// Size budget fixture (.size-limit.js): what a page ships to cancel and delete a run through the
// proxy — the browser client entry and nothing else.
import { createBrowserClient } from "@extendkit/browser";

const client = createBrowserClient({ proxyUrl: "/api/extend" });

export async function cancelAndDelete(id: string): Promise<void> {
  await client.workflowRuns.cancel(id);
  await client.workflowRuns.delete(id);
}
