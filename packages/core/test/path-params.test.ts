// Catalogue E1–E11 (reliability.md §2.2): bad input in path parameters. E12 is path-params-property.test.ts.
import { InvalidArgumentError, NotFoundError } from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { expectNoCanary } from "./helpers/canary.ts";
import { makeClient } from "./helpers/make-client.ts";
import { errorReply } from "./helpers/scripted-fetch.ts";

const echo = (request: Request) => {
  const id = decodeURIComponent(new URL(request.url).pathname.split("/")[2] ?? "");
  return Response.json({ object: "workflow_run", id, status: "CANCELLED" });
};

/** Calls every id-taking entry point with `id`; each must reject with InvalidArgumentError and send nothing. */
async function expectRejectedEverywhere(id: unknown) {
  const { client, hits, logs, rejection } = makeClient([echo]);
  const calls = [
    () => client.workflowRuns.retrieve(id as string),
    () => client.workflowRuns.cancel(id as string),
    () => client.workflowRuns.delete(id as string),
    () => client.workflowRuns.update(id as string, { name: "x" }),
    () => client.workflowRuns.waitFor(id as string),
    () => client.runs.delete(id as string),
    () => client.raw.DELETE("/workflow_runs/{id}", { params: { path: { id: id as string } } }),
  ];
  for (const call of calls) {
    const error = await rejection(call());
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expectNoCanary(error, logs);
  }
  expect(hits).toHaveLength(0);
}

/** Sends `id` to cancel and returns the path segments the server saw (decoded) and the raw URL. */
async function sentAs(id: string) {
  const { client, hits, settle } = makeClient([echo]);
  await settle(client.workflowRuns.cancel(id));
  expect(hits).toHaveLength(1);
  const url = new URL(hits[0]?.url ?? "");
  return { url, segments: url.pathname.split("/").slice(1).map(decodeURIComponent) };
}

describe("E. bad input in path parameters", () => {
  it.each(["", ".", ".."])("E1 %j is rejected client-side; 0 requests", async (id) => {
    await expectRejectedEverywhere(id);
  });

  it.each(["%2e%2e", "%2E.", ".%2e"])(
    "E2 %j is rejected (never reaches the parent route)",
    async (id) => {
      await expectRejectedEverywhere(id);
    },
  );

  it.each(["a/b", "../x", "x/../../y"])(
    "E3 %j is rejected rather than split into segments",
    async (id) => {
      await expectRejectedEverywhere(id);
    },
  );

  it.each(["id?force=1", "id#frag"])(
    "E4 %j is rejected: no query or fragment can be smuggled",
    async (id) => {
      await expectRejectedEverywhere(id);
    },
  );

  it("E4 'id;x=y' is sent as one encoded segment; the server sees no query and no matrix parameter", async () => {
    const { url, segments } = await sentAs("id;x=y");
    expect(url.pathname).toBe("/workflow_runs/id%3Bx%3Dy/cancel");
    expect(segments).toEqual(["workflow_runs", "id;x=y", "cancel"]);
    expect(url.search).toBe("");
    expect(url.hash).toBe("");
  });

  it.each(["a\\..\\b", "/\\evil"])(
    "E5 %j (backslashes) is rejected; the host cannot change",
    async (id) => {
      await expectRejectedEverywhere(id);
    },
  );

  it.each(["x\r\nX-Injected: 1", "\u0000", "a\u0007b", "a\u007fb", "a\u001bb"])(
    "E6 control characters (%j) are rejected; no header injection",
    async (id) => {
      await expectRejectedEverywhere(id);
    },
  );

  it.each(["é", "𝕳", "run_é𝕳"])("E7 %j is percent-encoded as UTF-8 in one segment", async (id) => {
    const { url, segments } = await sentAs(id);
    expect(url.pathname).toBe(`/workflow_runs/${encodeURIComponent(id)}/cancel`);
    expect(segments).toEqual(["workflow_runs", id, "cancel"]);
  });

  it.each(["\u202enur_wolfkrow", "run\u200b1", "\ud800"])(
    "E7 invisible or unencodable characters (%j) are rejected",
    async (id) => {
      await expectRejectedEverywhere(id);
    },
  );

  it("E8 a 10,000-character id is rejected; 255 is the longest accepted", async () => {
    await expectRejectedEverywhere("a".repeat(10_000));
    await expectRejectedEverywhere("a".repeat(256));
    const { segments } = await sentAs("a".repeat(255));
    expect(segments[1]).toHaveLength(255);
  });

  it.each([undefined, null, 123, {}, []])(
    "E9 %j is rejected at runtime (and by the type checker)",
    async (id) => {
      await expectRejectedEverywhere(id);
    },
  );

  it("E9 the type checker rejects non-string ids", () => {
    const { client } = makeClient([]);
    const compileOnly = () => {
      // @ts-expect-error: ids are strings
      void client.workflowRuns.delete(123);
      // @ts-expect-error: ids are strings
      void client.runs.cancel(null);
    };
    expect(typeof compileOnly).toBe("function");
  });

  it.each([" id ", "\tid", "id\n", "workflow_run_1 "])(
    "E10 %j is rejected, not trimmed in silence",
    async (id) => {
      await expectRejectedEverywhere(id);
      const { rejection } = makeClient([echo]);
      expect(String(await rejection(makeClient([echo]).client.workflowRuns.delete(id)))).toMatch(
        /whitespace/,
      );
      void rejection;
    },
  );

  it("E11 a run id of the wrong type: strict mode rejects it; default mode sends it and gets the server's 404", async () => {
    const strict = makeClient([echo], { strictIds: true });
    const error = await strict.rejection(
      strict.client.workflowRuns.delete("exr_Xj8mK2pL9nR4vT7qY5wZ"),
    );
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toMatch(/workflow_run_/);
    expect(strict.hits).toHaveLength(0);
    await expect(
      strict.settle(strict.client.workflowRuns.cancel("workflow_run_1")),
    ).resolves.toMatchObject({ id: "workflow_run_1" });

    const lenient = makeClient([errorReply(404, { code: "NOT_FOUND" })]);
    const notFound = await lenient.rejection(
      lenient.client.workflowRuns.delete("exr_Xj8mK2pL9nR4vT7qY5wZ"),
    );
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect(lenient.hits).toHaveLength(1);
    expectNoCanary(error, strict.logs);
    expectNoCanary(notFound, lenient.logs);
  });

  it("E11 strict mode accepts every prefix a resource's ids have, shared ones included (legacy batch processor runs: batch_processor_run_ or bpr_)", async () => {
    const strict = makeClient([echo, echo], { strictIds: true });
    await strict.settle(strict.client.batchProcessorRuns.get("batch_processor_run_1"));
    await strict.settle(strict.client.batchProcessorRuns.get("bpr_Xj8mK2pL9nR4vT7qY5wZ"));
    expect(strict.hits).toHaveLength(2);
    const error = await strict.rejection(strict.client.batchProcessorRuns.get("exr_1"));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toMatch(/"batch_processor_run_" or "bpr_"/);
    expect(strict.hits).toHaveLength(2);
    // Routing by id still sends bpr_ to batch runs: alsoPrefixes never route.
    expect(strict.client.runs.resourceFor("bpr_1")).toBe("batchRuns");
  });
});
