// Catalogue F (reliability.md §2.2, PG1–PG8): pagination.
import { DEFAULT_MAX_PAGES, InvalidArgumentError, PaginationError } from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { expectNoCanary } from "./helpers/canary.ts";
import { makeClient } from "./helpers/make-client.ts";

const run = (id: string) => ({ object: "extract_run", id, status: "PROCESSED" });
const page = (ids: string[], nextPageToken?: string | null) =>
  Response.json({
    object: "list",
    data: ids.map(run),
    ...(nextPageToken !== undefined && { nextPageToken }),
  });
const tokenOf = (url: string) => new URL(url).searchParams.get("nextPageToken");

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("F. pagination", () => {
  it("PG1 a page with no items but a next token is followed", async () => {
    const { client, hits, settle } = makeClient([
      page(["exr_1"], "t1"),
      page([], "t2"),
      page(["exr_2"]),
    ]);
    const runs = await settle(collect(client.extractRuns.list({ maxPageSize: 1 })));
    expect(runs.map((r) => r.id)).toEqual(["exr_1", "exr_2"]);
    expect(hits.map((h) => tokenOf(h.url))).toEqual([null, "t1", "t2"]);
  });

  it("PG2 the same next token twice stops with a typed pagination error; no infinite loop", async () => {
    const { client, hits, logs, settle } = makeClient([
      page(["exr_1"], "t1"),
      page(["exr_2"], "t1"),
    ]);
    const seen: string[] = [];
    const error = await settle(
      (async () => {
        for await (const r of client.extractRuns.list()) seen.push(r.id);
      })().catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ reason: "repeated-token", pages: 2 });
    expect(seen).toEqual(["exr_1", "exr_2"]);
    expect(hits).toHaveLength(2);
    expectNoCanary(error, logs);
  });

  it("PG2 a next token equal to the one the caller started from is also a repeat", async () => {
    const { client, hits, settle } = makeClient([page(["exr_1"], "start")]);
    const error = await settle(
      collect(client.extractRuns.list({ nextPageToken: "start" })).catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect(hits).toHaveLength(1);
  });

  it.each([
    ["an empty string", ""],
    ["null", null],
    ["absent", undefined],
  ])(
    "PG3 a next token that is %s ends the list (the reading fixed by the spec)",
    async (_label, token) => {
      const { client, hits, settle } = makeClient([page(["exr_1"], token), page(["exr_2"])]);
      expect((await settle(collect(client.extractRuns.list()))).map((r) => r.id)).toEqual([
        "exr_1",
      ]);
      expect(hits).toHaveLength(1);
    },
  );

  it("PG4 a server that never stops is cut off by the default page cap of 10,000 pages", {
    timeout: 300_000, // a hang guard only: 10,000 requests on a busy shared machine
  }, async () => {
    let n = 0;
    const { client, hits, settle } = makeClient([() => page([`exr_${n}`], `t${++n}`)]);
    const error = await settle(collect(client.extractRuns.list().pages()).catch((e: unknown) => e));
    expect(DEFAULT_MAX_PAGES).toBe(10_000);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ reason: "page-cap", pages: 10_000 });
    expect(hits).toHaveLength(10_000);
    const capped = makeClient([() => page(["exr_x"], `t${++n}`)]);
    const items = await capped.settle(
      collect(capped.client.extractRuns.list({}, { maxPages: 3 })).catch((e: unknown) => e),
    );
    expect(items).toMatchObject({ reason: "page-cap", pages: 3 });
    expect(capped.hits).toHaveLength(3);
  });

  it.each([0, -1, 1.5, "abc"])(
    "PG5 maxPageSize %j is rejected client-side; nothing is sent",
    async (size) => {
      const { client, hits, logs, settle } = makeClient([page(["exr_1"])]);
      const error = await settle(
        client.extractRuns
          .list({ maxPageSize: size as number })
          .page()
          .catch((e: unknown) => e),
      );
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(hits).toHaveLength(0);
      expectNoCanary(error, logs);
    },
  );

  it("PG5 a maxPageSize above the server's (undocumented) maximum is sent as given for the server to clamp", async () => {
    const { client, hits, settle } = makeClient([page(["exr_1"])]);
    await settle(client.extractRuns.list({ maxPageSize: 100_000 }).page());
    expect(new URL(hits[0]?.url ?? "").searchParams.get("maxPageSize")).toBe("100000");
  });

  it("PG6 a token with + / = % : is encoded once in the query and sent back unchanged", async () => {
    const token = "xK9m+LP/q==:zW%41vU";
    const { client, hits, settle } = makeClient([page(["exr_1"], token), page(["exr_2"])]);
    await settle(collect(client.extractRuns.list()));
    const url = hits[1]?.url ?? "";
    expect(url).toContain(`nextPageToken=${encodeURIComponent(token)}`);
    expect(tokenOf(url)).toBe(token);
  });

  it("PG7 the same item on two pages is listed twice by the raw iterator", async () => {
    const { client, settle } = makeClient([
      page(["exr_1", "exr_2"], "t1"),
      page(["exr_2", "exr_3"]),
    ]);
    const ids = (await settle(collect(client.extractRuns.list()))).map((r) => r.id);
    expect(ids).toEqual(["exr_1", "exr_2", "exr_2", "exr_3"]);
  });

  it("PG8 deleting while paging an offset-paged list: snapshot the ids first and every run is deleted", async () => {
    const server = () => {
      const runs = Array.from({ length: 25 }, (_, i) => `exr_${i}`);
      const reply = (request: Request): Response => {
        const url = new URL(request.url);
        if (request.method === "DELETE") {
          const id = url.pathname.split("/")[2] ?? "";
          runs.splice(runs.indexOf(id), 1);
          return Response.json({ id });
        }
        const offset = Number(url.searchParams.get("nextPageToken") ?? 0); // offset pages, as in F18
        const next = offset + 10 < runs.length ? String(offset + 10) : undefined;
        return page(runs.slice(offset, offset + 10), next);
      };
      return { runs, reply };
    };
    const naive = server();
    const a = makeClient([naive.reply]);
    await a.settle(
      (async () => {
        for await (const r of a.client.extractRuns.list()) await a.client.extractRuns.delete(r.id);
      })(),
    );
    expect(naive.runs.length).toBeGreaterThan(0); // why the snapshot matters: offset pages shift

    const snapshot = server();
    const b = makeClient([snapshot.reply]);
    await b.settle(
      (async () => {
        const ids: string[] = [];
        for await (const r of b.client.extractRuns.list()) ids.push(r.id);
        for (const id of ids) await b.client.extractRuns.delete(id);
      })(),
    );
    expect(snapshot.runs).toEqual([]);
  });

  it("await list(q) is the first page, .page() the same read, and nothing is sent until used", async () => {
    const { client, hits, settle } = makeClient([page(["exr_1"], "t1"), page(["exr_2"])]);
    const list = client.extractRuns.list({ status: "PROCESSED" });
    expect(hits).toHaveLength(0);
    const first = await settle(Promise.resolve(list));
    expect(first).toEqual({ object: "list", data: [run("exr_1")], nextPageToken: "t1" });
    expect(await list.page()).toBe(first);
    expect(hits).toHaveLength(1);
    expect(new URL(hits[0]?.url ?? "").searchParams.get("status")).toBe("PROCESSED");
  });

  it("the legacy processor-run list iterates its processorRuns", async () => {
    const legacy = (ids: string[], next?: string) =>
      Response.json({
        success: true,
        processorRuns: ids.map(run),
        ...(next && { nextPageToken: next }),
      });
    const { client, settle } = makeClient([legacy(["exr_1"], "t"), legacy(["exr_2"])]);
    const ids = (await settle(collect(client.processorRuns.list()))).map((r) => r.id);
    expect(ids).toEqual(["exr_1", "exr_2"]);
  });

  it("maxPages is rejected outside list methods, and an unknown option key anywhere", async () => {
    const { client, hits, rejection } = makeClient([page([])]);
    expect(await rejection(client.extractRuns.retrieve("exr_1", { maxPages: 2 }))).toBeInstanceOf(
      InvalidArgumentError,
    );
    const typo = { timeoutMs: 5 } as never;
    expect(await rejection(client.extractRuns.retrieve("exr_1", typo))).toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(hits).toHaveLength(0);
  });
});
