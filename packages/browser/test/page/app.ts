// The test page's script, bundled for Chromium. It exposes the conformance `act` and a tiny
// run manager UI (#runs: one row per id in the URL hash, with Cancel and Delete buttons).
import { ApiError, createBrowserClient, withRuns } from "@extendkit/browser";
import { act } from "@extendkit/conformance";

const proxyUrl = "/api/extend";
const page = globalThis as unknown as Record<string, unknown>;
page.runAct = (name: string, params: unknown) =>
  act(name, (overrides) => createBrowserClient({ proxyUrl, ...overrides }), params);
page.createBrowserClient = createBrowserClient;

const client = createBrowserClient({ proxyUrl }, withRuns);
const list = document.querySelector("#runs");
for (const id of decodeURIComponent(location.hash.slice(1)).split(",").filter(Boolean)) {
  const row = document.createElement("li");
  row.dataset.id = id;
  const status = document.createElement("span");
  status.className = "status";
  status.textContent = "ready";
  const button = (label: string, run: () => Promise<string>) => {
    const b = document.createElement("button");
    b.textContent = label;
    b.addEventListener("click", async () => {
      status.textContent = "…";
      try {
        status.textContent = await run();
      } catch (error) {
        status.textContent =
          error instanceof ApiError ? `error ${error.status} ${error.code}` : "error";
      }
    });
    return b;
  };
  row.append(
    id,
    " ",
    button("Cancel", async () =>
      String(((await client.runs.cancel(id)) as { status?: string }).status),
    ),
    button("Delete", async () => {
      await client.runs.delete(id);
      return "DELETED";
    }),
    " ",
    status,
  );
  list?.append(row);
}
document.body.dataset.ready = "true";
