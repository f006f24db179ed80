// Resource calls skip openapi-fetch while no middleware is registered (prepare-operation.ts). The
// request they send must be exactly the one openapi-fetch + prepareRequest send with middleware.
import type { ExtendClient } from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { makeClient } from "./helpers/make-client.ts";
import type { Hit } from "./helpers/scripted-fetch.ts";

const RUN = { object: "extract_run", id: "exr_aB-1_2", status: "PROCESSED" };

const calls: [string, (c: ExtendClient) => Promise<unknown>][] = [
  ["retrieve", (c) => c.extractRuns.retrieve("exr_aB-1_2")],
  [
    "parse: body and query from one request object",
    (c) =>
      (c as unknown as { parse: (...a: unknown[]) => Promise<unknown> }).parse(
        { file: { url: "https://example.com/a.pdf" }, responseType: "json" },
        { idempotencyKey: "key-1" },
      ),
  ],
  [
    "update, body and caller headers",
    (c) =>
      c.workflowRuns.update("workflow_run_1", { name: "n ü", metadata: { a: [1, 2] } } as never, {
        headers: { "x-trace": "t1", "content-type": "application/json; charset=utf-8" },
      }),
  ],
  ["delete", (c) => c.extractRuns.delete("exr_1")],
];

function shape(hit: Hit | undefined) {
  if (hit === undefined) throw new Error("no request was sent");
  return {
    method: hit.method,
    url: hit.url,
    headers: [...hit.headers].sort(([a], [b]) => a.localeCompare(b)),
    body: hit.body,
  };
}

describe("resource calls without middleware", () => {
  it.each(calls)("%s: sends the same request as through openapi-fetch", async (_, call) => {
    const direct = makeClient([Response.json(RUN)], { workspaceId: "ws_1" });
    const viaOpenapiFetch = makeClient([Response.json(RUN)], { workspaceId: "ws_1" });
    viaOpenapiFetch.client.use({ onRequest() {} });
    const a = await direct.settle(call(direct.client)).catch((e: unknown) => e);
    const b = await viaOpenapiFetch.settle(call(viaOpenapiFetch.client)).catch((e: unknown) => e);
    expect(direct.hits).toHaveLength(1);
    expect(shape(direct.hits[0])).toEqual(shape(viaOpenapiFetch.hits[0]));
    expect(a).toEqual(b);
  });

  it("list with query parameters: the same query string", async () => {
    const page = { object: "list", data: [], nextPageToken: null };
    const direct = makeClient([Response.json(page)]);
    const viaOpenapiFetch = makeClient([Response.json(page)]);
    viaOpenapiFetch.client.use({ onRequest() {} });
    const query = { status: "PROCESSED", fileNameContains: "a&b c", maxPageSize: 5 } as never;
    await direct.settle(direct.client.extractRuns.list(query).page());
    await viaOpenapiFetch.settle(viaOpenapiFetch.client.extractRuns.list(query).page());
    expect(direct.hits[0]?.url).toContain("fileNameContains=a%26b%20c");
    expect(shape(direct.hits[0])).toEqual(shape(viaOpenapiFetch.hits[0]));
  });
});
